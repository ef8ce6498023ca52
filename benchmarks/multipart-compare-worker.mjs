// One way of taking the file part out of a multipart body spooled to disk, in this process. Prints one JSON line:
// { cpu, wall, bytes, maxRssMb }.
//   node multipart-compare-worker.mjs scribe <body> <boundary> <scratch file> <bundled server module>
//   node multipart-compare-worker.mjs busboy <body> <boundary> <scratch file> <busboy install directory>
// scribe: the server's own (locateMultipartParts scans the spooled file for delimiters with Buffer#indexOf, then
// isolateUploadFile streams the part's byte range into a scratch file). busboy: @fastify/busboy parses the spooled
// body as a stream and the file part is piped straight into the scratch file.
import { createReadStream, createWriteStream } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import { maxRssMb, measure } from './lib/common.mjs';

const [variant, body, boundary, scratch, modules] = process.argv.slice(2);

async function scribe(server) {
  const parts = await server.locateMultipartParts(body, boundary, false);
  const file = parts.find((part) => part.name === 'file');
  const isolated = await server.isolateUploadFile({ file: { path: body, start: file.start, end: file.end } }, Number.MAX_SAFE_INTEGER, scratch);
  return { bytes: isolated.bytes };
}

async function busboy(Busboy) {
  let bytes = 0;
  const parser = new Busboy({ headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, limits: { fileSize: Number.MAX_SAFE_INTEGER } });
  const written = [];
  parser.on('file', (name, stream) => {
    if (name !== 'file') return void stream.resume();
    stream.on('data', (chunk) => (bytes += chunk.length));
    written.push(pipeline(stream, createWriteStream(join(scratch, 'file-busboy'), { mode: 0o600 })));
  });
  await pipeline(createReadStream(body), parser);
  await Promise.all(written);
  return { bytes };
}

const job =
  variant === 'scribe'
    ? await import(pathToFileURL(modules).href).then((server) => () => scribe(server))
    : await import(pathToFileURL(createRequire(join(modules, 'package.json')).resolve('@fastify/busboy')).href).then((module) => () => busboy(module.default?.Busboy ?? module.default ?? module.Busboy));
const { wall, cpu, outcome } = await measure(job);
console.log(JSON.stringify({ variant, wall, cpu, ...outcome, maxRssMb: maxRssMb() }));
