import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import type { CommandContext } from '../command-context';
import { EXIT_CODES } from '../exit-codes';
import { outputMode } from '../output-mode';
import { addSessionOptions, sessionCreateOptions, type SessionFlags } from '../session-create-options';
import { transcribeFile } from '../transcribe-file';

interface TranscribeFlags extends SessionFlags {
  json?: boolean;
  out?: string;
  transport?: 'chunks' | 'stream';
}

// Failures that the next file would meet again: stop instead of repeating them.
const STOP_CODES = new Set<number>([EXIT_CODES.usage, EXIT_CODES.auth, EXIT_CODES.interrupted]);

/** `scribe transcribe FILE...`: one session per file, one after another; Ctrl-C cancels. */
export function registerTranscribeCommand(program: Command, context: CommandContext): void {
  addSessionOptions(program.command('transcribe'))
    .description('transcribe audio files (WAV, MP3, Ogg, WebM, FLAC, M4A): speech is detected locally and uploaded in chunks')
    .argument('<files...>', 'audio files, transcribed one after another')
    .option('--json', 'one JSON line per file on stdout and no progress bar (the default when stdout is not a terminal)')
    .option('-o, --out <dir>', 'also save each result as <dir>/<file name>.json')
    .addOption(new Option('--transport <kind>', 'how the audio is sent').choices(['chunks', 'stream']).default('chunks'))
    .action(async (files: string[], flags: TranscribeFlags) => {
      const { io } = context;
      const mode = outputMode(io, flags);
      const client = await context.client();
      if (flags.out !== undefined) await mkdir(resolve(io.cwd, flags.out), { recursive: true });
      const controller = new AbortController();
      const stopListening = io.onInterrupt(() => controller.abort());
      try {
        for (const file of files) {
          const code = await transcribeFile(io, client, file, { mode, create: sessionCreateOptions(flags), transport: flags.transport, outDir: flags.out, signal: controller.signal });
          context.finish(code);
          if (STOP_CODES.has(code) || controller.signal.aborted) break;
        }
      } finally {
        stopListening();
      }
    });
}
