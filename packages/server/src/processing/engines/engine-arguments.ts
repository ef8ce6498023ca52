import { selectEngine, type EngineSelection, type SelectedEngine } from './engine-selection.js';

/** Help lines of the engine flags. */
export const ENGINE_USAGE = `  --transcriber KIND        pocketsphinx | openai-compatible | none (default: pocketsphinx when installed, else none)
  --transcriber-url URL     OpenAI-compatible speech-to-text server (/v1/audio/transcriptions); key in SCRIBE_TRANSCRIBER_API_KEY
  --transcriber-model NAME  model field sent to it (default whisper-1)
  --pocketsphinx PATH       pocketsphinx binary to use (default: found on PATH; model: SCRIBE_POCKETSPHINX_MODEL or the usual dirs)
  --extractor KIND          rules | openai-compatible (default rules)
  --extractor-url URL       OpenAI-compatible chat server (/v1/chat/completions); key in SCRIBE_EXTRACTOR_API_KEY
  --extractor-model NAME    model field sent to it (default local-model)
`;

/** `parseArgs` specs of the engine flags. */
export const ENGINE_ARGUMENT_OPTIONS = {
  transcriber: { type: 'string' },
  'transcriber-url': { type: 'string' },
  'transcriber-model': { type: 'string' },
  pocketsphinx: { type: 'string' },
  extractor: { type: 'string' },
  'extractor-url': { type: 'string' },
  'extractor-model': { type: 'string' },
} as const;

const TRANSCRIBERS = ['pocketsphinx', 'openai-compatible', 'none'] as const;
const EXTRACTORS = ['rules', 'openai-compatible'] as const;

/** Builds the engine from the parsed flags; API keys come from the environment so they stay out of `ps` listings. */
export function engineFromArguments(values: Partial<Record<keyof typeof ENGINE_ARGUMENT_OPTIONS, string>>, env: NodeJS.ProcessEnv = process.env): SelectedEngine {
  const transcriber = values.transcriber;
  if (transcriber !== undefined && !(TRANSCRIBERS as readonly string[]).includes(transcriber)) {
    throw new TypeError(`--transcriber must be one of ${TRANSCRIBERS.join(', ')}, got ${JSON.stringify(transcriber)}`);
  }
  const extractor = values.extractor;
  if (extractor !== undefined && !(EXTRACTORS as readonly string[]).includes(extractor)) {
    throw new TypeError(`--extractor must be one of ${EXTRACTORS.join(', ')}, got ${JSON.stringify(extractor)}`);
  }
  const selection: EngineSelection = {
    transcriber: (transcriber as EngineSelection['transcriber']) ?? 'auto',
    transcriberUrl: values['transcriber-url'],
    transcriberApiKey: env.SCRIBE_TRANSCRIBER_API_KEY || undefined,
    transcriberModel: values['transcriber-model'],
    pocketsphinxCommand: values.pocketsphinx,
    extractor: (extractor as EngineSelection['extractor']) ?? 'rules',
    extractorUrl: values['extractor-url'],
    extractorApiKey: env.SCRIBE_EXTRACTOR_API_KEY || undefined,
    extractorModel: values['extractor-model'],
    env,
  };
  return selectEngine(selection);
}
