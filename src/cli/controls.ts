import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { HipaaGateError } from '../core/errors.js';
import type { RuleMeta } from '../core/types.js';
import { loadScanners, SCANNER_NAMES } from '../scanners/index.js';
import { controlMatrix, type MatrixRow } from '../hipaa/matrix.js';
import { lastScanPath, readControlsFrom } from '../hipaa/last-scan.js';
import type { RegisterCommand } from './commands.js';

const STATUS_TEXT: Record<MatrixRow['status'], string> = {
  passed: 'passed',
  failed: 'failed',
  'not-evaluated': 'not evaluated',
  manual: 'needs manual attestation',
};
const SAFEGUARDS = ['administrative', 'physical', 'technical', 'organizational', 'documentation', 'privacy', 'breach'];

interface ControlsFlags {
  json?: boolean;
  from?: string;
  safeguard?: string;
}

export const register: RegisterCommand = (program) => {
  program
    .command('controls')
    .description('print the HIPAA control matrix: citation, title, required/addressable, the rules that evidence it, and its status in the last scan')
    .argument('[path]', 'project whose last scan (.hipaa-gate/last-scan.json) gives the statuses', '.')
    .option('--json', 'print the matrix as JSON')
    .option('--from <report>', 'take statuses from this JSON report (hipaa-gate scan --format json) instead of the last scan')
    .option('--safeguard <name>', `only one safeguard: ${SAFEGUARDS.join(', ')}`)
    .action(async (path: string, flags: ControlsFlags) => {
      if (flags.safeguard && !SAFEGUARDS.includes(flags.safeguard)) {
        throw new HipaaGateError('E_USAGE', `unknown safeguard "${flags.safeguard}" (known: ${SAFEGUARDS.join(', ')})`);
      }
      const source = flags.from ? resolve(flags.from) : lastScanPath(resolve(path));
      const last = flags.from || existsSync(source) ? readControlsFrom(source) : undefined;
      const rows = controlMatrix(await allRules(), last?.controls).filter((r) => !flags.safeguard || r.safeguard === flags.safeguard);
      if (flags.json) {
        const out = { source: last ? source : null, scannedAt: last?.startedAt ?? null, gate: last?.summary ?? null, controls: rows };
        process.stdout.write(JSON.stringify(out, null, 2) + '\n');
        return;
      }
      const head = last
        ? `statuses from ${flags.from ?? '.hipaa-gate/last-scan.json'} (scan of ${last.startedAt ?? 'unknown time'}${last.mode ? `, ${last.mode}` : ''}${last.summary ? `: ${last.summary}` : ''})`
        : 'no scan recorded yet: run `hipaa-gate scan` (or pass --from REPORT.json) to fill in statuses';
      process.stdout.write(renderMatrix(rows, head));
    });
};

/** Every rule of every scanner, whether enabled or not: the matrix shows what could evidence each control. */
async function allRules(): Promise<RuleMeta[]> {
  const rules: RuleMeta[] = [];
  for (const name of SCANNER_NAMES) {
    let scanners;
    try {
      scanners = await loadScanners([name]);
    } catch (e) {
      throw new HipaaGateError('E_INTERNAL', `could not load the ${name} scanner: ${(e as Error).message}`, { cause: e });
    }
    for (const s of scanners) rules.push(...s.rules({}));
  }
  return rules;
}

export function renderMatrix(rows: MatrixRow[], head: string): string {
  const out: string[] = [`HIPAA Security Rule controls - ${head}`];
  const w = { id: Math.max(8, ...rows.map((r) => r.id.length)), title: 44, status: 26 };
  for (const g of SAFEGUARDS) {
    const list = rows.filter((r) => r.safeguard === g);
    if (list.length === 0) continue;
    out.push('', `${g[0]!.toUpperCase()}${g.slice(1)} safeguards`);
    out.push(`  ${'CITATION'.padEnd(w.id)}  ${'R/A'.padEnd(3)}  ${'TITLE'.padEnd(w.title)}  ${'STATUS'.padEnd(w.status)}  RULES`);
    for (const r of list) {
      const title = r.title.length > w.title ? `${r.title.slice(0, w.title - 3)}...` : r.title;
      const status = `${STATUS_TEXT[r.status]}${r.status === 'failed' ? ` (${r.findings})` : ''}`;
      const rules = r.rules.length === 0 ? '-' : r.rules.length <= 3 ? r.rules.join(', ') : `${r.rules.slice(0, 3).join(', ')}, +${r.rules.length - 3} more`;
      out.push(`  ${r.id.padEnd(w.id)}  ${(r.required ? 'R' : 'A').padEnd(3)}  ${title.padEnd(w.title)}  ${status.padEnd(w.status)}  ${rules}`);
    }
  }
  const n = (s: MatrixRow['status']) => rows.filter((r) => r.status === s).length;
  out.push(
    '',
    `${rows.length} controls: ${n('passed')} passed, ${n('failed')} failed, ${n('not-evaluated')} not evaluated, ${n('manual')} need manual attestation`,
    'R = required, A = addressable. "passed" means the automated checks found nothing; controls marked partial in the catalog still need a manual attestation for the rest.',
  );
  return out.join('\n') + '\n';
}
