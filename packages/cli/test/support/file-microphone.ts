import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTempDirectory } from './temp-directory';

/**
 * A microphone without a sound card: an ALSA configuration of this test only (ALSA_CONFIG_PATH; nothing global is
 * touched) defining a `filemic` capture device that reads the PCM of a 16 kHz mono 16-bit WAV through the `file` plugin.
 * `arecord`, started by the command, reads it as it would a real microphone.
 */
export function fileMicrophone(wavPath: string): { env: NodeJS.ProcessEnv; device: string } {
  const directory = createTempDirectory();
  const input = join(directory, 'input.raw');
  writeFileSync(input, wavData(readFileSync(wavPath)));
  const config = join(directory, 'asound.conf');
  writeFileSync(config, `pcm.filemic {\n  type file\n  slave.pcm { type null }\n  file "/dev/null"\n  infile "${input}"\n  format "raw"\n}\n`);
  return { env: { ALSA_CONFIG_PATH: config }, device: 'filemic' };
}

// The samples of a WAV file: the payload of its `data` chunk.
function wavData(wav: Buffer): Buffer {
  let offset = 12;
  while (offset + 8 <= wav.length) {
    const id = wav.toString('ascii', offset, offset + 4);
    const size = wav.readUInt32LE(offset + 4);
    if (id === 'data') return wav.subarray(offset + 8, offset + 8 + size);
    offset += 8 + size + (size % 2);
  }
  throw new Error('the WAV file has no data chunk');
}
