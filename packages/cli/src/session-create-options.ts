import type { CreateSessionOptions } from '@scribe/node';

/** The session flags shared by `transcribe`, `stream` and `record`. */
export interface SessionFlags {
  /** `--template` (repeatable). Default: the configured `defaultTemplates`. */
  template?: string[];
  /** `--language`, a language hint such as `en-IN`. Default: the configured `defaultLanguageHint`. */
  language?: string;
  /** `--model`. Default: the configured `defaultModel` (`lite`). */
  model?: string;
}

/** The `create` options of a session from its flags; flags not given are left to the configuration. */
export function sessionCreateOptions(flags: SessionFlags): Omit<CreateSessionOptions, 'signal' | 'uploadType' | 'communicationProtocol'> {
  return {
    ...(flags.template && flags.template.length > 0 ? { templates: flags.template } : {}),
    ...(flags.language ? { languageHint: flags.language } : {}),
    ...(flags.model ? { model: flags.model } : {}),
  };
}

/** Commander's collector for a repeatable option: `--template a --template b` gives `['a', 'b']`. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
