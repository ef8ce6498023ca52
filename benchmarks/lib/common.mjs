import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SPEECH_WAV = `${ROOT}packages/node/test/fixtures/audio/speech.wav`;
/** Length of the speech fixture: 0.5 s silence, three sentences with 0.8 s pauses, 0.5 s silence. */
export const SPEECH_SECONDS = 8.155;

/** Whether `taskset` can pin a process to one core here. */
export const HAS_TASKSET = spawnSync('taskset', ['-c', '0', 'true'], { stdio: 'ignore' }).status === 0;

export function ffmpeg(...args) {
  execFileSync('ffmpeg', ['-hide_banner', '-v', 'error', '-y', ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
}

export function ffmpegVersion() {
  return execFileSync('ffmpeg', ['-version'], { encoding: 'utf8' }).split('\n')[0];
}

/**
 * Runs a worker script in a child process (pinned to core `cpu` with taskset when available) and resolves with the
 * JSON object it prints on its last stdout line. The worker's stderr passes through. `nodeFlags` go to node before the
 * script (default none).
 */
export function runWorker(script, args, { cpu = 0, pin = true, nodeFlags = [] } = {}) {
  const nodeArgs = [...nodeFlags, fileURLToPath(new URL(`../${script}`, import.meta.url)), ...args.map(String)];
  const [command, commandArgs] = pin && HAS_TASKSET ? ['taskset', ['-c', String(cpu), process.execPath, ...nodeArgs]] : [process.execPath, nodeArgs];
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (data) => (out += data));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0) return reject(new Error(`${script} ${args.join(' ')} exited with ${code}: ${out.slice(-2000)}`));
      try {
        resolve(JSON.parse(last));
      } catch {
        reject(new Error(`${script} printed no JSON result: ${out.slice(-2000)}`));
      }
    });
  });
}

/** A detector on frame energy: free next to Silero, with a similar number of chunks, to time everything but Silero. */
export function energyDetector(core) {
  return core.createScriptedVoiceActivityDetector({ probability: (_index, frame) => (core.frameRms(frame) > 0.01 ? 0.9 : 0.05) });
}

/** A detector that always answers 0: no speech, so no chunks; times decode, resample and framing alone. */
export function silentDetector(core) {
  return core.createScriptedVoiceActivityDetector({ probability: () => 0 });
}

/** Peak resident memory of this process so far, in MB. */
export function maxRssMb() {
  return process.resourceUsage().maxRSS / 1024;
}

/**
 * CPU seconds used so far by this process and by the children it has reaped (ffmpeg for AAC): user + system. On a
 * machine shared with other work this measures the work itself; wall time also counts the time others had the core.
 */
export function cpuSeconds() {
  const { user, system } = process.cpuUsage();
  let children = 0;
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after the command name: state is field 3, cutime and cstime fields 16 and 17, in clock ticks (100 Hz).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    children = (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    // no /proc: children's time unknown (only AAC decodes in a child)
  }
  return (user + system) / 1e6 + children;
}

/** Wall and CPU seconds of an async job. */
export async function measure(job) {
  const wallStart = performance.now();
  const cpuStart = cpuSeconds();
  const outcome = await job();
  return { wall: (performance.now() - wallStart) / 1000, cpu: cpuSeconds() - cpuStart, outcome };
}
