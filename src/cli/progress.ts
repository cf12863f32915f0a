/** What the progress line needs from a stream: a terminal check and write. */
export interface ProgressStream {
  isTTY?: boolean;
  write(s: string): unknown;
}

export interface ProgressOptions {
  /** Quiet period: short scans (pre-commit) never flash a progress line. */
  delayMs?: number;
  intervalMs?: number;
  /** Clock and timer, injectable for tests. */
  now?: () => number;
  setInterval?: (fn: () => void, ms: number) => { unref?(): void };
  clearInterval?: (t: unknown) => void;
}

/**
 * A one-line progress indicator on stderr, drawn only on a terminal and only once the scan has run
 * for a second; it erases itself when the scan ends, so the report and the verdict are unchanged.
 */
export class Progress {
  private readonly started: number;
  private last = { files: 0, bytes: 0 };
  private shown = false;
  private stopped = false;
  private readonly timer?: unknown;
  private readonly opts: Required<Pick<ProgressOptions, 'delayMs' | 'now' | 'clearInterval'>>;

  constructor(
    private readonly stream: ProgressStream,
    opts: ProgressOptions = {},
  ) {
    this.opts = { delayMs: opts.delayMs ?? 1000, now: opts.now ?? Date.now, clearInterval: opts.clearInterval ?? ((t) => clearInterval(t as NodeJS.Timeout)) };
    this.started = this.opts.now();
    if (stream.isTTY !== true) return;
    const every = opts.setInterval ?? ((fn: () => void, ms: number) => setInterval(fn, ms));
    const t = every(() => this.draw(), opts.intervalMs ?? 250);
    // The indicator must never keep the process alive.
    t.unref?.();
    this.timer = t;
  }

  update(p: { files: number; bytes: number }): void {
    this.last = p;
  }

  /** Drawn by the timer; public so tests can drive it. */
  draw(): void {
    if (this.stopped || this.stream.isTTY !== true) return;
    const elapsed = this.opts.now() - this.started;
    if (elapsed < this.opts.delayMs) return;
    this.shown = true;
    const mb = (this.last.bytes / 1e6).toFixed(1);
    this.stream.write(`\r\x1b[2Kscanning: ${this.last.files} files, ${mb} MB, ${Math.floor(elapsed / 1000)} s`);
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    if (this.timer !== undefined) this.opts.clearInterval(this.timer);
    if (this.shown) this.stream.write('\r\x1b[2K');
  }
}
