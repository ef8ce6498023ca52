import { describe, expect, it } from 'vitest';
import { emrOf, shapes } from './extractor-test-support.js';

// Issue 13: a condition the doctor names as the impression is a diagnosis, hedged ones suspected and ruled-out ones
// left out; the names doctors and patients say for common conditions ("afib", "hypertensive").
const diagnoses = (emr: Awaited<ReturnType<typeof emrOf>>) => emr.diagnoses.map((diagnosis) => [diagnosis.name, diagnosis.certainty]);

describe('conditions named as the impression', () => {
  const cases: [string, [string, string][], string[][]][] = [
    [
      'bad news broken with "I am afraid" states the condition',
      [
        ['Patient', 'Is it because of my sugar?'],
        ['Doctor', "I am afraid I don't have better news for you, but your diabetes is out of control."],
      ],
      [['diabetes mellitus', 'stated']],
    ],
    ['a patient who is afraid of a condition does not have it', [['Patient', 'I am afraid I have cancer.']], []],
    [
      'the short name of atrial fibrillation',
      [
        ['Doctor', 'And then you also have arthritis.'],
        ['Patient', 'Yes. I also take Coumadin for my chronic A Fib, and my afib is under control.'],
      ],
      [
        ['arthritis', 'stated'],
        ['atrial fibrillation', 'stated'],
      ],
    ],
    ['"you are hypertensive"', [['Doctor', "You are hypertensive and your readings don't look good."]], [['hypertension', 'stated']]],
    ['"it looks like" is a suspected diagnosis', [['Doctor', 'It looks like she has an upper respiratory infection.']], [['acute upper respiratory infection', 'suspected']]],
    ['a ruled-out condition is left out', [['Doctor', "Good news, it doesn't look like a sinus infection."]], []],
    [
      'the clinician\'s "i think it\'s a" is suspected; the patient\'s "i think i have" stays stated',
      [
        ['Patient', 'I think I have asthma. What is causing these headaches?'],
        ['Doctor', "I think it's a migraine."],
      ],
      [
        ['asthma', 'stated'],
        ['migraine', 'suspected'],
      ],
    ],
    [
      'a name said with its "\'s" before a full stop or "and" ("Parkinson\'s.")',
      [
        ['Doctor', 'Any other medical problems?'],
        ['Patient', "Yes, I have Alzheimer's and arthritis. My husband has Parkinson's."],
      ],
      [
        ["alzheimer's disease", 'stated'],
        ['arthritis', 'stated'],
      ],
    ],
    ['"parkinson\'s" at the end of the sentence', [['Patient', "Two years ago I was diagnosed with Parkinson's."]], [["parkinson's disease", 'stated']]],
  ];
  for (const [name, turns, expected] of cases) {
    for (const [shape, transcript] of shapes(turns)) {
      it(`${name} (${shape})`, async () => {
        expect(diagnoses(await emrOf(transcript))).toEqual(expected);
      });
    }
  }
});
