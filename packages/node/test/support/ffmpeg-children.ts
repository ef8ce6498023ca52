import { execFileSync } from 'node:child_process';

/** ffmpeg processes started by this worker and not yet reaped. */
export function ffmpegChildren(): string[] {
  try {
    return execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(process.pid)], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.includes('ffmpeg'));
  } catch {
    return []; // ps exits 1 when there are no children at all
  }
}

/** Waits (up to `ms`) for every ffmpeg child to be gone; returns those still there. */
export async function ffmpegChildrenAfter(ms: number): Promise<string[]> {
  const deadline = Date.now() + ms;
  let left = ffmpegChildren();
  while (left.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    left = ffmpegChildren();
  }
  return left;
}
