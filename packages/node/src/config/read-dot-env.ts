import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'dotenv';
import { ConfigError } from '@scribe/core';

/**
 * Reads `.env` from `cwd` without touching `process.env`. A missing file is an empty record; an unreadable one is a
 * ConfigError, because silently ignoring it would hide the credentials the user meant to supply.
 */
export function readDotEnv(cwd: string): Record<string, string> {
  const path = join(cwd, '.env');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return {};
    if (code === 'EISDIR') throw new ConfigError(`${path} is a directory; .env must be a file of KEY=value lines.`);
    throw new ConfigError(`Could not read ${path} (${code ?? 'unknown error'}). Fix its permissions or remove it.`);
  }
  return parse(text);
}

/**
 * The environment layer: real variables win over `.env` values (a `.env` never overrides a variable already set).
 * Only `SCRIBE_*` names are kept so unrelated variables never reach the resolver.
 */
export function mergeEnvironment(realEnv: NodeJS.ProcessEnv, dotEnv: Record<string, string>): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const [name, value] of Object.entries(dotEnv)) if (name.startsWith('SCRIBE_')) merged[name] = value;
  for (const [name, value] of Object.entries(realEnv)) if (name.startsWith('SCRIBE_') && value !== undefined) merged[name] = value;
  return merged;
}
