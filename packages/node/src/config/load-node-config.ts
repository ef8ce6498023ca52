import { resolveConfig, type Logger, type ScribeConfig, type ScribeOptions } from '@scribe/core';
import { readConfigFile } from './read-config-file';
import { mergeEnvironment, readDotEnv } from './read-dot-env';

/** Where `loadNodeConfig` reads from. Every field has a default suited to a normal process. */
export interface NodeConfigSources {
  /** Directory holding `.env` and `scribe.config.*`. Default `process.cwd()`. */
  cwd?: string;
  /** The process environment. Default `process.env`. */
  processEnv?: NodeJS.ProcessEnv;
  /** Read `.env` from `cwd`. Default true. */
  dotEnv?: boolean;
  /** Receives one warning per unknown `SCRIBE_*` variable (in the environment or `.env`). Default: silent. */
  logger?: Logger;
}

/**
 * Resolves the configuration of a Node process: explicit options > environment (real variables over `.env`) >
 * config file (`configFile`, else `SCRIBE_CONFIG`, else `scribe.config.{json,yaml,yml}` in `cwd`) > defaults.
 */
export function loadNodeConfig(options: ScribeOptions = {}, sources: NodeConfigSources = {}): ScribeConfig {
  const cwd = sources.cwd ?? process.cwd();
  const realEnv = sources.processEnv ?? process.env;
  const env = mergeEnvironment(realEnv, sources.dotEnv === false ? {} : readDotEnv(cwd));
  const file = readConfigFile({ explicitPath: options.configFile, envPath: env.SCRIBE_CONFIG, cwd });
  // SCRIBE_CONFIG names the file; it is not a setting of its own.
  const { SCRIBE_CONFIG: _configPath, ...settings } = env;
  const { configFile: _configFile, ...explicit } = options;
  return resolveConfig({ explicit, env: settings, file, logger: sources.logger });
}
