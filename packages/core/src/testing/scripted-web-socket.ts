import type { WebSocketCloseEventLike, WebSocketLike } from '../stream/web-socket-like';

/**
 * The `WebSocketLike` port, scripted for tests of stream code: the test opens it, acknowledges bytes and drops it;
 * it records every frame sent. Subclass it to script a service's behaviour (acknowledge each frame, close after stop).
 */
export class ScriptedWebSocket implements WebSocketLike {
  readyState = 0;
  bufferedAmount = 0;
  binaryType = 'blob';
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { readonly data: unknown }) => void) | null = null;
  onclose: ((event: WebSocketCloseEventLike) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  /** Every frame sent, in order (binary frames copied). */
  readonly sent: (string | Uint8Array)[] = [];
  /** What the client's `close` was called with, if it was. */
  closedWith: { code?: number; reason?: string } | undefined;

  constructor(readonly url: string) {}

  send(data: string | Uint8Array): void {
    if (this.readyState !== 1) throw new Error('not open');
    this.sent.push(typeof data === 'string' ? data : data.slice());
  }

  close(code?: number, reason?: string): void {
    this.closedWith = { code, reason };
    this.readyState = 2;
  }

  /** The service accepts the connection. */
  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }

  /** The service acknowledges `bytes` stored (the resume extension's ack). */
  ack(bytes: number): void {
    this.onmessage?.({ data: JSON.stringify({ event: 'ack', bytes }) });
  }

  /** The connection ends from the service's side (1006: cut without a close frame). */
  drop(code = 1006, reason = ''): void {
    this.readyState = 3;
    this.onclose?.({ code, reason });
  }

  /** The binary frames sent, joined. */
  binary(): Uint8Array {
    const frames = this.sent.filter((frame): frame is Uint8Array => typeof frame !== 'string');
    const out = new Uint8Array(frames.reduce((sum, frame) => sum + frame.length, 0));
    frames.reduce((offset, frame) => (out.set(frame, offset), offset + frame.length), 0);
    return out;
  }
}
