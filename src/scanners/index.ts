import type { Scanner } from './types.js';

/**
 * The scanner registry: name -> lazy module. Sorted. Adding a scanner is one line here and a folder
 * exporting `scanner`; rules inside a scanner are registered by that scanner's own rule index.
 */
export const SCANNERS: Record<string, () => Promise<{ scanner: Scanner }>> = {
  deps: () => import('./deps/index.js'),
  iac: () => import('./iac/index.js'),
  phi: () => import('./phi/index.js'),
  secrets: () => import('./secrets/index.js'),
};

export const SCANNER_NAMES = Object.keys(SCANNERS);

export async function loadScanners(names: readonly string[] = SCANNER_NAMES): Promise<Scanner[]> {
  const out: Scanner[] = [];
  for (const n of names) {
    const load = SCANNERS[n];
    if (!load) throw new Error(`unknown scanner "${n}" (known: ${SCANNER_NAMES.join(', ')})`);
    out.push((await load()).scanner);
  }
  return out;
}
