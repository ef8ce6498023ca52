import type { SessionResult } from '@scribe/node';

/** Prints a result readably: status, transcript, then each template's outcome and data. */
export function printResult(result: SessionResult): void {
  console.log(`\nstatus: ${result.status}`);
  if (result.error) console.log(`error: ${result.error.code}: ${result.error.message}`);
  console.log(`transcript: ${result.transcript ? result.transcript : '(none)'}`);
  for (const doc of result.templates) {
    for (const [templateId, entry] of Object.entries(doc)) {
      console.log(`\n[${templateId}] ${entry.status}`);
      if (entry.error) console.log(`  ${entry.error.code}: ${entry.error.message}`);
      if (entry.data !== undefined) console.log(JSON.stringify(entry.data, null, 2));
    }
  }
}
