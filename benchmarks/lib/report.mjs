// Renders docs/benchmarks.md from the results of run.mjs: tables first, then commentary computed from the numbers.

const TARGET_RTF = 150;
const MEMORY_TARGET_MB = 200;

const fixed = (value, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
const rtf = (value) => (Number.isFinite(value) ? `${fixed(value)}×` : '–');
const pct = (part, whole) => (whole > 0 ? `${fixed((100 * part) / whole)} %` : '–');

/** CPU seconds per stage of one run, by subtraction of the cumulative stages (noise can make one slightly negative). */
export function breakdown(stages) {
  const t = (name) => stages[name]?.cpuSeconds ?? NaN;
  const parts = {
    decode: t('decode'),
    resample: t('resample') - t('decode'),
    framing: t('silent') - t('resample'),
    chunking: t('energy') - t('silent'),
    silero: t('silero') - t('energy'),
  };
  for (const key of Object.keys(parts)) parts[key] = Math.max(0, parts[key]);
  return { ...parts, total: t('silero') };
}

/** Where in the run the sampled peak fell (sampled every 20 ms; `maxRSS` may catch a spike between samples). */
function peakAt(run) {
  if (!run?.peak) return '–';
  const where = run.peak.phase === 'audio-decoded' ? `decoding, ${fixed(run.peak.decodedSeconds / 60, 1)} min in` : `${run.peak.phase} (${fixed(run.peak.decodedSeconds / 60, 1)} min in)`;
  return `${where}; sampled ${fixed(run.peak.rssMb)} MB`;
}

/** The command line(s) behind the numbers: one, or one per group of parts when some were re-measured with --only. */
function commands(r) {
  const byCommand = new Map();
  for (const [part, command] of Object.entries(r.commandFor ?? {})) byCommand.set(command, [...(byCommand.get(command) ?? []), part]);
  if (byCommand.size <= 1) return `\`${[...byCommand.keys()][0] ?? r.command}\``;
  return [...byCommand].map(([command, parts]) => `\`${command}\` (${parts.join(', ')})`).join('; ');
}

/** When each part was measured: one date, or one per part when some were re-measured with --only. */
function partDates(r) {
  const dates = Object.entries(r.measuredAt ?? {});
  if (dates.length === 0 || dates.every(([, date]) => date === dates[0][1])) return dates[0]?.[1] ?? r.date;
  return dates.map(([part, date]) => `${part} ${date}`).join('; ');
}

export function renderReport(r) {
  const lines = [];
  const push = (...more) => lines.push(...more);
  const formats = r.formats;
  const minutes = r.minutes;
  const short = Math.min(...minutes);
  const m = r.machine;

  push(
    SECTION_HEADING,
    '',
    `Measured by \`pnpm bench\` (\`benchmarks/run.mjs\`) on ${r.date.slice(0, 10)} (${partDates(r)}). \`pnpm bench\` rewrites this section`,
    'and leaves the other sections of this file alone; the raw numbers go to `benchmarks/results.json`.',
    '',
    `- Command: ${commands(r)} (\`pnpm bench\` builds the packages first, then runs \`node benchmarks/run.mjs\`)`,
    `- Machine: ${m.cpu}, ${m.cores} cores, ${fixed(m.memoryGb, 1)} GiB RAM, Linux ${m.kernel}; Node ${m.node}; onnxruntime-node ${m.onnxruntime}; ${m.ffmpeg}`,
    `- Pinning: ${m.pinned ? 'every measured process ran under `taskset -c 0` (one core); the orchestrator and the local server were moved to core 1' : 'taskset was not available: processes were not pinned, so numbers may use more than one core'}.`,
    '- Inputs: the speech fixture (`packages/node/test/fixtures/audio/speech.wav`: 8.155 s, three flite sentences with',
    `  0.8 s pauses, 0.5 s of silence at each end) looped with ffmpeg to ${minutes.join(' and ')} minutes, pauses kept, then encoded to each format.`,
    '  About 20 % of the audio is silence, so every stage sees realistic speech/pause switching.',
    '- Real-time factor (RTF) = seconds of audio ÷ seconds taken. Higher is faster; 150× means an hour of audio in 24 s.',
    '  Two clocks: **CPU** (user + system time of the measuring process and of the children it reaped, i.e. ffmpeg for',
    '  AAC) and **wall**. The machines are shared with other work (other sessions run tests and builds on the same two',
    '  cores), which inflates wall time while they run; CPU time measures the work itself and is the figure the targets',
    '  are judged on. On a quiet machine the two agree within a few percent. Contention still shows up as a few',
    '  percent of run-to-run variation in CPU time too (shared caches).',
    '- The 10-minute runs take the best of three passes, the 60-minute runs one pass, the Silero variants the best of',
    '  three interleaved rounds.',
    '',
  );

  push(
    `### Throughput: decode + Silero VAD + chunking, one core`,
    '',
    'What `uploadAudioFile` does before the network: `decodeAudio` → mono → 16 kHz → 512-sample frames → Silero v5 (the',
    "SDK's adapter) → segmenter → chunker → WAV chunks, consumed as fast as they come (no upload). Target: at least",
    `${TARGET_RTF}× real time for WAV and MP3.`,
    '',
    `| format | ${minutes.map((value) => `${value} min RTF (CPU)`).join(' | ')} | ${minutes.map((value) => `${value} min RTF (wall)`).join(' | ')} | ${minutes.map((value) => `${value} min CPU time`).join(' | ')} | chunks (${minutes.at(-1)} min) |`,
    `| --- | ${minutes.map(() => '---:').join(' | ')} | ${minutes.map(() => '---:').join(' | ')} | ${minutes.map(() => '---:').join(' | ')} | ---: |`,
  );
  for (const format of formats) {
    const runs = minutes.map((value) => r.throughput[`${format.id}/${value}`]?.stages.silero);
    push(
      `| ${format.label} | ${runs.map((run) => `**${rtf(run?.cpuRtf)}**`).join(' | ')} | ${runs.map((run) => rtf(run?.rtf)).join(' | ')} | ${runs.map((run) => `${fixed(run?.cpuSeconds, 1)} s`).join(' | ')} | ${runs.at(-1)?.chunks ?? '–'} |`,
    );
  }
  push('');

  push(
    `### Where the time goes (${short}-minute inputs)`,
    '',
    'Each stage is timed cumulatively in the same process and the differences are reported: decode only; + downmix and',
    'resample to 16 kHz; + framing and the segmenter with a detector that always answers 0 (no chunks); + chunking and',
    'WAV encoding with a free energy detector (about the same number of chunks as Silero finds); + Silero instead of the',
    'energy detector. CPU seconds for the whole input; the share is of the full pipeline.',
    '',
    '| format | decode | resample + downmix | framing + segmenter | chunk + WAV encode | Silero | total | RTF without Silero (CPU) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const format of formats) {
    const run = r.throughput[`${format.id}/${short}`];
    if (!run?.stages.silent) continue;
    const b = breakdown(run.stages);
    const cell = (value) => `${fixed(value, 2)} s (${pct(value, b.total)})`;
    push(`| ${format.label} | ${cell(b.decode)} | ${cell(b.resample)} | ${cell(b.framing)} | ${cell(b.chunking)} | ${cell(b.silero)} | ${fixed(b.total, 2)} s | ${rtf(run.stages.energy.cpuRtf)} |`);
  }
  push('');

  const resampled = formats.map((format) => ({ format, run: r.throughput[`${format.id}/${short}`] })).filter(({ run }) => run?.stages['resample@8']);
  if (resampled.length > 0 && r.resamplerQuality) {
    push(
      `### The resampler at 44.1 kHz: cost against filter length (${short}-minute inputs)`,
      '',
      "`zeroCrossings` sets the length of the resampler's windowed-sinc filter (default 16). Shorter filters are cheaper",
      'and let more of the band above 8 kHz fold back into the speech band. CPU seconds of decode + downmix + resample,',
      'and the whole pipeline with Silero:',
      '',
      '| format | decode + resample, 16 (default) | 8 | 4 | pipeline RTF (CPU), 16 | pipeline RTF (CPU), 8 |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const { format, run } of resampled) {
      const st = run.stages;
      push(
        `| ${format.label} | ${fixed(st.resample.cpuSeconds, 2)} s | ${fixed(st['resample@8'].cpuSeconds, 2)} s | ${fixed(st['resample@4'].cpuSeconds, 2)} s | ${rtf(st.silero.cpuRtf)} | ${rtf(st['silero@8'].cpuRtf)} |`,
      );
    }
    const q = r.resamplerQuality;
    push(
      '',
      `Gain of a pure tone through the resampler, ${q.inputRate} Hz → 16 kHz (dB; 0 is untouched, the output band ends at 8 kHz):`,
      '',
      `| zeroCrossings | ${q.frequencies.map((frequency) => `${frequency / 1000} kHz`).join(' | ')} |`,
      `| ---: | ${q.frequencies.map(() => '---:').join(' | ')} |`,
      ...q.results.map((row) => `| ${row.zeroCrossings} | ${q.frequencies.map((frequency) => fixed(row.gains[frequency], 1)).join(' | ')} |`),
      '',
    );
  }

  if (r.silero) {
    const sdk = r.silero.variants[0];
    push(
      `### Silero side by side (${fixed(r.silero.audioSeconds / 60, 0)} minutes, ${r.silero.frames} frames, one core)`,
      '',
      "The same frames through the same model file, driven different ways. The checksum (sum of all probabilities) shows",
      'every variant computes the same thing.',
      '',
      '| variant | CPU µs per 32 ms frame | RTF (CPU) | CPU time vs the SDK adapter | wall µs per frame | checksum |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const variant of r.silero.variants) {
      push(
        `| ${variant.name} | ${fixed(variant.cpuUsPerFrame, 1)} | ${rtf(variant.cpuRtf)} | ${fixed(variant.cpuSeconds / sdk.cpuSeconds, 3)} | ${fixed(variant.usPerFrame, 1)} | ${fixed(variant.checksum, 3)} |`,
      );
    }
    // The fallback an install without onnxruntime-node takes (docs/install.md), in the unit a reader plans with.
    const wasm = r.silero.variants.find((variant) => variant.name.includes('WebAssembly fallback'));
    if (wasm) {
      const perHour = (variant) => `${fixed((variant.cpuSeconds / r.silero.audioSeconds) * 3600, 0)} s`;
      push(
        '',
        `Per hour of audio, Silero costs ${perHour(sdk)} of CPU on onnxruntime-node (the SDK adapter as shipped) and ${perHour(wasm)} on the`,
        `WebAssembly fallback (onnxruntime-web, taken when onnxruntime-node is not installed): ${fixed(wasm.cpuSeconds / sdk.cpuSeconds, 1)} times the CPU, still`,
        `${rtf(wasm.cpuRtf)} real time on one core. Same detections: every probability within 0.001 of the native one`,
        '(`packages/node/test/audio/silero-wasm-runtime.test.ts`). CPU time is the figure to compare when the machine is',
        'shared: wall time also counts waiting for the core.',
      );
    }
    push('');
  }

  push(
    '### Peak memory',
    '',
    'One fresh process per file runs `client.uploadAudioFile` against the local `@scribe/server` (in another process) and',
    'reports `process.resourceUsage().maxRSS` at the end. "Live JS memory" is the JS heap in use plus ArrayBuffers right',
    'after a forced full GC at each quarter of the file: what the upload actually holds, without the allocator\'s and',
    "the GC's timing, which move peak RSS by tens of MB from one run to the next. For AAC the decoder is an ffmpeg child",
    'process, whose own peak (sampled every 100 ms) is listed separately. The upload RTF (CPU of the client process and',
    'ffmpeg) includes preparing and sending the requests to the local server.',
    '',
    `| file | ${minutes.map((value) => `${value} min peak RSS`).join(' | ')} | ${minutes.map((value) => `${value} min live JS memory at 25/50/75/100 %`).join(' | ')} | ${minutes.map((value) => `${value} min upload RTF (CPU / wall)`).join(' | ')} | ffmpeg child peak | ${minutes.at(-1)} min peak reached at |`,
    `| --- | ${minutes.map(() => '---:').join(' | ')} | ${minutes.map(() => '---:').join(' | ')} | ${minutes.map(() => '---:').join(' | ')} | ---: | --- |`,
  );
  if (r.memory.baseline) {
    push(`| the 8 s fixture (baseline: Node, the client, onnxruntime and the model) | ${minutes.map(() => `${fixed(r.memory.baseline.maxRssMb)} MB`).join(' | ')} | ${minutes.map(() => '–').join(' | ')} | ${minutes.map(() => '–').join(' | ')} | – | – |`);
  }
  for (const format of formats) {
    const runs = minutes.map((value) => r.memory[`${format.id}/${value}`]);
    const ffmpegPeak = Math.max(...runs.map((run) => run?.ffmpegPeakMb ?? 0));
    push(
      `| ${format.label} | ${runs.map((run) => `${fixed(run?.maxRssMb)} MB`).join(' | ')} | ${runs.map((run) => (run?.live ? run.live.map((entry) => fixed(entry.liveMb)).join(' / ') + ' MB' : '–')).join(' | ')} | ${runs.map((run) => `${rtf(run?.cpuRtf)} / ${rtf(run?.rtf)}`).join(' | ')} | ${ffmpegPeak > 0 ? `${fixed(ffmpegPeak)} MB` : '–'} | ${peakAt(runs.at(-1))} |`,
    );
  }
  push('');

  push(
    '### End of input → end-session call',
    '',
    'Against the local server, optionally holding every chunk upload for a fixed delay (a server fault knob) to stand in',
    'for a real network. "Input end" is the last `audio-decoded` event (the decoder has read the whole file); the end',
    "call is timed where the client's fetch sends it. Modes: **pipelined** is `uploadAudioFile` as shipped (detection",
    'runs up to 2 chunks ahead of the upload in flight); **read-ahead 0** is `uploadAudioFile` with `readAhead: 0`',
    '(detection waits for each upload); **collect first** is the Python SDK\'s order: detect over the whole file, keep every',
    'chunk, then upload them one by one and end.',
    '',
    '| input | upload delay | mode | chunks | input end → end call | mean upload | uploads after input end | total wall |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const run of r.latency) {
    push(`| ${run.format}, ${run.minutes} min | ${run.delayMs} ms | ${run.mode} | ${run.chunks} | ${fixed(run.inputToEndMs)} ms | ${fixed(run.meanUploadMs, 1)} ms | ${run.uploadsAfterInputEnd} | ${fixed(run.totalSeconds, 1)} s |`);
  }
  push('');

  push('### Commentary', '', ...commentary(r));
  return `${lines.join('\n')}\n`;
}

const SECTION_HEADING = '## Audio files: decode, Silero VAD, chunking, upload';

/**
 * docs/benchmarks.md with this section in place: replacing the previous one (from its heading to the next `## `
 * heading), or appended after whatever else the file holds (other benchmarks write their own sections, the same way),
 * or as a new file.
 */
export function mergeIntoDocument(existing, section) {
  if (existing === undefined || existing.trim() === '') return `# Benchmarks\n\n${section}`;
  const start = existing.indexOf(`${SECTION_HEADING}\n`);
  if (start === -1) return `${existing.trimEnd()}\n\n${section}`;
  const next = existing.indexOf('\n## ', start + 1);
  return next === -1 ? `${existing.slice(0, start)}${section}` : `${existing.slice(0, start)}${section.trimEnd()}\n\n${existing.slice(next + 1)}`;
}

function commentary(r) {
  const out = [];
  const minutes = r.minutes;
  const short = Math.min(...minutes);
  const long = Math.max(...minutes);
  const label = (id) => r.formats.find((format) => format.id === id)?.label ?? id;
  const silero = (id, value) => r.throughput[`${id}/${value}`]?.stages.silero?.cpuRtf;
  const sileroWall = (id, value) => r.throughput[`${id}/${value}`]?.stages.silero?.rtf;

  // Targets.
  const targetLines = [];
  for (const id of r.formats.map((format) => format.id).filter((id) => id.startsWith('wav') || id.startsWith('mp3'))) {
    if (!r.throughput[`${id}/${short}`]) continue;
    const values = minutes.map((value) => `${rtf(silero(id, value))} at ${value} min (wall ${rtf(sileroWall(id, value))})`).join(', ');
    const worst = Math.min(...minutes.map((value) => silero(id, value)));
    targetLines.push(`${label(id)}: ${values} — ${worst >= TARGET_RTF ? `meets the ${TARGET_RTF}× target with ${fixed((100 * (worst - TARGET_RTF)) / TARGET_RTF)} % to spare` : `misses the ${TARGET_RTF}× target by ${fixed((100 * (TARGET_RTF - worst)) / TARGET_RTF)} %`}.`);
  }
  const below = r.formats.filter((format) => minutes.some((value) => silero(format.id, value) < TARGET_RTF));
  out.push(
    '**Target.** ' + targetLines.join(' '),
    below.length === 0
      ? `Every format measured here runs above ${TARGET_RTF}× of one core's CPU time.`
      : `Below ${TARGET_RTF}× in all: ${below.map((format) => `${format.label} (${minutes.map((value) => rtf(silero(format.id, value))).join(' / ')})`).join('; ')}.`,
    '',
  );

  // Where the time goes.
  const wav = r.throughput[`wav/${short}`];
  if (wav?.stages.silent) {
    const b = breakdown(wav.stages);
    const sdk = r.silero?.variants[0];
    const shares = r.formats
      .map((format) => r.throughput[`${format.id}/${short}`])
      .filter((run) => run?.stages.silent)
      .map((run) => breakdown(run.stages))
      .map((parts) => parts.silero / parts.total);
    out.push(
      `**Where the time goes.** Silero is ${pct(b.silero, b.total)} of the WAV pipeline and between ${fixed(100 * Math.min(...shares))} % and ${fixed(100 * Math.max(...shares))} % across formats.`,
      `Without it (energy detector) the 16 kHz WAV pipeline runs at ${rtf(wav.stages.energy.cpuRtf)}, so the rest of the SDK costs`,
      `${fixed((1000 * (b.total - b.silero)) / short)} ms per minute of audio against Silero's ${fixed((1000 * b.silero) / short)} ms.`,
      sdk ? `Silero alone runs at ${rtf(sdk.cpuRtf)} (${fixed(sdk.cpuUsPerFrame, 0)} µs of CPU per 32 ms frame), which is the ceiling for any format: the pipeline can only approach it.` : '',
      'Decoding is the second cost for compressed formats (the decode column); resampling matters only for 44.1/48 kHz',
      'input (16 kHz input passes through), and framing, segmenting, chunking and WAV encoding together are a few percent.',
      ...r.formats
        .filter((format) => format.id.includes('44k') && r.throughput[`${format.id}/${short}`]?.stages.silent)
        .map((format) => {
          const run = r.throughput[`${format.id}/${short}`];
          const parts = breakdown(run.stages);
          const at8 = run.stages['silero@8'];
          return (
            `${format.label}: decoding ${pct(parts.decode, parts.total)} and downmix + resampling ${pct(parts.resample, parts.total)} of the time, Silero ${pct(parts.silero, parts.total)}` +
            (at8 ? `; with an 8-zero-crossing filter the pipeline runs at ${rtf(at8.cpuRtf)} instead of ${rtf(run.stages.silero.cpuRtf)}, at the price of the aliasing shown above.` : '.')
          );
        }),
      '',
    );
  }

  // Silero variants.
  if (r.silero) {
    const [sdk, ...others] = r.silero.variants;
    const noise = 0.03;
    const ratio = (variant) => variant.cpuSeconds / sdk.cpuSeconds;
    const describe = (variant) => `${fixed(variant.cpuUsPerFrame, 1)} µs per frame, ratio ${fixed(ratio(variant), 3)}`;
    const best = others.reduce((winner, variant) => (variant.cpuSeconds < winner.cpuSeconds ? variant : winner), others[0]);
    const naive = others.find((variant) => variant.name.startsWith('new tensors'));
    const native = others.find((variant) => variant.name.startsWith('preallocated, native'));
    const disabled = others.find((variant) => variant.name.includes('disabled'));
    const withinNoise = others.filter((variant) => Math.abs(ratio(variant) - 1) < noise).length;
    out.push(
      `**Silero variants.** The SDK adapter takes ${fixed(sdk.cpuUsPerFrame, 1)} µs of CPU per frame. ${withinNoise} of the ${others.length} other ways of driving the model are within ${fixed(100 * noise)} % of it;`,
      `the fastest is "${best.name}" (${describe(best)})${ratio(best) > 1 - noise ? ', which is within noise' : `, ${fixed(100 * (1 - ratio(best)), 1)} % faster`}.`,
      native
        ? `The native binding called synchronously (no promise, no \`setImmediate\`, no argument checks) is the floor for this model in Node: ${describe(native)}, so the SDK's per-frame JavaScript overhead is ${ratio(native) > 1 - noise ? 'not measurable above the noise' : `about ${fixed(sdk.cpuUsPerFrame - native.cpuUsPerFrame, 1)} µs (${fixed(100 * (1 - ratio(native)), 1)} %)`}.`
        : '',
      naive ? `New tensors and output objects every frame: ${describe(naive)}; the tensors are tiny, so preallocating them buys little.` : '',
      disabled ? `Graph optimisation is the one setting that matters: disabled, ${describe(disabled)}. The SDK uses "all".` : '',
      (() => {
        const options = others.filter((variant) => variant.name.startsWith('preallocated, session.run:') && !variant.name.includes('disabled') && !variant.name.includes('(the SDK'));
        const moved = options.filter((variant) => Math.abs(ratio(variant) - 1) >= noise);
        return moved.length === 0
          ? 'No other session option measured here (graph level basic/extended, parallel execution, memory arena off) moves it beyond noise.'
          : `Session options beyond noise in this run: ${moved.map((variant) => `${variant.name.replace('preallocated, session.run: ', '')} (ratio ${fixed(ratio(variant), 3)})`).join('; ')}; compare with the SDK setting's own row (same session options as the adapter) to judge the noise.`;
      })(),
      'The model is recurrent (each frame needs the previous frame\'s state), so frames cannot be batched. The one lever left',
      'is skipping the promise and `setImmediate` that onnxruntime-node wraps around every `run`, which needs its private',
      '`dist/binding.js`; the SDK does not do that, since it would tie it to an internal API for the gain shown above',
      '(times Silero\'s share of the pipeline).',
      '',
    );
  }

  // Memory.
  const memoryRows = r.formats
    .map((format) => ({ format, runs: minutes.map((value) => r.memory[`${format.id}/${value}`]).filter(Boolean) }))
    .filter((row) => row.runs.length === minutes.length);
  if (memoryRows.length > 0) {
    const peaks = memoryRows.flatMap((row) => row.runs.map((run) => run.maxRssMb));
    const growth = memoryRows.map((row) => row.runs.at(-1).maxRssMb - row.runs[0].maxRssMb);
    const over = memoryRows.filter((row) => row.runs.some((run) => run.maxRssMb >= MEMORY_TARGET_MB));
    const lives = memoryRows.flatMap((row) => row.runs.flatMap((run) => (run.live ?? []).map((entry) => entry.liveMb)));
    const liveSpread = memoryRows
      .map((row) => row.runs.at(-1).live ?? [])
      .filter((entries) => entries.length > 1)
      .map((entries) => entries.at(-1).liveMb - entries[0].liveMb);
    out.push(
      `**Memory.** Peak RSS ranges from ${fixed(Math.min(...peaks))} MB to ${fixed(Math.max(...peaks))} MB` +
        (r.memory.baseline ? `, against ${fixed(r.memory.baseline.maxRssMb)} MB for an 8-second file` : '') +
        (short === long ? '.' : `; from ${short} to ${long} minutes it changes by ${fixed(Math.min(...growth))} to ${fixed(Math.max(...growth))} MB.`),
      lives.length > 0
        ? `What the upload holds stays flat: live JS memory after a full GC is ${fixed(Math.min(...lives))} to ${fixed(Math.max(...lives))} MB at every quarter of every file${liveSpread.length > 0 ? `, and changes by ${fixed(Math.min(...liveSpread))} to ${fixed(Math.max(...liveSpread))} MB between the first and the last quarter of the ${long}-minute files` : ''}. The RSS differences between runs are the GC and the allocator deciding when to give memory back, not audio kept.`
        : '',
      over.length === 0
        ? `Every run stays under the ${MEMORY_TARGET_MB} MB target.`
        : `Over the ${MEMORY_TARGET_MB} MB target in at least one run: ${over.map((row) => `${row.format.label} (${row.runs.map((run) => fixed(run.maxRssMb)).join(' / ')} MB)`).join('; ')}.`,
      'Most of the footprint is fixed: Node, onnxruntime with the model, and for Ogg and WebM the wasm decoders and the',
      'demuxer, which is why those formats sit higher at any length. The audio held at any time is bounded by the chunker',
      '(one maximum chunk plus a few seconds of look-back) and by `readAhead` (two chunks).',
      '',
    );
  }

  // Latency.
  const byKey = (minutesValue, delay, mode) => r.latency.find((run) => run.minutes === minutesValue && run.delayMs === delay && run.mode === mode);
  const latencyLines = [];
  for (const delay of [...new Set(r.latency.map((run) => run.delayMs))]) {
    const piped = byKey(short, delay, 'pipelined');
    const first = byKey(short, delay, 'collect-first');
    if (!piped || !first) continue;
    latencyLines.push(
      `With uploads taking ${fixed(piped.meanUploadMs, 0)} ms each (${delay} ms injected), the end call follows the end of a ${short}-minute input by ${fixed(piped.inputToEndMs)} ms pipelined (${piped.uploadsAfterInputEnd} upload(s) still to finish) against ${fixed(first.inputToEndMs)} ms when all ${first.chunks} chunks are collected first (${fixed(first.inputToEndMs / Math.max(1, piped.inputToEndMs), 0)}× longer).`,
    );
  }
  const long60 = byKey(60, 100, 'pipelined');
  const long60first = byKey(60, 100, 'collect-first');
  if (long60 && long60first) {
    latencyLines.push(`At 60 minutes the gap grows with the file: ${fixed(long60.inputToEndMs)} ms pipelined against ${fixed(long60first.inputToEndMs / 1000, 1)} s collected first.`);
  }
  if (latencyLines.length > 0) {
    out.push(
      '**End of input → end call.** ' + latencyLines.join(' '),
      'Pipelined, what is left at the end of the input is the last chunk (cut only when the input ends) plus whatever the',
      'read-ahead queue holds when uploads are slower than detection (at most two chunks and the one in flight), so the',
      "delay is one to three uploads, independent of the file's length; collected first, it is every chunk's upload.",
      '',
    );
  }
  return out.filter((line, index, all) => line !== '' || all[index - 1] !== '');
}
