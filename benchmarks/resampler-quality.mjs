// The resampler's frequency response at 44.1 kHz → 16 kHz for a few zeroCrossings settings: gain of pure tones, in
// dB, measured on the steady middle of 1 s of each tone. Prints one JSON line.
//   node resampler-quality.mjs 16,8,4
import { core } from './lib/modules.mjs';

const crossingsList = (process.argv[2] ?? '16,8,4').split(',').map(Number);
const RATE = 44100;
const FREQUENCIES = [1000, 3000, 6000, 7000, 8500, 9000, 12000];

function rms(samples) {
  let sum = 0;
  for (const value of samples) sum += value * value;
  return Math.sqrt(sum / samples.length);
}

const results = crossingsList.map((zeroCrossings) => {
  const gains = {};
  for (const frequency of FREQUENCIES) {
    const input = new Float32Array(RATE);
    for (let i = 0; i < input.length; i += 1) input[i] = 0.5 * Math.sin((2 * Math.PI * frequency * i) / RATE);
    const output = core.resample(input, { inputRate: RATE, outputRate: 16000, zeroCrossings });
    const middle = output.subarray(2000, output.length - 2000);
    gains[frequency] = 20 * Math.log10(Math.max(rms(middle), 1e-12) / rms(input));
  }
  return { zeroCrossings, gains };
});
console.log(JSON.stringify({ inputRate: RATE, frequencies: FREQUENCIES, results }));
