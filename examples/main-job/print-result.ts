import { type TemplateEntry } from '@scribe/core/internal';
import { parseTemplateData, type ClinicalNotesTemplate, type EkaEmrTemplate } from '@scribe/core/templates';
import type { SessionResult } from '@scribe/node';

type Write = (line: string) => void;

/** Prints a session result for a person: status, transcript, then each template's note or its error. */
export function printResult(result: SessionResult, write: Write = (line) => console.log(line)): void {
  write(`\nstatus: ${result.status}${result.error ? ` (${result.error.code}: ${result.error.message})` : ''}`);
  write('\nTranscript');
  const transcript = result.transcript?.trim();
  for (const line of transcript ? transcript.split('\n') : ['(none)']) write(`  ${line}`);
  for (const document of result.templates) {
    for (const [templateId, entry] of Object.entries(document)) printEntry(templateId, entry, write);
  }
}

function printEntry(templateId: string, entry: TemplateEntry, write: Write): void {
  if (entry.status !== 'success') {
    write(`\n${templateId}: ${entry.status}${entry.error ? ` (${entry.error.code}: ${entry.error.message})` : ''}`);
    return;
  }
  if (templateId === 'clinical_notes_template' || templateId === 'soap') {
    const parsed = parseTemplateData('clinical_notes_template', entry.data);
    if (parsed.success) return printSoap(parsed.data, write);
  }
  if (templateId === 'eka_emr_template') {
    const parsed = parseTemplateData('eka_emr_template', entry.data);
    if (parsed.success) return printEmr(parsed.data, write);
  }
  write(`\n${templateId}`);
  write(JSON.stringify(entry.data, null, 2));
}

function printSoap(note: ClinicalNotesTemplate, write: Write): void {
  write('\nClinical notes (SOAP)');
  if (note.chief_complaint) write(`  Chief complaint: ${note.chief_complaint}`);
  write(`  Subjective: ${note.subjective || '-'}`);
  write(`  Objective:  ${note.objective || '-'}`);
  write(`  Assessment: ${note.assessment || '-'}`);
  write(`  Plan:       ${note.plan || '-'}`);
}

function printEmr(emr: EkaEmrTemplate, write: Write): void {
  const line = (label: string, items: readonly string[]) => write(`  ${label.padEnd(16)}${items.length ? items.join('; ') : '-'}`);
  write('\nEMR record');
  line('Symptoms:', emr.symptoms.map((symptom) => `${symptom.severity ? `${symptom.severity} ` : ''}${symptom.name}${symptom.duration ? ` (${symptom.duration.text})` : ''}`));
  line('Denied:', emr.absent_symptoms.map((symptom) => symptom.name));
  line('Vitals:', emr.vitals.map((vital) => `${vital.name.replace(/_/g, ' ')} ${vital.value} ${vital.unit}`));
  line('Diagnoses:', emr.diagnoses.map((diagnosis) => `${diagnosis.name}${diagnosis.icd10 ? ` [ICD-10 ${diagnosis.icd10}]` : ''}${diagnosis.certainty === 'suspected' ? ' (suspected)' : ''}`));
  line('Medications:', emr.medications.map((medication) => {
    const parts = [medication.dose?.text, medication.route, medication.frequency?.text, medication.frequency?.as_needed && medication.frequency.text !== 'as needed' ? 'as needed' : undefined, medication.timing, medication.duration ? `for ${medication.duration.text}` : undefined];
    const said = medication.spoken_name !== medication.name ? ` (said "${medication.spoken_name}")` : '';
    return `${medication.name}${said}${parts.some(Boolean) ? `: ${parts.filter(Boolean).join(', ')}` : ''}`;
  }));
  line('Investigations:', emr.investigations.map((investigation) => investigation.name));
  line('Advice:', emr.advice);
  line('Follow-up:', emr.follow_up ? [emr.follow_up.text] : []);
}
