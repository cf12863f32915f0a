import type { FileScanner } from '../types.js';

// Placeholder until the iac scanner lands: it claims no files.
export const scanner: FileScanner = {
  kind: 'file',
  name: 'iac',
  category: 'iac',
  rules: () => [],
  appliesTo: () => false,
  scan: () => [],
};
