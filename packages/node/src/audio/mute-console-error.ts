/**
 * Runs a synchronous decoder call with `console.error` muted. The wasm decoders (mpg123-decoder, opus-decoder) print
 * each decoding error there as well as returning it in their result, which is how errors reach our callers; since
 * the call is synchronous, nothing else can log while the printer is swapped out.
 */
export function muteConsoleError<T>(call: () => T): T {
  const print = console.error;
  console.error = () => undefined;
  try {
    return call();
  } finally {
    console.error = print;
  }
}
