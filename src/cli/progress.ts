/** A one-line progress indicator on stderr, shown only after the scan has run for a second. */
export class Progress {
  private readonly started = Date.now();
  private last = { files: 0, bytes: 0 };
  private shown = false;
  private timer: NodeJS.Timeout;

  constructor(private readonly stream: NodeJS.WriteStream) {
    this.timer = setInterval(() => this.draw(), 250);
    this.timer.unref();
  }

  update(p: { files: number; bytes: number }): void {
    this.last = p;
  }

  private draw(): void {
    if (Date.now() - this.started < 1000) return;
    this.shown = true;
    const mb = (this.last.bytes / 1e6).toFixed(1);
    this.stream.write(`\r\x1b[2Kscanning: ${this.last.files} files, ${mb} MB`);
  }

  stop(): void {
    clearInterval(this.timer);
    if (this.shown) this.stream.write('\r\x1b[2K');
  }
}
