import { Option, type Command } from 'commander';
import type { CreateSessionOptions } from '@scribe/node';

/** The session modes `--mode` accepts: the protocol's `session_mode` values. */
export const SESSION_MODES = ['consultation', 'dictation'] as const satisfies ReadonlyArray<NonNullable<CreateSessionOptions['sessionMode']>>;

/** The session flags shared by `transcribe`, `stream` and `record`. */
export interface SessionFlags {
  /** `--template` (repeatable). Default: the configured `defaultTemplates`. */
  template?: string[];
  /** `--language`, a language hint such as `en-IN`. Default: the configured `defaultLanguageHint`. */
  language?: string;
  /** `--model`. Default: the configured `defaultModel` (`lite`). */
  model?: string;
  /** `--mode`, one of {@link SESSION_MODES}. Default: the configured `defaultSessionMode` (`dictation`). */
  mode?: (typeof SESSION_MODES)[number];
}

/**
 * Adds the session flags to a command that creates a session, so every such command offers the same ones. A `--mode`
 * outside {@link SESSION_MODES} is refused by commander while parsing (exit code 2, the allowed values listed), before
 * the configuration is read or any request is made.
 */
export function addSessionOptions(command: Command): Command {
  return command
    .option('-t, --template <id>', 'a template id (repeatable; default: the configured defaultTemplates)', collect)
    .option('-l, --language <code>', 'a language hint such as en-IN (default: the configured defaultLanguageHint)')
    .option('-m, --model <id>', 'the model (default: the configured defaultModel)')
    .addOption(
      new Option('--mode <mode>', 'the session mode: a recorded conversation or one speaker dictating (default: the configured defaultSessionMode, dictation)').choices(SESSION_MODES),
    );
}

/** The `create` options of a session from its flags; flags not given are left to the configuration. */
export function sessionCreateOptions(flags: SessionFlags): Omit<CreateSessionOptions, 'signal' | 'uploadType' | 'communicationProtocol'> {
  return {
    ...(flags.template && flags.template.length > 0 ? { templates: flags.template } : {}),
    ...(flags.language ? { languageHint: flags.language } : {}),
    ...(flags.model ? { model: flags.model } : {}),
    ...(flags.mode ? { sessionMode: flags.mode } : {}),
  };
}

/** Commander's collector for a repeatable option: `--template a --template b` gives `['a', 'b']`. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
