import { ConfigError } from '../errors';
import type { Logger } from '../ports/logger';
import { closestName } from './closest-name';
import { CONFIG_ENV_PREFIX, CONFIG_KEYS, CONFIG_NAMES, type ConfigKey } from './config-keys';
import type { ConfigLayer, ValueOrigin } from './config-value-parsers';
import type { ScribeOptions } from './scribe-options';

/** The three configuration layers as `resolveConfig` receives them. */
export interface ConfigLayers {
  /** Options passed in code (highest precedence). */
  explicit?: ScribeOptions;
  /**
   * Environment variables; the caller merges real variables over `.env`. Only `SCRIBE_*` names are read; an unknown
   * `SCRIBE_*` name is ignored with a warning, since the prefix is shared with the server and with apps.
   */
  env?: Record<string, string | undefined>;
  /** A parsed config file (snake_case keys) and its path (named in errors). */
  file?: { path: string; values: Record<string, unknown> };
  /** Receives one warning per unknown `SCRIBE_*` variable (name only, never the value). Default: silent. */
  logger?: Logger;
}

/** A raw value found for a key, with where it came from. */
export interface FoundValue {
  /** The value as written. */
  raw: unknown;
  /** Its origin. */
  origin: ValueOrigin;
}

/**
 * Checks every layer for unknown names and file secrets, then returns, per option, the raw values in precedence
 * order. `undefined` (and `null`, and blank strings) mean "not set" in every layer.
 */
export function collectConfigLayers(layers: ConfigLayers): Map<ConfigKey, FoundValue[]> {
  const found = new Map<ConfigKey, FoundValue[]>(CONFIG_KEYS.map((spec) => [spec, []]));
  const add = (spec: ConfigKey, raw: unknown, layer: ConfigLayer, label: string) => {
    if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return;
    found.get(spec)!.push({ raw, origin: { layer, label } });
  };
  const explicit = layers.explicit ?? {};
  rejectUnknown(Object.keys(explicit), CONFIG_NAMES.options, 'option', 'options');
  const env = layers.env ?? {};
  warnUnknownVariables(Object.keys(env), layers.logger);
  const file = layers.file;
  if (file) checkFile(file);
  for (const spec of CONFIG_KEYS) {
    add(spec, (explicit as Record<string, unknown>)[spec.option], 'explicit', `option ${spec.option}`);
    if (spec.envVar && Object.hasOwn(env, spec.envVar)) add(spec, env[spec.envVar], 'env', spec.envVar);
    if (file && spec.fileKey && Object.hasOwn(file.values, spec.fileKey)) add(spec, file.values[spec.fileKey], 'file', `${spec.fileKey} in ${file.path}`);
  }
  return found;
}

function checkFile(file: NonNullable<ConfigLayers['file']>): void {
  if (typeof file.values !== 'object' || file.values === null || Array.isArray(file.values)) {
    throw new ConfigError(`Config file ${file.path} must contain an object at the top level.`);
  }
  const secrets = CONFIG_KEYS.filter((spec) => spec.secret && spec.fileKey && Object.hasOwn(file.values, spec.fileKey));
  if (secrets.length > 0) {
    // Named, never echoed: the point is to keep the value out of files that end up in source control.
    const lines = secrets.map((spec) => `${spec.fileKey} (set ${spec.envVar} in the environment or pass ${spec.option} in code)`);
    throw new ConfigError(`Config file ${file.path} must not contain secrets: remove ${lines.join('; ')}.`, {
      details: { keys: secrets.map((spec) => spec.fileKey), use_instead: secrets.map((spec) => spec.envVar) },
    });
  }
  rejectUnknown(Object.keys(file.values), CONFIG_NAMES.fileKeys, `key in config file ${file.path}:`, 'keys');
}

// Explicit options and config-file keys are the caller's own, so a typo there throws; the SCRIBE_ prefix is shared
// (the server's SCRIBE_POCKETSPHINX, an app's SCRIBE_WEBHOOK_SECRET), so an unknown variable only warns.
function warnUnknownVariables(names: string[], logger: Logger | undefined): void {
  const valid = CONFIG_NAMES.envVars;
  for (const name of names) {
    if (!name.startsWith(CONFIG_ENV_PREFIX) || valid.includes(name)) continue;
    const suggestion = closestName(name, valid);
    const described = suggestion ? `${name} (did you mean ${suggestion}?)` : name;
    logger?.warn(`Ignoring unknown environment variable ${described}; scribe-ts reads only ${valid.join(', ')}.`, {
      variable: name,
      ...(suggestion ? { suggestion } : {}),
    });
  }
}

function rejectUnknown(names: string[], valid: readonly string[], kind: string, plural: string): void {
  const unknown = names.filter((name) => !valid.includes(name));
  if (unknown.length === 0) return;
  const described = unknown.map((name) => {
    const hint = closestName(name, valid);
    return hint ? `${name} (did you mean ${hint}?)` : name;
  });
  throw new ConfigError(`Unknown ${kind} ${described.join(', ')}. Valid ${plural}: ${valid.join(', ')}.`, {
    details: { unknown, valid: [...valid] },
  });
}
