import type { ScanResult } from '../core/types.js';

export interface RenderOptions {
  /** Colour for text output (decided by the CLI: TTY and NO_COLOR). */
  color?: boolean;
  /** Include suppressed findings in text output. */
  showSuppressed?: boolean;
  /** HTML: attested runs for the trend chart (default: read from the scan root's evidence ledger). */
  trend?: import('../evidence/period.js').TrendPoint[];
  /** Markdown: maximum characters (default 65,536, GitHub's comment limit; GitLab allows 1,000,000). */
  maxChars?: number;
}

/** One file of a multi-file format (GitLab writes one report per security scanner type). */
export interface RenderedFile {
  name: string;
  data: string | Uint8Array;
}

/** One output format = one module exporting a Reporter. */
export interface Reporter {
  format: string;
  /** Default file extension when writing. */
  extension: string;
  render(result: ScanResult, opts: RenderOptions): string | Uint8Array;
  /** Formats made of several files: written into a directory when --output names one (ends in / or exists as a directory). */
  renderFiles?(result: ScanResult, opts: RenderOptions): RenderedFile[];
}
