import { describe, expect, it } from 'vitest';
import { createOpenAiCompatibleExtractor, createOpenAiCompatibleTranscriber, createRuleBasedExtractor, EngineError } from '../../src/index.js';
import { endpointUrl } from '../../src/processing/openai-endpoint.js';
import { fakeEndpoint, runSession, sampleFile, startEngineServer, templatesOf } from './engine-test-support.js';

const signal = new AbortController().signal;
const INPUT = { sessionId: 's1', transcript: 'I have had a cough for three days.', language: 'en', model: 'lite', sessionMode: 'consultation' as const };

function chatAnswer(content: string): string {
  return JSON.stringify({ choices: [{ index: 0, message: { role: 'assistant', content } }] });
}

describe('OpenAI-compatible endpoints', () => {
  it.each([
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080/v1/audio/transcriptions'],
    ['http://127.0.0.1:8080/', 'http://127.0.0.1:8080/v1/audio/transcriptions'],
    ['http://127.0.0.1:8080/v1', 'http://127.0.0.1:8080/v1/audio/transcriptions'],
    ['http://host/api/v1/audio/transcriptions', 'http://host/api/v1/audio/transcriptions'],
  ])('%s → %s', (configured, expected) => {
    expect(endpointUrl(configured, '/audio/transcriptions')).toBe(expected);
  });

  it('the transcriber sends the audio as a WAV form with the language hint and the key, and reads `text`', { timeout: 60_000 }, async () => {
    const stt = await fakeEndpoint((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ text: ' Your pulse is ninety two. ', language: 'en' }));
    });
    const t = await startEngineServer({ transcriber: 'openai-compatible', transcriberUrl: stt.url, transcriberApiKey: 'sk-local-test' });
    const bytes = await sampleFile('chest-pain-consultation', 'chunks/chunk_3.wav');
    const { body } = await runSession(t, [{ name: 'chunk_0.wav', bytes }], { language_hint: ['en'] });
    expect(body).toMatchObject({ status: 'completed', transcript: 'Your pulse is ninety two.' });
    expect(templatesOf(body).eka_emr_template?.data).toMatchObject({ vitals: [{ name: 'pulse', value: '92', unit: '/min' }] });
    const [request] = stt.requests;
    expect(request).toMatchObject({ method: 'POST', url: '/v1/audio/transcriptions', headers: { authorization: 'Bearer sk-local-test' } });
    const form = await new Response(new Uint8Array(request!.body), { headers: { 'Content-Type': request!.headers['content-type'] as string } }).formData();
    expect(form.get('language')).toBe('en');
    expect(form.get('response_format')).toBe('json');
    const file = form.get('file') as File;
    expect(file.type).toBe('audio/wav');
    expect(new TextDecoder().decode((await file.arrayBuffer()).slice(0, 4))).toBe('RIFF');
  });

  it.each([
    [500, 'text/plain', 'model not loaded', /answered HTTP 500: model not loaded/],
    [200, 'text/html', '<html>proxy</html>', /answered something that is not JSON/],
    [200, 'application/json', '{"result": "hello"}', /JSON without a "text" string/],
  ])('the transcriber fails the session clearly on HTTP %i %s', async (status, type, answer, message) => {
    const stt = await fakeEndpoint((_request, response) => {
      response.writeHead(status, { 'Content-Type': type }).end(answer);
    });
    const transcriber = createOpenAiCompatibleTranscriber({ url: stt.url });
    const error = await transcriber.transcribe({ sessionId: 's', pcm: new Float32Array(1600), languageHints: [] }, signal).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).code).toBe('processing_failed');
    expect((error as EngineError).message).toMatch(message);
  });

  it('the extractor gives the model the template schema and keeps an answer that fits it', async () => {
    const emr = { symptoms: [{ name: 'cough', duration: { value: 3, unit: 'day', text: '3 days' }, severity: null, icd10: 'R05', text: 'I have had a cough for three days.' }], absent_symptoms: [], medications: [], vitals: [], diagnoses: [], investigations: [], advice: [], follow_up: null };
    const llm = await fakeEndpoint((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(chatAnswer('```json\n' + JSON.stringify(emr) + '\n```'));
    });
    const extractor = createOpenAiCompatibleExtractor({ url: `${llm.url}/v1`, model: 'qwen', fallback: createRuleBasedExtractor() });
    expect(await extractor.extract({ ...INPUT, templateId: 'eka_emr_template' }, signal)).toEqual({ status: 'success', data: emr });
    const request = JSON.parse(llm.requests[0]!.body.toString('utf8'));
    expect(request).toMatchObject({ model: 'qwen', temperature: 0, response_format: { type: 'json_object' } });
    expect(request.messages[0].content).toContain('"absent_symptoms"');
    expect(request.messages[1].content).toContain(INPUT.transcript);
  });

  it.each([
    [chatAnswer('Sure! The patient has a cough.'), /The model's answer is not JSON: Sure!/],
    [chatAnswer('{"symptoms": "cough"}'), /does not fit the template: symptoms/],
    ['{"error": "overloaded"}', /without choices\[0\]\.message\.content/],
    ['not json at all', /answered something that is not JSON: not json at all/],
  ])('the extractor fails the template clearly on %s', async (answer, message) => {
    const llm = await fakeEndpoint((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(answer);
    });
    const extractor = createOpenAiCompatibleExtractor({ url: llm.url, fallback: createRuleBasedExtractor() });
    const outcome = await extractor.extract({ ...INPUT, templateId: 'eka_emr_template' }, signal);
    expect(outcome).toEqual({ status: 'failed', error: { code: 'extraction_failed', message: expect.stringMatching(message) } });
  });

  it('the extractor leaves the transcript template to the rules, unrewritten', async () => {
    const llm = await fakeEndpoint((_request, response) => void response.writeHead(500).end());
    const extractor = createOpenAiCompatibleExtractor({ url: llm.url, fallback: createRuleBasedExtractor() });
    const outcome = await extractor.extract({ ...INPUT, templateId: 'transcript_template' }, signal);
    expect(outcome).toMatchObject({ status: 'success', data: { transcript: INPUT.transcript } });
    expect(llm.requests).toHaveLength(0);
  });
});
