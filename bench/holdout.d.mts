import type { FileScanner } from '../src/scanners/types.js';

export interface Label {
  path: string;
  line: number;
  kind: string;
  value: string;
}
export interface HoldoutScore {
  kinds: Map<string, { labels: number; found: number; otherKind: number }>;
  labels: number;
  found: number;
  recall: number;
  negatives: number;
  flagged: Array<Label & { why: string }>;
  misses: Label[];
}
export const HOLDOUT_ROOT: string;
export function scoreSet(setDir: string, scanner: FileScanner): Promise<HoldoutScore>;
