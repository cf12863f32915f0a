import { LineIndex } from '../../../core/lines.js';
import { parse as parseToml } from 'smol-toml';
import { HipaaGateError } from '../../../core/errors.js';

/** JSON.parse with an error that names the file and line. */
export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    const line = m ? text.slice(0, Number(m[1])).split('\n').length : undefined;
    throw new HipaaGateError('E_PARSE', `not valid JSON: ${(e as Error).message.split('\n')[0]}`, { file, line });
  }
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Finds lines of keys/needles in a text by searching forward, so repeated names map to successive
 * occurrences and a lookup costs one indexOf.
 */
export class LineFinder {
  private readonly index: LineIndex;
  constructor(readonly text: string) {
    this.index = new LineIndex(text);
  }
  lineAt(offset: number): number {
    return this.index.position(offset).line;
  }
  private cursor = 0;
  /**
   * Line of the next occurrence of `needle` after the previous `next` hit (lockfile entries come
   * in text order, so this is linear overall); falls back to searching from `from`.
   */
  next(needle: string, from = 0): number {
    let i = this.text.indexOf(needle, Math.max(this.cursor, from));
    if (i < 0) i = this.text.indexOf(needle, from);
    if (i < 0) return 1;
    this.cursor = i + needle.length;
    return this.lineAt(i);
  }
  /** Line of the first occurrence of `needle` at or after `from` (offset), or 1. */
  find(needle: string, from = 0): number {
    const i = this.text.indexOf(needle, from);
    return i < 0 ? 1 : this.lineAt(i);
  }
  offsetOf(needle: string, from = 0): number {
    return this.text.indexOf(needle, from);
  }
  /** Offset of the start of a 1-based line. */
  lineStart(line: number): number {
    return this.index.lineStart(line);
  }
}

/** A JSON object key's line: `"key":` searched as JSON text. */
export function jsonKeyNeedle(key: string): string {
  return `${JSON.stringify(key)}:`;
}

/** Parse TOML with an error naming the file and line. */
export function parseTomlText(text: string, file: string): Record<string, unknown> {
  try {
    return parseToml(text) as Record<string, unknown>;
  } catch (e) {
    const line = (e as { line?: number }).line;
    throw new HipaaGateError('E_PARSE', `not valid TOML: ${(e as Error).message.split('\n')[0]}`, { file, line });
  }
}

/** The `[[package]]` tables of a TOML lockfile with the line of each header. */
export function tomlPackages(text: string, file: string): Array<{ table: Record<string, unknown>; line: number }> {
  const doc = parseTomlText(text, file);
  const list = Array.isArray(doc.package) ? (doc.package as unknown[]).filter(isObject) : [];
  const lines = tableHeaderLines(text, 'package');
  return list.map((table, i) => ({ table, line: lines[i] ?? 1 }));
}

/** 1-based lines of each `[[name]]` array-of-tables header, in order. */
export function tableHeaderLines(text: string, name: string): number[] {
  const out: number[] = [];
  const re = new RegExp(`^\\s*\\[\\[\\s*${name.replace(/\./g, '\\.')}\\s*\\]\\]\\s*(#.*)?$`);
  text.split('\n').forEach((l, i) => {
    if (re.test(l)) out.push(i + 1);
  });
  return out;
}
