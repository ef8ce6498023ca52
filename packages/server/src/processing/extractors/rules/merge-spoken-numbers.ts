const UNITS: Record<string, number> = {
  zero: 0, oh: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000 };

interface Parsed {
  value: number;
  /** Words consumed. */
  length: number;
}

/**
 * Replaces spoken numbers in a list of lower-case words by digits: "one hundred and forty" → "140", "ninety eight
 * point six" → "98.6", "one and a half" → "1.5", "a hundred" → "100". The article "a" is never a number on its own:
 * "once a day" and "a mild cough" keep it, which is the classic words-to-numbers trap. "oh" counts only after
 * "point" (98 point oh 5), never as a word of its own.
 */
export function mergeSpokenNumbers(words: readonly string[]): string[] {
  const out: string[] = [];
  let index = 0;
  while (index < words.length) {
    const parsed = parseNumberAt(words, index);
    if (!parsed) {
      out.push(words[index] as string);
      index += 1;
      continue;
    }
    out.push(formatNumber(parsed.value));
    index += parsed.length;
  }
  return out;
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(3)));
}

function parseNumberAt(words: readonly string[], start: number): Parsed | undefined {
  const word = words[start] as string;
  // "a hundred", "a thousand": the article is a number only in front of a scale word.
  if ((word === 'a' || word === 'an') && words[start + 1] !== undefined && SCALES[words[start + 1] as string] !== undefined) {
    const rest = parseInteger(['one', ...words.slice(start + 1)], 0);
    return rest ? withFraction(words, start, { value: rest.value, length: rest.length }) : undefined;
  }
  if (word === 'half' && (words[start + 1] === 'a' || words[start + 1] === 'an')) return { value: 0.5, length: 2 };
  const integer = parseInteger(words, start);
  if (!integer) return undefined;
  return withFraction(words, start, integer);
}

// "point six", "and a half" after a whole number.
function withFraction(words: readonly string[], start: number, integer: Parsed): Parsed {
  const next = start + integer.length;
  if (words[next] === 'point') {
    let digits = '';
    let cursor = next + 1;
    while (cursor < words.length && UNITS[words[cursor] as string] !== undefined && (UNITS[words[cursor] as string] as number) < 10) {
      digits += String(UNITS[words[cursor] as string]);
      cursor += 1;
    }
    if (digits) return { value: Number(`${integer.value}.${digits}`), length: cursor - start };
  }
  if (words[next] === 'and' && (words[next + 1] === 'a' || words[next + 1] === 'an') && words[next + 2] === 'half') {
    return { value: integer.value + 0.5, length: integer.length + 3 };
  }
  return integer;
}

// Whole numbers below a million: [units | teens | tens [units]] [hundred [and] below-hundred] [thousand ...].
function parseInteger(words: readonly string[], start: number): Parsed | undefined {
  let total = 0;
  let cursor = start;
  let group = parseBelowHundred(words, cursor);
  if (!group) return undefined;
  if (words[start] === 'oh') return undefined;
  let current = group.value;
  cursor += group.length;
  for (;;) {
    const scale = SCALES[words[cursor] as string];
    if (scale === undefined || current === 0) break;
    if (scale === 100) {
      current *= 100;
      cursor += 1;
      const afterAnd = words[cursor] === 'and' ? cursor + 1 : cursor;
      group = parseBelowHundred(words, afterAnd);
      if (group && words[afterAnd] !== 'oh') {
        current += group.value;
        cursor = afterAnd + group.length;
      }
      continue;
    }
    total += current * scale;
    current = 0;
    cursor += 1;
    const afterAnd = words[cursor] === 'and' ? cursor + 1 : cursor;
    const rest = parseInteger(words, afterAnd);
    if (rest) {
      current = rest.value;
      cursor = afterAnd + rest.length;
    }
    break;
  }
  return { value: total + current, length: cursor - start };
}

function parseBelowHundred(words: readonly string[], start: number): Parsed | undefined {
  const word = words[start];
  if (word === undefined) return undefined;
  if (/^\d+(\.\d+)?$/.test(word) && !word.includes('.')) {
    return { value: Number(word), length: 1 };
  }
  const unit = UNITS[word];
  if (unit !== undefined) return { value: unit, length: 1 };
  const tens = TENS[word];
  if (tens === undefined) return undefined;
  const next = words[start + 1];
  const following = next === undefined ? undefined : UNITS[next];
  if (following !== undefined && following > 0 && following < 10 && next !== 'oh') return { value: tens + following, length: 2 };
  return { value: tens, length: 1 };
}
