import { HttpError } from './http/responses.js';
import type { Clock } from './time.js';

/** Counters of one window, answered as `X-RateLimit-*` headers. */
export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Unix seconds when the window resets. */
  resetSeconds: number;
}

/**
 * Fixed-window request counter per credential (contract 8.3). A fixed window keeps `X-RateLimit-Reset` exact and
 * the state tiny; bursts at a window edge are acceptable for a development server.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowSeconds: number,
    private readonly now: Clock,
  ) {}

  /** Counts one request; throws 429 `rate_limit_exceeded` once the window's budget is spent. */
  consume(key: string): RateLimitState {
    const now = this.now();
    const windowMs = this.windowSeconds * 1000;
    let window = this.windows.get(key);
    if (!window || now - window.start >= windowMs) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
      this.prune(now, windowMs);
    }
    const resetMs = window.start + windowMs;
    const state = { limit: this.limit, remaining: Math.max(0, this.limit - window.count - 1), resetSeconds: Math.ceil(resetMs / 1000) };
    if (window.count >= this.limit) {
      const retryAfter = Math.max(1, Math.ceil((resetMs - now) / 1000));
      throw new HttpError(
        429,
        'rate_limit_exceeded',
        `Rate limit of ${this.limit} requests per ${this.windowSeconds} s exceeded.`,
        { retry_after_seconds: retryAfter, limit: this.limit, window: `${this.windowSeconds}s` },
        { 'Retry-After': String(retryAfter), ...rateLimitHeaders({ ...state, remaining: 0 }) },
      );
    }
    window.count += 1;
    return state;
  }

  private prune(now: number, windowMs: number): void {
    if (this.windows.size < 1000) return;
    for (const [key, window] of this.windows) if (now - window.start >= windowMs) this.windows.delete(key);
  }
}

/** The `X-RateLimit-*` headers for a state. */
export function rateLimitHeaders(state: RateLimitState): Record<string, string> {
  return {
    'X-RateLimit-Limit': String(state.limit),
    'X-RateLimit-Remaining': String(state.remaining),
    'X-RateLimit-Reset': String(state.resetSeconds),
  };
}
