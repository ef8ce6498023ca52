import { clinicalNotesTemplateSchema, ekaEmrTemplateSchema, emrMedicationSchema, emrVitalSchema } from '@scribe/core/templates';
import { z } from 'zod';
import type { ExtractInput, TemplateOutcome } from '../engine.js';
import { endpointUrl } from '../openai-endpoint.js';
import { EXTRACTOR_TEMPLATES, failedOutcome, type Extractor } from './extractor.js';

/** Options of `createOpenAiCompatibleExtractor`. */
export interface OpenAiCompatibleExtractorOptions {
  /** Server URL: its base, its `/v1`, or the full `/v1/chat/completions` address. */
  url: string;
  /** Sent as `Authorization: Bearer <key>` when given. */
  apiKey?: string;
  /** The `model` field. Default `local-model` (single-model local servers ignore it). */
  model?: string;
  /** Per-request timeout in ms. Default 300000. */
  timeoutMs?: number;
  /** Fills templates the LLM is not asked for (`transcript_template`, which must not be rewritten). */
  fallback: Extractor;
  /** Default: the global fetch. */
  fetch?: typeof fetch;
}

const SCHEMAS: Record<string, z.ZodType> = {
  clinical_notes_template: clinicalNotesTemplateSchema,
  soap: clinicalNotesTemplateSchema,
  eka_emr_template: ekaEmrTemplateSchema,
  medications: z.looseObject({ medications: z.array(emrMedicationSchema) }),
  vitals: z.looseObject({ vitals: z.array(emrVitalSchema) }),
};

const INSTRUCTIONS = [
  'You write clinical documentation from a doctor-patient consultation transcript.',
  'Use only facts stated in the transcript; never add a finding, medicine, dose or diagnosis that was not said.',
  'Use null or an empty list or string when something was not said. Symptoms the patient denies go in absent_symptoms.',
  'Answer with exactly one JSON object that matches the JSON Schema below, and nothing else.',
].join(' ');

/**
 * Extracts through any OpenAI-compatible `POST /v1/chat/completions` endpoint (a local llama.cpp or vLLM server, for
 * example). The model is given the template's JSON Schema; its answer must be JSON that fits the schema, else the
 * template fails with a message saying what came back. The transcript template is left to `fallback`.
 */
export function createOpenAiCompatibleExtractor(options: OpenAiCompatibleExtractorOptions): Extractor {
  const url = endpointUrl(options.url, '/chat/completions');
  const fetcher = options.fetch ?? fetch;
  return {
    name: 'openai-compatible',
    templates: EXTRACTOR_TEMPLATES,
    async extract(input: ExtractInput, signal: AbortSignal): Promise<TemplateOutcome> {
      const schema = SCHEMAS[input.templateId];
      if (!schema) return options.fallback.extract(input, signal);
      if (!input.transcript.trim()) return options.fallback.extract(input, signal);
      const request = {
        model: options.model ?? 'local-model',
        temperature: 0,
        response_format: { type: 'json_object' },
        messages: [
          { role: 'system', content: `${INSTRUCTIONS}\n\nTemplate: ${input.templateId}\nJSON Schema:\n${JSON.stringify(z.toJSONSchema(schema, { io: 'input' }))}` },
          { role: 'user', content: `Transcript (language ${input.language}):\n${input.transcript}` },
        ],
      };
      const answer = await post(fetcher, url, request, options, signal);
      if (answer.status === 'failed') return answer.outcome;
      return readAnswer(url, answer.body, schema);
    },
  };
}

type PostResult = { status: 'ok'; body: string } | { status: 'failed'; outcome: TemplateOutcome };

async function post(fetcher: typeof fetch, url: string, request: unknown, options: OpenAiCompatibleExtractorOptions, signal: AbortSignal): Promise<PostResult> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', ...(options.apiKey ? { Authorization: `Bearer ${options.apiKey}` } : {}) };
  try {
    const response = await fetcher(url, {
      method: 'POST',
      headers,
      body: JSON.stringify(request),
      signal: AbortSignal.any([signal, AbortSignal.timeout(options.timeoutMs ?? 300_000)]),
    });
    const body = await response.text();
    if (!response.ok) return { status: 'failed', outcome: failedOutcome('extraction_failed', `The LLM endpoint ${url} answered HTTP ${response.status}: ${snippet(body)}`) };
    return { status: 'ok', body };
  } catch (error) {
    return { status: 'failed', outcome: failedOutcome('extraction_failed', `The LLM endpoint ${url} could not be reached: ${(error as Error).message}`) };
  }
}

/** Reads a chat-completions body: the first choice's content, as JSON (code fences allowed), checked against the schema. */
function readAnswer(url: string, body: string, schema: z.ZodType): TemplateOutcome {
  let completion: { choices?: { message?: { content?: unknown } }[] };
  try {
    completion = JSON.parse(body) as typeof completion;
  } catch {
    return failedOutcome('extraction_failed', `The LLM endpoint ${url} answered something that is not JSON: ${snippet(body)}`);
  }
  const content = completion.choices?.[0]?.message?.content;
  if (typeof content !== 'string') return failedOutcome('extraction_failed', `The LLM endpoint ${url} answered JSON without choices[0].message.content.`);
  let data: unknown;
  try {
    data = JSON.parse(content.trim().replace(/^```(?:json)?\s*/i, '').replace(/\s*```$/, ''));
  } catch {
    return failedOutcome('extraction_failed', `The model's answer is not JSON: ${snippet(content)}`);
  }
  const checked = schema.safeParse(data);
  if (!checked.success) {
    const issues = checked.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    return failedOutcome('extraction_failed', `The model's JSON does not fit the template: ${issues.join('; ')}`);
  }
  return { status: 'success', data: checked.data as Record<string, unknown> };
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? `${flat.slice(0, 120)}...` : flat || '(empty)';
}
