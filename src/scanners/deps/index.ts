import type { FileScanner } from '../types.js';

// Placeholder until the deps scanner lands: it claims no files.
export const scanner: FileScanner = {
  kind: 'file',
  name: 'deps',
  category: 'deps',
  rules: () => [],
  appliesTo: () => false,
  scan: () => [],
};
