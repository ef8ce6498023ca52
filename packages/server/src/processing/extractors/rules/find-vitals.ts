import type { EmrVital, VitalName } from '@scribe/core/templates';
import type { ClinicalSentence } from './read-clinical-text.js';

interface VitalRule {
  name: VitalName;
  pattern: RegExp;
  read(match: RegExpExecArray): { value: string; unit: string } | undefined;
}

// Up to three words (no digits) may stand between a vital's name and its reading: "your blood pressure today is".
const GAP = '(?: [a-z]+){0,3}?';
const rule = (names: string, reading: string) => new RegExp(`(?<=^| )(?:${names})${GAP} ${reading}`, 'g');

const RULES: readonly VitalRule[] = [
  {
    name: 'blood_pressure',
    pattern: rule('blood pressure|bp', '(\\d{2,3}) ?(?:over|by|/) ?(\\d{2,3})(?= |$)'),
    read: (match) => ({ value: `${match[1]}/${match[2]}`, unit: 'mmHg' }),
  },
  {
    name: 'pulse',
    pattern: rule('pulse rate|pulse|heart rate|hr', '(\\d{2,3})(?= |$)'),
    read: (match) => ({ value: match[1] as string, unit: '/min' }),
  },
  {
    name: 'temperature',
    pattern: rule('temperature|temp|fever of|fever is', '(\\d{2,3}(?:\\.\\d+)?)(?: (?:degrees?|°))?(?: (fahrenheit|celsius|centigrade|f|c))?(?= |$)'),
    read: (match) => ({ value: match[1] as string, unit: temperatureUnit(Number(match[1]), match[2]) }),
  },
  {
    name: 'respiratory_rate',
    pattern: rule('respiratory rate|breathing rate|respiration rate|respirations|rr', '(\\d{1,2})(?= |$)'),
    read: (match) => ({ value: match[1] as string, unit: '/min' }),
  },
  {
    name: 'oxygen_saturation',
    pattern: rule('oxygen saturation|saturation|spo2|sp o2|o2 saturation|oxygen level|oxygen', '(\\d{2,3})(?: (?:%|percent))?(?= |$)'),
    read: (match) => (Number(match[1]) <= 100 ? { value: match[1] as string, unit: '%' } : undefined),
  },
  {
    name: 'weight',
    pattern: rule('weight|weigh|weighs|weighing', '(\\d{1,3}(?:\\.\\d+)?)(?: (kg|kgs|kilograms?|kilos?|lb|lbs|pounds?))?(?= |$)'),
    read: (match) => ({ value: match[1] as string, unit: /^(lb|pound)/.test(match[2] ?? '') ? 'lb' : 'kg' }),
  },
  {
    name: 'height',
    pattern: rule('height|tall', '(\\d{2,3}(?:\\.\\d+)?) (cm|centimeters?|centimetres?)(?= |$)'),
    read: (match) => ({ value: match[1] as string, unit: 'cm' }),
  },
  {
    name: 'blood_glucose',
    pattern: rule('blood sugar|blood glucose|sugar level|sugar|glucose|rbs|fbs', '(\\d{2,3}(?:\\.\\d+)?)(?: (mg per dl|mg/dl|mmol))?(?= |$)'),
    read: (match) => ({ value: match[1] as string, unit: match[2] === 'mmol' ? 'mmol/L' : 'mg/dL' }),
  },
];

// Said without a scale, body temperatures above 45 can only be Fahrenheit.
function temperatureUnit(value: number, said: string | undefined): string {
  if (said === 'c' || said === 'celsius' || said === 'centigrade') return '°C';
  if (said === 'f' || said === 'fahrenheit') return '°F';
  return value > 45 ? '°F' : '°C';
}

/**
 * Finds vital signs with their readings in one sentence: "blood pressure is 140 over 90" → 140/90 mmHg, "pulse is
 * 92" → 92 /min, "temperature 101 degrees" → 101 °F. A unit not said is the one the vital is always charted in.
 */
export function findVitals(sentence: ClinicalSentence): EmrVital[] {
  const found: (EmrVital & { at: number })[] = [];
  for (const { name, pattern, read } of RULES) {
    for (const match of sentence.normal.matchAll(pattern)) {
      const reading = read(match as RegExpExecArray);
      if (reading && !found.some((vital) => vital.name === name)) found.push({ name, ...reading, text: sentence.raw, at: match.index as number });
    }
  }
  return found.sort((a, b) => a.at - b.at).map(({ at: _at, ...vital }) => vital);
}
