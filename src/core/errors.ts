/** Typed errors. The CLI maps `exitCode` in one place (0 passed, 1 gate failed, 2 error). */
export type ErrorCode =
  | 'E_USAGE'
  | 'E_CONFIG'
  | 'E_PATH'
  | 'E_GIT'
  | 'E_IO'
  | 'E_PARSE'
  | 'E_RULE'
  | 'E_DB'
  | 'E_EVIDENCE'
  | 'E_INTERNAL';

export class HipaaGateError extends Error {
  readonly code: ErrorCode;
  readonly exitCode: number;
  readonly file?: string;
  readonly line?: number;

  constructor(code: ErrorCode, message: string, opts: { file?: string; line?: number; cause?: unknown; exitCode?: number } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'HipaaGateError';
    this.code = code;
    this.exitCode = opts.exitCode ?? 2;
    this.file = opts.file;
    this.line = opts.line;
  }

  /** One line for the terminal: `file:line: message`. */
  oneLine(): string {
    const where = this.file ? `${this.file}${this.line ? `:${this.line}` : ''}: ` : '';
    return `${where}${this.message}`.replace(/\s*\n\s*/g, ' ');
  }
}
