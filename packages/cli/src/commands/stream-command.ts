import type { Command } from 'commander';
import type { CommandContext } from '../command-context';
import { outputMode } from '../output-mode';
import { addSessionOptions, sessionCreateOptions, type SessionFlags } from '../session-create-options';
import { transcribeFile } from '../transcribe-file';

interface StreamFlags extends SessionFlags {
  json?: boolean;
}

/** `scribe stream FILE`: sends a file over the live WebSocket transport (as a microphone would be), then the result. */
export function registerStreamCommand(program: Command, context: CommandContext): void {
  addSessionOptions(program.command('stream'))
    .description('send an audio file over the live WebSocket stream (contract section 6) and print the result')
    .argument('<file>', 'the audio file')
    .option('--json', 'a JSON line on stdout and no progress bar (the default when stdout is not a terminal)')
    .action(async (file: string, flags: StreamFlags) => {
      const { io } = context;
      const controller = new AbortController();
      const stopListening = io.onInterrupt(() => controller.abort());
      try {
        const mode = outputMode(io, flags);
        context.finish(await transcribeFile(io, await context.client(), file, { mode, create: sessionCreateOptions(flags), transport: 'stream', signal: controller.signal }));
      } finally {
        stopListening();
      }
    });
}
