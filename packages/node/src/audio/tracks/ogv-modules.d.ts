// ogv ships its Emscripten decoder modules without type declarations; create-vorbis-packet-decoder.ts types the part
// it uses.
declare module 'ogv/dist/ogv-decoder-audio-vorbis-wasm.js';
