/**
 * Helpers for tests of code built on @scribe/core: a manual clock, scripted transports and live sources, test
 * configs and WAV bytes.
 * @module @scribe/core/testing
 */
export { createScriptedLiveSource, type ScriptedLiveSource, type ScriptedLiveSourceOptions } from './create-scripted-live-source';
export { createManualClock, type ManualClock, type ManualClockOptions } from './manual-clock';
export { createScriptedTransport, hangUntilAborted, type ScriptedHandler, type ScriptedReply, type ScriptedTransport } from './scripted-transport';
export { createTestConfig, createTestDiscoveryDocument } from './test-config';
export { createWavBytes } from './wav-bytes';
export { ScriptedWebSocket } from './scripted-web-socket';
export {
  CHUNK_STORE_CONTRACT,
  describeChunkStoreContract,
  type ChunkStoreCheck,
  type ChunkStoreContractOptions,
  type MakeChunkStore,
  type TestRegistrar,
} from './chunk-store-contract';
