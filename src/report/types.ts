import type { ScanResult } from '../core/types.js';

export interface RenderOptions {
  /** Colour for text output (decided by the CLI: TTY and NO_COLOR). */
  color?: boolean;
  /** Include suppressed findings in text output. */
  showSuppressed?: boolean;
}

/** One output format = one module exporting a Reporter. */
export interface Reporter {
  format: string;
  /** Default file extension when writing. */
  extension: string;
  render(result: ScanResult, opts: RenderOptions): string | Uint8Array;
}
