/** One speaker's turn of a transcript: its label (lower case, `dr` read as `doctor`), or null when unlabelled. */
export interface SpeakerTurn {
  speaker: string | null;
  text: string;
}

const LABEL_WORDS = '(?:doctor|patient|dr|physician|nurse|clinician|caregiver|attendant|gu?est_family(?:_\\d+)?|gu?est_clinic?ian(?:_\\d+)?|speaker\\s*\\d+)';
const SPEAKER_LABEL = new RegExp(`^\\s*(${LABEL_WORDS})\\s*:\\s*`, 'i');
// A label inside a line, after a space: where the next speaker starts when a typist ran two turns together ("...
// fever? Patient: No."), when it follows the end of a sentence or a comma or is capitalised ("I told the nurse: it
// hurts" goes on).
const INNER_LABEL = new RegExp(`\\s+(?=${LABEL_WORDS}\\s*:)`, 'gi');

function splitAtLabels(line: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (const match of line.matchAll(INNER_LABEL)) {
    const label = line.charAt(match.index + match[0].length);
    if (match.index === 0 || !(/[.?!,;]/.test(line.charAt(match.index - 1)) || label !== label.toLowerCase())) continue;
    parts.push(line.slice(from, match.index));
    from = match.index + match[0].length;
  }
  return [...parts, line.slice(from)];
}

/**
 * Splits a transcript into turns, one a line, and a line that holds two speakers ("Doctor: Any fever? Patient: No.")
 * into one turn each, so that the answer is read as the next turn and not as part of the question. A label repeated
 * inside its own speaker's line ("Doctor: Any fever? Doctor: Any cough?") is dropped: the turn goes on.
 */
export function splitSpeakerTurns(transcript: string): SpeakerTurn[] {
  const turns: SpeakerTurn[] = [];
  for (const line of transcript.split(/\r?\n/)) {
    const own: SpeakerTurn[] = [];
    for (const part of splitAtLabels(line)) {
      const label = SPEAKER_LABEL.exec(part);
      const text = (label ? part.slice(label[0].length) : part).trim();
      const speaker = label ? (label[1] as string).toLowerCase().replace(/^dr$/, 'doctor').replace(/\s+/g, ' ') : null;
      const previous = own[own.length - 1];
      if (previous && (speaker === null || speaker === previous.speaker)) previous.text = `${previous.text} ${text}`.trim();
      else own.push({ speaker, text });
    }
    turns.push(...own.filter((turn) => turn.text));
  }
  return turns;
}
