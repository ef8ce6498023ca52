export { createScribeCore, type ScribeCore, type ScribeCoreOptions } from './create-scribe-core';
