/** Filler words a recogniser writes for hesitation noise; they carry nothing for the notes. */
export const FILLER_WORDS: readonly string[] = ['um', 'uh', 'umm', 'uhm', 'hmm', 'mm', 'mhm', 'er', 'erm', 'ah'];

const FILLERS = new Set(FILLER_WORDS);

/**
 * One recognised utterance without filler words and noise markers (`[NOISE]`, `<sil>`), so hesitation can neither
 * reach the extractor nor join a neighbour into a content word.
 */
export function removeFillers(utterance: string): string {
  return utterance
    .split(/\s+/)
    .filter((word) => word && !FILLERS.has(word.toLowerCase()) && !/^(\[[^\]]*\]|<[^>]*>)$/.test(word))
    .join(' ');
}
