import type { ScanResult } from '../core/types.js';
import { HipaaGateError } from '../core/errors.js';
import { writeFileAtomic } from '../core/atomic.js';
import type { RenderOptions, Reporter } from './types.js';

export type { RenderOptions, Reporter } from './types.js';

/** Format registry: name -> lazy module exporting `reporter`. Sorted. */
export const REPORTERS: Record<string, () => Promise<{ reporter: Reporter }>> = {
  cyclonedx: () => import('./cyclonedx.js'),
  gitlab: () => import('./gitlab.js'),
  html: () => import('./html.js'),
  json: () => import('./json.js'),
  junit: () => import('./junit.js'),
  markdown: () => import('./markdown.js'),
  sarif: () => import('./sarif.js'),
  text: () => import('./text.js'),
};

export const FORMATS = Object.keys(REPORTERS);

export async function getReporter(format: string): Promise<Reporter> {
  const load = REPORTERS[format];
  if (!load) throw new HipaaGateError('E_USAGE', `unknown format "${format}" (known: ${FORMATS.join(', ')})`);
  return (await load()).reporter;
}

export async function render(result: ScanResult, format: string, opts: RenderOptions = {}): Promise<string | Uint8Array> {
  return (await getReporter(format)).render(result, opts);
}

/** Render and write atomically; `-` means standard output. */
export async function writeReport(result: ScanResult, format: string, output: string, opts: RenderOptions = {}): Promise<void> {
  const data = await render(result, format, opts);
  if (output === '-') process.stdout.write(data);
  else writeFileAtomic(output, data);
}
