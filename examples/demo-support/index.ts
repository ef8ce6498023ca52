export { printResult } from './print-result';
export { runDemo, type DemoOptions } from './run-demo';
