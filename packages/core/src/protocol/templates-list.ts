import { APIError } from '../errors';
import { decodeIfText, describeType, isWireObject, optionalString, UNEXPECTED_BODY_ADVICE, type WireObject } from './parse-wire';

/** One template the service offers (contract 2.3). */
export interface TemplateInfo {
  /** Id to send in `templates`. */
  id: string;
  /** Human-readable name. */
  name: string | undefined;
  /** What the template produces. */
  description: string | undefined;
  /** The item as received, unknown fields included. */
  raw: WireObject;
}

/**
 * Parses `GET /templates`: `{templates: [{id, name, description}]}` (a bare list, a paginated `{items: [...]}` as a
 * self-hosted EkaScribe answers, `template_id` for `id` and string items are tolerated; items without an id are
 * dropped). Throws APIError when there is no list at all.
 */
export function parseTemplatesList(raw: unknown): TemplateInfo[] {
  const body = decodeIfText(raw);
  const list = Array.isArray(body) ? body : isWireObject(body) ? (Array.isArray(body.templates) ? body.templates : body.items) : undefined;
  if (!Array.isArray(list)) {
    throw new APIError(`Malformed templates list: expected {"templates": [...]} or {"items": [...]}, received ${describeType(body)}. ${UNEXPECTED_BODY_ADVICE}`);
  }
  const out: TemplateInfo[] = [];
  for (const item of list) {
    if (typeof item === 'string' && item !== '') out.push({ id: item, name: undefined, description: undefined, raw: { id: item } });
    if (!isWireObject(item)) continue;
    const id = optionalString(item.id) ?? optionalString(item.template_id);
    if (id) out.push({ id, name: optionalString(item.name), description: optionalString(item.description), raw: item });
  }
  return out;
}
