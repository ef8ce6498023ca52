import { isWireObject, optionalString, type WireObject } from './parse-wire';
import { normalizeWireError, type WireError } from './wire-error';

/** Status of one template entry: `success`, `failed`, `processing`, or another string kept verbatim. */
export type TemplateEntryStatus = 'success' | 'failed' | 'processing' | (string & {});

/** One template result document (contract 4.2). Extra keys such as `document_id` are kept. */
export interface TemplateEntry {
  /** Extraction status of this entry. */
  readonly status: TemplateEntryStatus;
  /** The structured note: an object, a list, or whatever the template produces. */
  readonly data?: unknown;
  /** Why extraction failed, normalised to `{code, message}`. */
  readonly error?: WireError;
  /** Any other key the server sent. */
  readonly [extra: string]: unknown;
}

/** One `(templateId, entry)` pair in wire order; ids may repeat (one template can yield several documents). */
export type TemplateEntryPair = readonly [templateId: string, entry: TemplateEntry];

/** Normalises one template value (4.3 rules 4-5): a value without a string `status` is unwrapped data. */
export function normalizeTemplateEntry(value: unknown): TemplateEntry {
  if (!isWireObject(value) || typeof value.status !== 'string') return Object.freeze({ status: 'success', data: value });
  const { error, ...rest } = value;
  const normalizedError = normalizeWireError(error);
  return Object.freeze(normalizedError === undefined ? { ...rest, status: value.status } : { ...rest, status: value.status, error: normalizedError });
}

/**
 * Normalises `templates` in either dialect into ordered pairs (contract 4.3): absent or null → none; a list of
 * single-key objects (eka) or an object keyed by id (msa); then `template_errors` adds failed entries for ids that
 * have no failed entry yet.
 */
export function normalizeTemplates(templates: unknown, templateErrors?: unknown): TemplateEntryPair[] {
  const pairs: TemplateEntryPair[] = [];
  const add = (id: string, value: unknown) => pairs.push(Object.freeze([id, normalizeTemplateEntry(value)] as const));
  if (Array.isArray(templates)) {
    for (const element of templates) {
      if (isWireObject(element)) for (const [id, value] of Object.entries(element)) add(id, value);
    }
  } else if (isWireObject(templates)) {
    for (const [id, value] of Object.entries(templates)) add(id, value);
  }
  for (const failure of Array.isArray(templateErrors) ? templateErrors : []) {
    const pair = templateErrorPair(failure);
    // A server that reports a failure twice (in `templates` and `template_errors`) must not yield two documents.
    if (pair && !pairs.some(([id, entry]) => id === pair[0] && entry.status === 'failed')) pairs.push(pair);
  }
  return pairs;
}

// `{template_id | template, error | code, message}` (4.3 rule 6); `error` may be a code string or a full object.
function templateErrorPair(failure: unknown): TemplateEntryPair | undefined {
  if (!isWireObject(failure)) return undefined;
  const id = optionalString(failure.template_id) ?? optionalString(failure.template);
  if (id === undefined) return undefined;
  const nested = isWireObject(failure.error) ? normalizeWireError(failure.error) : undefined;
  const code = nested?.code ?? optionalString(failure.error) ?? optionalString(failure.code) ?? 'unknown';
  const message = optionalString(failure.message) ?? nested?.message ?? code;
  return Object.freeze([id, Object.freeze({ status: 'failed', error: { code, message } })] as const);
}

/** The list form of python-sdk-docs.md: one single-key object `{[templateId]: entry}` per template entry. */
export function toTemplateList(pairs: readonly TemplateEntryPair[]): ReadonlyArray<Readonly<Record<string, TemplateEntry>>> {
  return Object.freeze(pairs.map(([id, entry]) => Object.freeze(Object.fromEntries([[id, entry]]) as WireObject as Record<string, TemplateEntry>)));
}
