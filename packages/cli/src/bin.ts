#!/usr/bin/env node
import { processIo } from './cli-io';
import { runScribeCli } from './run-scribe-cli';

// The exit code is set rather than forced so stdout is flushed when the output is a pipe.
void runScribeCli(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
