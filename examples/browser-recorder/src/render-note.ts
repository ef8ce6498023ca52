/**
 * Renders a finished session as readable cards: the SOAP note of `clinical_notes_template` and the EMR record of
 * `eka_emr_template` (symptoms, vitals, medications, diagnoses, advice, follow-up). Text only: every value goes in
 * through `textContent`, never as HTML.
 */
import type { SessionResult, TemplateEntry } from '@scribe/browser';

/** One card: a heading and its lines (empty cards are not shown). */
interface Card {
  title: string;
  lines: string[];
}

/** Replaces the children of `container` with the cards of `result`. */
export function renderNote(container: HTMLElement, result: SessionResult): void {
  container.replaceChildren(...noteCards(result).filter((card) => card.lines.length > 0).map(cardElement));
}

/** The cards of a result, in reading order. */
export function noteCards(result: SessionResult): Card[] {
  const cards: Card[] = [];
  for (const document of result.templates) {
    for (const [templateId, entry] of Object.entries(document) as [string, TemplateEntry][]) {
      if (entry.status !== 'success' || !isRecord(entry.data)) continue;
      if (templateId === 'clinical_notes_template') cards.push(...soapCards(entry.data));
      if (templateId === 'eka_emr_template') cards.push(...emrCards(entry.data));
    }
  }
  return cards;
}

function soapCards(data: Record<string, unknown>): Card[] {
  const section = (title: string, key: string) => ({ title, lines: text(data[key]) ? [String(data[key])] : [] });
  return [section('Subjective', 'subjective'), section('Objective', 'objective'), section('Assessment', 'assessment'), section('Plan', 'plan')];
}

function emrCards(data: Record<string, unknown>): Card[] {
  const list = (key: string) => (Array.isArray(data[key]) ? (data[key] as unknown[]) : []);
  const described = (item: unknown) => (isRecord(item) && text(item.text) ? String(item.text) : isRecord(item) && text(item.name) ? String(item.name) : String(item));
  const followUp = isRecord(data.follow_up) && text(data.follow_up.text) ? [String(data.follow_up.text)] : [];
  return [
    { title: 'Symptoms', lines: list('symptoms').map(described) },
    { title: 'Vitals', lines: list('vitals').map(described) },
    { title: 'Medications', lines: list('medications').map(described) },
    { title: 'Diagnoses', lines: list('diagnoses').map(described) },
    { title: 'Advice', lines: list('advice').map(described) },
    { title: 'Follow-up', lines: followUp },
  ];
}

function cardElement(card: Card): HTMLElement {
  const element = document.createElement('article');
  element.className = 'card';
  const heading = document.createElement('h3');
  heading.textContent = card.title;
  element.append(heading);
  if (card.lines.length === 1) {
    const paragraph = document.createElement('p');
    paragraph.textContent = card.lines[0]!;
    element.append(paragraph);
  } else {
    const items = document.createElement('ul');
    for (const line of card.lines) {
      const item = document.createElement('li');
      item.textContent = line;
      items.append(item);
    }
    element.append(items);
  }
  return element;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}
