import type { ScanResult } from '../core/types.js';
import { HipaaGateError } from '../core/errors.js';
import { existsSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { writeFileAtomic } from '../core/atomic.js';
import type { RenderOptions, Reporter } from './types.js';

export type { RenderOptions, RenderedFile, Reporter } from './types.js';

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

/**
 * Render and write atomically; `-` means standard output. A multi-file format (renderFiles) given
 * a directory (`out/` or an existing directory) writes each of its files there; an output whose
 * name is one of those files gets just that file.
 */
export async function writeReport(result: ScanResult, format: string, output: string, opts: RenderOptions = {}): Promise<void> {
  const reporter = await getReporter(format);
  if (reporter.renderFiles && output !== '-' && (/[\\/]$/.test(output) || (existsSync(output) && statSync(output).isDirectory()))) {
    for (const f of reporter.renderFiles(result, opts)) writeFileAtomic(join(output, f.name), f.data);
    return;
  }
  // An output named like one of the format's files gets that file (e.g. gl-sast-report.json).
  const named = reporter.renderFiles && output !== '-' ? reporter.renderFiles(result, opts).find((f) => f.name === basename(output)) : undefined;
  if (named) {
    writeFileAtomic(output, named.data);
    return;
  }
  const data = reporter.render(result, opts);
  if (output === '-') process.stdout.write(data);
  else writeFileAtomic(output, data);
}
