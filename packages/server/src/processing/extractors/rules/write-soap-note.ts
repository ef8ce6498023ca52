import type { ClinicalNotesTemplate, EkaEmrTemplate, EmrMedication, EmrSymptom, EmrVital } from '@scribe/core/templates';

const VITAL_LABELS: Record<EmrVital['name'], string> = {
  blood_pressure: 'Blood pressure',
  pulse: 'Pulse',
  temperature: 'Temperature',
  respiratory_rate: 'Respiratory rate',
  oxygen_saturation: 'Oxygen saturation',
  weight: 'Weight',
  height: 'Height',
  blood_glucose: 'Blood glucose',
};
// Said by the patient about themselves: a known condition or a medicine already taken belongs to the history.
const KNOWN_CONDITION = /^(?:i have|i have had|i had|i am|i suffer from|i was diagnosed with|my)\b/;
const TAKEN_MEDICINE = /(?:^| )i (?:take|am taking|have been taking|was taking|use|am using|am on|have been on)\b/;

// "I have diabetes", "insulin for my diabetes": the patient speaking of their own condition.
function isHistory(sentence: string): boolean {
  return KNOWN_CONDITION.test(sentence) || (/\bmy\b/.test(sentence) && !/\byour?\b/.test(sentence));
}

function firstPerson(text: string): string {
  return text.toLowerCase().replace(/\bi'm\b/g, 'i am').replace(/\bi've\b/g, 'i have').trim();
}

/**
 * Writes the SOAP note from the extracted EMR fields only: every phrase names something found in the transcript, and
 * a section with nothing found stays empty.
 */
export function writeSoapNote(emr: EkaEmrTemplate): ClinicalNotesTemplate {
  const history = emr.diagnoses.filter((diagnosis) => isHistory(firstPerson(diagnosis.text)));
  const assessed = emr.diagnoses.filter((diagnosis) => !history.includes(diagnosis));
  const current = emr.medications.filter((medication) => TAKEN_MEDICINE.test(firstPerson(medication.text)));
  const prescribed = emr.medications.filter((medication) => !current.includes(medication));
  const subjective = [
    sentence(emr.symptoms.map(describeSymptom).join('; ')),
    emr.absent_symptoms.length ? sentence(`denies ${list(emr.absent_symptoms.map((absent) => absent.name))}`) : '',
    history.length ? sentence(`known ${list(history.map((diagnosis) => diagnosis.name))}`) : '',
    current.length ? sentence(`takes ${list(current.map(describeMedication))}`) : '',
  ];
  const objective = emr.vitals.map((vital) => sentence(`${VITAL_LABELS[vital.name]} ${vital.value}${vital.unit.startsWith('/') ? '' : ' '}${vital.unit}`));
  const assessment = assessed.map((diagnosis) => sentence(`${diagnosis.name}${diagnosis.certainty === 'suspected' ? ' (suspected)' : ''}${diagnosis.icd10 ? `, ICD-10 ${diagnosis.icd10}` : ''}`));
  const plan = [
    ...prescribed.map((medication) => sentence(describeMedication(medication))),
    emr.investigations.length ? sentence(`investigations: ${list(emr.investigations.map((investigation) => investigation.name))}`) : '',
    ...emr.advice.map((advice) => sentence(`advice: ${advice}`)),
    emr.follow_up ? sentence(`follow-up: ${emr.follow_up.text}`) : '',
  ];
  const first = emr.symptoms[0];
  return {
    subjective: join(subjective),
    objective: join(objective),
    assessment: join(assessment),
    plan: join(plan),
    chief_complaint: first ? capitalize(describeSymptom(first)) : null,
  };
}

function describeSymptom(symptom: EmrSymptom): string {
  const since = symptom.duration ? ` for ${symptom.duration.text}` : symptom.onset ? ` ${symptom.onset}` : '';
  return `${symptom.severity ? `${symptom.severity} ` : ''}${symptom.name}${since}`;
}

/** "paracetamol 500 mg oral three times daily after food for 3 days"; a class as said: "inhaler (drugs for ...) 2 puffs". */
export function describeMedication(medication: EmrMedication): string {
  const frequency = medication.frequency ? `${medication.frequency.text}${medication.frequency.as_needed && medication.frequency.text !== 'as needed' ? ' as needed' : ''}` : null;
  // An ATC code above the substance level (fewer than 7 characters) names a class the speaker used instead of a drug
  // ("the inhaler", "a water pill"): the note keeps their word, and the group's name says what it stands for.
  const isClass = medication.atc !== null && medication.atc.length < 7 && medication.spoken_name.toLowerCase() !== medication.name.toLowerCase();
  const name = isClass ? `${medication.spoken_name.toLowerCase()} (${medication.name})` : medication.name;
  return [name, medication.dose?.text, medication.route, frequency, medication.timing, medication.duration ? `for ${medication.duration.text}` : null]
    .filter((part): part is string => Boolean(part))
    .join(' ');
}

function list(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return trimmed ? `${capitalize(trimmed)}${/[.!?]$/.test(trimmed) ? '' : '.'}` : '';
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function join(parts: readonly string[]): string {
  return parts.filter(Boolean).join(' ');
}
