export { msaPollIntervalSeconds, pollIntervalSeconds } from './poll-interval';
export {
  createResultPoller,
  MIN_FAILED_POLL_DELAY_MS,
  type GetSession,
  type ResultPoller,
  type ResultPollerOptions,
  type WaitForResultsOptions,
} from './result-poller';
