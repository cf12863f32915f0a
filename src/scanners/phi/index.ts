import type { FileScanner } from '../types.js';

// Placeholder until the phi scanner lands: it claims no files.
export const scanner: FileScanner = {
  kind: 'file',
  name: 'phi',
  category: 'phi',
  rules: () => [],
  appliesTo: () => false,
  scan: () => [],
};
