import type { ParsedPackage } from '../inventory.js';

export interface ParseContext {
  /** Path of the lockfile relative to the scan root (for messages). */
  path: string;
  /** Read another file relative to this lockfile's directory (`-r other.txt`, go.sum, parent POMs). */
  readRelative(rel: string): string | undefined;
  /** For OS package databases: the distribution from /etc/os-release of the same image. */
  distro?: { id: string; versionId: string };
}

/** One lockfile or manifest format: data (which files, which ecosystem) + one parse function. */
export interface LockfileParser {
  id: string;
  ecosystem: string;
  /** File names (basename) this parser reads. */
  matches(basename: string, path: string): boolean;
  /** When the ecosystem depends on the file (a distro release), e.g. `Debian:12`. */
  ecosystemOf?(ctx: ParseContext): string;
  /** Throws HipaaGateError('E_PARSE', ..., {file, line}) on malformed input. */
  parse(text: string, ctx: ParseContext): ParsedPackage[];
}
