import type { Command } from 'commander';
import type { CommandContext } from '../command-context';
import { EXIT_CODES } from '../exit-codes';
import { exitCodeOfError } from '../exit-code-of-error';
import { outputMode } from '../output-mode';
import { createProgressDisplay } from '../progress-display';
import { addSessionOptions, sessionCreateOptions, type SessionFlags } from '../session-create-options';
import { writeError } from '../write-error';
import { writeResult } from '../write-result';

interface RecordFlags extends SessionFlags {
  json?: boolean;
  device?: string;
  maxSeconds?: string;
}

/**
 * `scribe record`: the microphone (arecord or sox) as one session, speech uploaded in chunks while recording. The first
 * Ctrl-C stops the recording and still waits for the result; a second one cancels (keeping queued chunks for resume).
 */
export function registerRecordCommand(program: Command, context: CommandContext): void {
  addSessionOptions(program.command('record'))
    .description('record the microphone until Ctrl-C (or --max-seconds), then print the result')
    .option('-d, --device <name>', 'the ALSA capture device, such as hw:1,0 (default: the system default)')
    .option('--max-seconds <seconds>', 'stop by itself after this many seconds of audio (default: until Ctrl-C)')
    .option('--json', 'a JSON line on stdout and no progress bar (the default when stdout is not a terminal)')
    .action(async (flags: RecordFlags) => {
      const { io } = context;
      const mode = outputMode(io, flags);
      const maxSeconds = flags.maxSeconds === undefined ? undefined : Number(flags.maxSeconds);
      if (maxSeconds !== undefined && !(maxSeconds > 0)) {
        writeError(io.stderr, mode, new Error(`--max-seconds must be a positive number of seconds, not "${flags.maxSeconds}".`));
        return context.finish(EXIT_CODES.usage);
      }
      const session = (await context.client()).session({
        audio: { microphone: { device: flags.device, maxSeconds } },
        create: sessionCreateOptions(flags),
      });
      const display = mode.progress ? createProgressDisplay(io.stderr, { label: 'microphone' }) : undefined;
      const unsubscribe = display ? session.subscribe(() => display.update(session.getSnapshot())) : undefined;
      let interrupts = 0;
      const stopListening = io.onInterrupt(() => {
        interrupts += 1;
        // Ctrl-C is how a recording ends: the audio so far is sent and processed. A second one gives up waiting; with a
        // queue directory the chunks not yet acknowledged stay there for `scribe resume`.
        if (interrupts === 1) {
          display?.stop();
          io.stderr.write('scribe: recording stopped; sending the audio so far and waiting for the result (Ctrl-C again to give up)\n');
          void session.stop().catch(() => undefined);
        } else void session.cancel({ keepQueued: true });
      });
      try {
        await session.start();
        const result = await session.result();
        display?.stop();
        writeResult(io.stdout, mode, result);
        context.finish(result.status === 'failed' ? EXIT_CODES.service : EXIT_CODES.ok);
      } catch (error) {
        display?.stop();
        writeError(io.stderr, mode, error);
        context.finish(exitCodeOfError(error));
      } finally {
        stopListening();
        unsubscribe?.();
      }
    });
}
