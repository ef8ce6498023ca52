/**
 * A finished session as readable cards: the SOAP note (`clinical_notes_template`) and the EMR record
 * (`eka_emr_template`: symptoms, vitals, medications, diagnoses, advice, follow-up). React puts every value in as text;
 * nothing from the service is ever rendered as HTML.
 */
import type { ScribeResult } from '@scribe/react';
import type { ReactNode } from 'react';

type Soap = NonNullable<ScribeResult['notes']['clinical_notes_template']>;
type Emr = NonNullable<ScribeResult['notes']['eka_emr_template']>;
type Medication = Emr['medications'][number];

/** Props of `NoteView`. */
export interface NoteViewProps {
  /** The session's result (final, or the service's progress while it is still processing). */
  result: ScribeResult;
  /** The heading. Default "Note". */
  title?: string;
}

/** The note of one session: SOAP cards, EMR cards, the transcript. */
export function NoteView({ result, title = 'Note' }: NoteViewProps) {
  const soap = result.notes.clinical_notes_template;
  const emr = result.notes.eka_emr_template;
  const failedTemplates = templateErrors(result);
  return (
    <section className="note" aria-label={title} data-status={result.status}>
      <h2>
        {title} <span className={`badge ${result.status}`}>{result.status}</span>
      </h2>
      {soap?.chief_complaint && <p className="chief">{`Chief complaint: ${soap.chief_complaint}`}</p>}
      {soap && <SoapCards soap={soap} />}
      {emr && <EmrCards emr={emr} />}
      {failedTemplates.map((message) => (
        <p key={message} className="error">
          {message}
        </p>
      ))}
      {result.transcript && (
        <details className="transcript">
          <summary>Transcript</summary>
          <p>{result.transcript}</p>
        </details>
      )}
    </section>
  );
}

function SoapCards({ soap }: { soap: Soap }) {
  const sections: [string, string][] = [
    ['Subjective', soap.subjective],
    ['Objective', soap.objective],
    ['Assessment', soap.assessment],
    ['Plan', soap.plan],
  ];
  return (
    <div className="cards soap" aria-label="SOAP note">
      {sections.map(([heading, text]) => (
        <Card key={heading} heading={heading} kind="soap">
          {text?.trim() ? <p>{text}</p> : <p className="empty">Nothing recorded.</p>}
        </Card>
      ))}
    </div>
  );
}

function EmrCards({ emr }: { emr: Emr }) {
  const symptoms = emr.symptoms ?? [];
  const vitals = emr.vitals ?? [];
  const medications = emr.medications ?? [];
  const diagnoses = emr.diagnoses ?? [];
  const advice = emr.advice ?? [];
  return (
    <div className="cards emr" aria-label="EMR record">
      <Card heading="Symptoms" kind="symptoms" empty={symptoms.length === 0}>
        <ul>
          {symptoms.map((symptom, index) => (
            <li key={index}>
              <strong>{capitalise(symptom.name)}</strong>
              {detail([symptom.severity, symptom.duration && `for ${symptom.duration.text}`])}
            </li>
          ))}
        </ul>
      </Card>
      <Card heading="Vitals" kind="vitals" empty={vitals.length === 0}>
        <dl>
          {vitals.map((vital, index) => (
            <div key={index}>
              <dt>{capitalise(vital.name.replaceAll('_', ' '))}</dt>
              <dd>{`${vital.value} ${vital.unit}`.trim()}</dd>
            </div>
          ))}
        </dl>
      </Card>
      <Card heading="Medications" kind="medications" empty={medications.length === 0}>
        <ul>
          {medications.map((medication, index) => (
            <li key={index} className="medication">
              <strong>{[capitalise(medication.name), medication.dose?.text].filter(Boolean).join(' ')}</strong>
              {detail(medicationDetails(medication))}
            </li>
          ))}
        </ul>
      </Card>
      <Card heading="Diagnoses" kind="diagnoses" empty={diagnoses.length === 0}>
        <ul>
          {diagnoses.map((diagnosis, index) => (
            <li key={index}>
              <strong>{capitalise(diagnosis.name)}</strong>
              {diagnosis.certainty === 'suspected' && <span className="tag">suspected</span>}
              {diagnosis.icd10 && <span className="code">{diagnosis.icd10}</span>}
            </li>
          ))}
        </ul>
      </Card>
      <Card heading="Advice" kind="advice" empty={advice.length === 0}>
        <ul>
          {advice.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ul>
      </Card>
      <Card heading="Follow-up" kind="follow-up" empty={!emr.follow_up?.text}>
        <p>{emr.follow_up?.text}</p>
      </Card>
    </div>
  );
}

function Card({ heading, kind, empty = false, children }: { heading: string; kind: string; empty?: boolean; children: ReactNode }) {
  return (
    <article className={`card ${kind}`} aria-label={heading}>
      <h3>{heading}</h3>
      {empty ? <p className="empty">None mentioned.</p> : children}
    </article>
  );
}

/** "three times daily, for 3 days, after food, oral". */
function medicationDetails(medication: Medication): (string | null | undefined)[] {
  return [medication.frequency?.text, medication.duration && `for ${medication.duration.text}`, medication.timing, medication.route];
}

function detail(parts: (string | null | undefined | false)[]) {
  const text = parts.filter((part): part is string => typeof part === 'string' && part !== '').join(', ');
  return text ? <span className="detail">{text}</span> : null;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "clinical_notes_template failed: ..." for each template the service could not fill. */
function templateErrors(result: ScribeResult): string[] {
  const messages: string[] = [];
  for (const document of result.session.templates) {
    for (const [id, entry] of Object.entries(document)) {
      if (entry.status === 'failed') messages.push(`${id} failed${entry.error?.message ? `: ${entry.error.message}` : ''}`);
    }
  }
  return messages;
}
