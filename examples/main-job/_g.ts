import { loadDialogues } from './dialogue-dataset';
import { goldOf } from './dialogue-gold';
const pat = new RegExp(process.argv[2] ?? '', 'i');
for (const set of ['training', 'validation'] as const) for (const d of loadDialogues(set)) {
  if (!pat.test(d.sectionText)) continue;
  const g = goldOf(d.section, d.sectionText);
  const parts = Object.entries(g).filter(([, v]) => v.length).map(([k, v]) => `${k}=${v.join('|')}`);
  const m = d.sectionText.replace(/\s+/g, " ").match(new RegExp(`[^.]{0,160}(?:${pat.source})[^.]{0,160}`, "i"));
  console.log(`${set} ${d.id} ${d.section}: …${m?.[0]}…\n    ${parts.join('  ')}`);
}
