/** The local engine: real transcription (pocketsphinx or an OpenAI-compatible server) and clinical extraction. */
export { createLocalEngine, type LocalEngineOptions } from './engines/create-local-engine.js';
export { selectEngine, type EngineSelection, type SelectedEngine } from './engines/engine-selection.js';
export type { Transcriber, TranscriberInput, TranscriberResult } from './transcribers/transcriber.js';
export { findPocketsphinx, type FindPocketsphinxOptions, type PocketsphinxInstallation, type PocketsphinxVariant } from './transcribers/find-pocketsphinx.js';
export { createPocketsphinxTranscriber, parsePocketsphinxOutput, type PocketsphinxTranscriberOptions } from './transcribers/pocketsphinx-transcriber.js';
export { createOpenAiCompatibleTranscriber, type OpenAiCompatibleTranscriberOptions } from './transcribers/openai-compatible-transcriber.js';
export { createUnavailableTranscriber, NO_TRANSCRIBER_MESSAGE } from './transcribers/unavailable-transcriber.js';
export { EXTRACTOR_TEMPLATES, type Extractor } from './extractors/extractor.js';
export { createRuleBasedExtractor, EMPTY_TRANSCRIPT_MESSAGE } from './extractors/rules/rule-based-extractor.js';
export { takesForGranted, type PresupposedKind } from './extractors/rules/presupposing-question.js';
export { createOpenAiCompatibleExtractor, type OpenAiCompatibleExtractorOptions } from './extractors/openai-compatible-extractor.js';
export { MEDICINES, MEDICINE_SOURCES } from './extractors/lexicon/medicines.js';
export { CONDITIONS, SYMPTOMS, CONDITION_SOURCES } from './extractors/lexicon/conditions.js';
export { INVESTIGATIONS } from './extractors/lexicon/investigations.js';
export type { LexiconEntry, LexiconSource } from './extractors/lexicon/lexicon-entry.js';
