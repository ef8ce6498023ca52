import { ConfigError } from '@scribe/core/internal';

/**
 * Imports a module of the speech-detection code, which an app's bundler splits off and loads on first use. A failed
 * load (a deploy replaced the page's script files, the network dropped) is a ConfigError, as an unreachable model is.
 */
export async function loadSpeechModule<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    throw new ConfigError("Speech detection could not load its code (the page's script files are unreachable or out of date): reload the page.", { cause: error });
  }
}
