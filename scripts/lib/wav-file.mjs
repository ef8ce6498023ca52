// WAV helpers for the fixture and sample generators: flite writes 16-bit mono WAV files, the generators splice their
// PCM and write it back out with a canonical 44-byte header.

/** The PCM bytes of a WAV file's `data` chunk. */
export function pcmOf(wav) {
  const dataAt = wav.indexOf('data', 12, 'latin1');
  return wav.subarray(dataAt + 8, dataAt + 8 + wav.readUInt32LE(dataAt + 4));
}

/** A 16-bit mono WAV file around PCM bytes. */
export function wavOf(pcm, sampleRate = 16000) {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(36 + pcm.length, 4);
  header.write('WAVEfmt ', 8, 'latin1');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(pcm.length, 40);
  return Buffer.concat([header, pcm]);
}
