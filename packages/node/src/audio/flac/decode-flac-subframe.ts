import { InvalidFlacFrame, type BitReader } from './bit-reader';

// Float64 samples: predictions of 24- and 32-bit audio overflow 32-bit integers, and doubles are exact to 2^53.
// Right shifts are therefore floor divisions, never `>>`.

/** Decodes one channel's subframe of `blockSize` samples of `bitsPerSample` bits (RFC 9639 section 9.2). */
export function decodeSubframe(reader: BitReader, blockSize: number, bitsPerSample: number): Float64Array {
  if (reader.read(1) !== 0) throw new InvalidFlacFrame('subframe padding bit set');
  const type = reader.read(6);
  let wasted = 0;
  if (reader.read(1) === 1) wasted = reader.readUnary() + 1;
  const bits = bitsPerSample - wasted;
  const samples = new Float64Array(blockSize);
  if (type === 0) {
    samples.fill(reader.readSigned(bits));
  } else if (type === 1) {
    for (let i = 0; i < blockSize; i += 1) samples[i] = reader.readSigned(bits);
  } else if (type >= 8 && type <= 12) {
    decodeFixed(reader, samples, type - 8, bits);
  } else if (type >= 32) {
    decodeLpc(reader, samples, type - 31, bits);
  } else {
    throw new InvalidFlacFrame(`reserved subframe type ${type}`);
  }
  if (wasted > 0) {
    const factor = 2 ** wasted;
    for (let i = 0; i < blockSize; i += 1) samples[i]! *= factor;
  }
  return samples;
}

function decodeFixed(reader: BitReader, samples: Float64Array, order: number, bits: number): void {
  if (order > samples.length) throw new InvalidFlacFrame('predictor order exceeds the block size');
  for (let i = 0; i < order; i += 1) samples[i] = reader.readSigned(bits);
  readResidual(reader, samples, order);
  // The fixed predictors are the polynomial extrapolations of order 0 to 4.
  for (let i = order; i < samples.length; i += 1) {
    const s1 = samples[i - 1] ?? 0;
    const s2 = samples[i - 2] ?? 0;
    const s3 = samples[i - 3] ?? 0;
    const s4 = samples[i - 4] ?? 0;
    let prediction = 0;
    if (order === 1) prediction = s1;
    else if (order === 2) prediction = 2 * s1 - s2;
    else if (order === 3) prediction = 3 * s1 - 3 * s2 + s3;
    else if (order === 4) prediction = 4 * s1 - 6 * s2 + 4 * s3 - s4;
    samples[i]! += prediction;
  }
}

function decodeLpc(reader: BitReader, samples: Float64Array, order: number, bits: number): void {
  if (order > samples.length) throw new InvalidFlacFrame('predictor order exceeds the block size');
  for (let i = 0; i < order; i += 1) samples[i] = reader.readSigned(bits);
  const precision = reader.read(4) + 1;
  if (precision === 16) throw new InvalidFlacFrame('reserved LPC coefficient precision');
  const shift = reader.readSigned(5);
  if (shift < 0) throw new InvalidFlacFrame('negative LPC shift');
  const coefficients = new Float64Array(order);
  for (let j = 0; j < order; j += 1) coefficients[j] = reader.readSigned(precision);
  readResidual(reader, samples, order);
  const divisor = 2 ** shift;
  for (let i = order; i < samples.length; i += 1) {
    let sum = 0;
    for (let j = 0; j < order; j += 1) sum += coefficients[j]! * samples[i - 1 - j]!;
    samples[i]! += Math.floor(sum / divisor);
  }
}

/** Reads the Rice-coded residual into `samples[order..]` (section 9.2.7). */
function readResidual(reader: BitReader, samples: Float64Array, order: number): void {
  const method = reader.read(2);
  if (method > 1) throw new InvalidFlacFrame('reserved residual coding method');
  const parameterBits = method === 0 ? 4 : 5;
  const escape = method === 0 ? 15 : 31;
  const partitionOrder = reader.read(4);
  const partitions = 2 ** partitionOrder;
  const perPartition = samples.length / partitions;
  if (!Number.isInteger(perPartition) || perPartition < order) throw new InvalidFlacFrame('bad residual partition order');
  let index = order;
  for (let partition = 0; partition < partitions; partition += 1) {
    const end = (partition + 1) * perPartition;
    const parameter = reader.read(parameterBits);
    if (parameter === escape) {
      const rawBits = reader.read(5);
      for (; index < end; index += 1) samples[index] = reader.readSigned(rawBits);
      continue;
    }
    const scale = 2 ** parameter;
    for (; index < end; index += 1) {
      const folded = reader.readUnary() * scale + reader.read(parameter);
      // Zigzag: even values are non-negative, odd ones negative.
      samples[index] = folded % 2 === 0 ? folded / 2 : -(folded + 1) / 2;
    }
  }
}
