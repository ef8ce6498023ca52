import { readFileSync, statSync } from 'node:fs';
import { extname, isAbsolute, join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { ConfigError } from '@scribe/core';

/** A config file that was found and parsed into its top-level object. */
export interface LoadedConfigFile {
  /** Absolute path of the file. */
  path: string;
  /** Its snake_case keys, unvalidated (the core resolver checks them). */
  values: Record<string, unknown>;
}

/** File names looked for in the working directory, in order, when no path is given. */
export const CONFIG_FILE_NAMES = ['scribe.config.json', 'scribe.config.yaml', 'scribe.config.yml'] as const;

/**
 * Finds and parses the config file: the explicit path (must exist), else `SCRIBE_CONFIG` (must exist), else the first
 * of CONFIG_FILE_NAMES in `cwd`. Returns undefined when none applies. YAML for `.yaml`/`.yml`, JSON otherwise.
 */
export function readConfigFile(options: { explicitPath?: string; envPath?: string; cwd: string }): LoadedConfigFile | undefined {
  const { explicitPath, envPath, cwd } = options;
  if (explicitPath !== undefined) return parseConfigFile(absolute(explicitPath, cwd), 'the configFile option');
  if (envPath !== undefined && envPath !== '') return parseConfigFile(absolute(envPath, cwd), 'SCRIBE_CONFIG');
  for (const name of CONFIG_FILE_NAMES) {
    const path = join(cwd, name);
    if (isFile(path)) return parseConfigFile(path, 'the working directory');
  }
  return undefined;
}

function absolute(path: string, cwd: string): string {
  return isAbsolute(path) ? path : resolve(cwd, path);
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function parseConfigFile(path: string, origin: string): LoadedConfigFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const what = code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a directory' : `cannot be read (${code})`;
    throw new ConfigError(`Config file ${path} (from ${origin}) ${what}. Point it at a JSON or YAML file, or remove the setting.`);
  }
  const values = text.trim() === '' ? {} : parseText(text, path);
  if (values === null || typeof values !== 'object' || Array.isArray(values)) {
    throw new ConfigError(`Config file ${path} must contain an object of settings at the top level (found ${describe(values)}).`);
  }
  return { path, values: values as Record<string, unknown> };
}

function parseText(text: string, path: string): unknown {
  const yaml = ['.yaml', '.yml'].includes(extname(path).toLowerCase());
  try {
    return yaml ? parseYamlSettings(text) : JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ConfigError(`Config file ${path} is not valid ${yaml ? 'YAML' : 'JSON'}: ${reason}`);
  }
}

// A YAML stream without a document (only comments, e.g. a sample file with every line commented out) is empty, like
// an empty file; an explicit `null` or `~` document is still a non-object top level.
function parseYamlSettings(text: string): unknown {
  const document = parseDocument(text);
  const [first] = document.errors;
  if (first) throw first;
  return document.contents === null ? {} : document.toJS();
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'a list' : `a ${typeof value}`;
}
