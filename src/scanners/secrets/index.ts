import type { FileScanner } from '../types.js';

// Placeholder until the secrets scanner lands: it claims no files.
export const scanner: FileScanner = {
  kind: 'file',
  name: 'secrets',
  category: 'secret',
  rules: () => [],
  appliesTo: () => false,
  scan: () => [],
};
