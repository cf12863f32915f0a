/** Offset <-> line/column mapping for a text, built once per artifact and shared by all rules. */
export class LineIndex {
  private readonly starts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    let i = text.indexOf('\n');
    while (i !== -1) {
      starts.push(i + 1);
      i = text.indexOf('\n', i + 1);
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 1-based line and column (column counted in UTF-16 code units, as SARIF's default). */
  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }

  /** Text of a 1-based line, without its newline. */
  line(n: number): string {
    const start = this.starts[n - 1];
    if (start === undefined) return '';
    const next = this.starts[n];
    const end = next === undefined ? this.text.length : next - 1;
    const s = this.text.slice(start, end);
    return s.endsWith('\r') ? s.slice(0, -1) : s;
  }

  lineStart(n: number): number {
    return this.starts[n - 1] ?? this.text.length;
  }
}
