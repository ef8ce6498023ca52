import { describe, expect, it } from 'vitest';
import { createScriptedVoiceActivityDetector } from './create-scripted-voice-activity-detector';
import { detectorOwningModel } from './detector-owning-model';

describe('detectorOwningModel', () => {
  it('passes frames to the model\'s detector and releases the detector, then the model, on dispose', async () => {
    const events: string[] = [];
    const inner = createScriptedVoiceActivityDetector({ probability: (index) => index / 10, frameSamples: 4 });
    const detector = detectorOwningModel({
      createDetector: () => ({ ...inner, reset: () => (events.push('reset'), inner.reset()), dispose: async () => void events.push('detector') }),
      dispose: async () => void events.push('model'),
    });
    expect([detector.sampleRate, detector.frameSamples]).toEqual([16000, 4]);
    expect(await detector.process(new Float32Array(4))).toBe(0);
    expect(await detector.process(new Float32Array(4))).toBe(0.1);
    detector.reset();
    expect(await detector.process(new Float32Array(4))).toBe(0);
    await detector.dispose();
    expect(events).toEqual(['reset', 'detector', 'model']);
  });
});
