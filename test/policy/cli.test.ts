/**
 * The policy gate end to end through the built CLI: exit codes, config errors, baselines,
 * waivers, inline allows, --strict, and the controls matrix after a scan.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomInt } from 'node:crypto';
import { jsonReport, oneLine, runCli } from '../cli/run-cli.js';

/** An AWS-access-key-id-shaped value, random each run, assembled so no literal sits in the repo. */
function fakeKey(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  return ['AK', 'IA', ...Array.from({ length: 16 }, () => alphabet[randomInt(alphabet.length)])].join('');
}

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'hg-policy-cli-'));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

const scan = (dir: string, ...args: string[]) => runCli(['scan', '.', '--scanners', 'secrets', '--workers', '0', ...args], { cwd: dir });

describe('exit codes and config errors', () => {
  it('a broken config is one line naming file:line and the key path, exit 2', () => {
    const dir = project({ '.hipaa-gate.yml': 'fail_on: high\nscanners:\n  secrets:\n    enabled: true\n    foo: 1\n', 'a.ts': 'x\n' });
    const r = scan(dir);
    expect(r.code).toBe(2);
    expect(oneLine(r)).toBe(`hipaa-gate: error: ${join(dir, '.hipaa-gate.yml')}:5: unknown key "scanners.secrets.foo"`);
  });

  it('an impossible waiver date is a config error, exit 2', () => {
    const dir = project({ '.hipaa-gate.yml': 'waivers:\n  - rule: secret/x\n    reason: test data\n    approved_by: me\n    expires: 2026-02-30\n', 'a.ts': 'x\n' });
    const r = scan(dir);
    expect(r.code).toBe(2);
    expect(oneLine(r)).toMatch(/\.hipaa-gate\.yml:2: waiver expiry "2026-02-30" is not a real date/);
  });

  it('a clean tree passes with exit 0; a secret fails with exit 1 and the verdict line', () => {
    const clean = project({ 'a.ts': 'export const x = 1;\n' });
    const ok = scan(clean);
    expect(ok.code).toBe(0);
    expect(ok.stdout.trimEnd().split('\n').at(-1)).toBe('gate passed: no findings at or above high');
    const key = fakeKey();
    const dirty = project({ 'src/aws.ts': `const id = "${key}";\n` });
    const bad = scan(dirty);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/gate failed: 1 finding at or above high\n$/);
    expect(bad.stdout).not.toContain(key);
    expect(bad.stdout).toContain('src/aws.ts:1');
  });

  it('--fail-on none lets findings through; a bad --fail-on value is a usage error', () => {
    const dir = project({ 'a.ts': `k = "${fakeKey()}"\n` });
    expect(scan(dir, '--fail-on', 'none').code).toBe(0);
    const r = scan(dir, '--fail-on', 'severe');
    expect(r.code).toBe(2);
  });
});

describe('waivers and inline allows', () => {
  it('a valid waiver suppresses (exit 0); an expired one fails the gate with its file:line', () => {
    const files = { 'test/fixtures/keys.ts': `k = "${fakeKey()}"\n` };
    const waiverYaml = (expires: string) =>
      `fail_on: high\nwaivers:\n  - rule: "secret/*"\n    path: "test/**"\n    reason: fabricated fixture keys\n    approved_by: security@example.test\n    expires: ${expires}\n`;
    const valid = project({ ...files, '.hipaa-gate.yml': waiverYaml('2099-12-31') });
    const ok = scan(valid, '-f', 'json');
    expect(ok.code).toBe(0);
    const rep = JSON.parse(ok.stdout);
    expect(rep.findings[0].suppression).toMatchObject({ kind: 'waiver', reason: 'fabricated fixture keys', source: `${join(valid, '.hipaa-gate.yml')}:3` });
    const expired = project({ ...files, '.hipaa-gate.yml': waiverYaml('2020-01-31') });
    const bad = scan(expired);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain(`waiver for secret/* in test/** (${join(expired, '.hipaa-gate.yml')}:3) expired on 2020-01-31`);
  });

  it('an inline hipaa-gate:allow with a reason suppresses; --show-suppressed lists it', () => {
    const dir = project({ 'docs/example.ts': `// hipaa-gate:allow secret/aws-access-key-id -- documented sample\nconst k = "${fakeKey()}";\n` });
    const r = scan(dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 suppressed finding(s) not shown (1 inline)');
    const shown = scan(dir, '--show-suppressed');
    expect(shown.stdout).toContain('(suppressed by inline: documented sample)');
  });
});

describe('baseline', () => {
  it('create, then only new findings fail; update absorbs them; create refuses to overwrite', () => {
    const dir = project({ 'legacy/old.ts': `k = "${fakeKey()}"\n` });
    expect(scan(dir).code).toBe(1);
    const created = runCli(['baseline', 'create', '.', '--scanners', 'secrets'], { cwd: dir });
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('baseline written: .hipaa-gate-baseline.json with 1 finding(s)');
    const b = JSON.parse(readFileSync(join(dir, '.hipaa-gate-baseline.json'), 'utf8'));
    expect(b.findings).toHaveLength(1);
    expect(scan(dir, '--baseline', '.hipaa-gate-baseline.json').code).toBe(0);

    writeFileSync(join(dir, 'src.ts'), `k2 = "${fakeKey()}"\n`);
    const withNew = scan(dir, '--baseline', '.hipaa-gate-baseline.json', '-f', 'json');
    expect(withNew.code).toBe(1);
    const rep = jsonReport(withNew) as unknown as { findings: Array<{ location: { path: string }; suppression?: { kind: string } }> };
    expect(rep.findings.map((f) => [f.location.path, f.suppression?.kind ?? null]).sort()).toEqual([
      ['legacy/old.ts', 'baseline'],
      ['src.ts', null],
    ]);

    const again = runCli(['baseline', 'create', '.', '--scanners', 'secrets'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(oneLine(again)).toMatch(/baseline already exists; use `hipaa-gate baseline update` or --force/);

    const updated = runCli(['baseline', 'update', '.', '--scanners', 'secrets'], { cwd: dir });
    expect(updated.stdout).toContain('with 2 finding(s) (1 added, 0 fixed and removed)');
    // The config can name the baseline instead of the flag.
    writeFileSync(join(dir, '.hipaa-gate.yml'), 'baseline: .hipaa-gate-baseline.json\n');
    expect(scan(dir).code).toBe(0);
  });

  it('update without a baseline is a usage error', () => {
    const dir = project({ 'a.ts': 'x\n' });
    const r = runCli(['baseline', 'update', '.'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(oneLine(r)).toMatch(/no baseline to update/);
  });
});

describe('--strict', () => {
  it('a file that could not be scanned warns, and fails the gate under --strict', () => {
    const dir = project({ '.hipaa-gate.yml': 'max_file_size: 100B\n', 'big.ts': `// ${'x'.repeat(300)}\n`, 'small.ts': 'x\n' });
    const loose = scan(dir);
    expect(loose.code).toBe(0);
    expect(loose.stdout).toContain('big.ts  too-large');
    const strict = scan(dir, '--strict');
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/gate failed: 1 file\(s\) or part\(s\) could not be scanned \(--strict\)\n$/);
  });
});

describe('controls', () => {
  it('after a scan, shows failed controls from .hipaa-gate/last-scan.json; --from reads a JSON report', () => {
    const dir = project({ 'a.ts': `k = "${fakeKey()}"\n` });
    const before = runCli(['controls', '.', '--json'], { cwd: dir });
    expect(before.code).toBe(0);
    const pre = JSON.parse(before.stdout);
    expect(pre.source).toBeNull();
    expect(pre.controls.find((c: { id: string }) => c.id === '164.312(d)').status).toBe('not-evaluated');
    expect(pre.controls.find((c: { id: string }) => c.id === '164.308(a)(1)(ii)(C)').status).toBe('manual');

    const s = scan(dir, '-f', 'json', '-o', 'report.json');
    expect(s.code).toBe(1);
    expect(existsSync(join(dir, '.hipaa-gate', 'last-scan.json'))).toBe(true);
    const after = JSON.parse(runCli(['controls', '.', '--json'], { cwd: dir }).stdout);
    const d = after.controls.find((c: { id: string }) => c.id === '164.312(d)');
    expect(d.status).toBe('failed');
    expect(d.rules).toContain('secret/aws-access-key-id');
    expect(d.required).toBe(true);

    const text = runCli(['controls', '--from', 'report.json', '--safeguard', 'technical'], { cwd: dir });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/164\.312\(d\)\s+R\s+Person or entity authentication\s+failed \(1\)\s+\S+/);
    expect(text.stdout).not.toContain('Administrative safeguards');
  });

  it('a bad --from file is one line, exit 2', () => {
    const dir = project({ 'r.json': '{"not": "a report"}' });
    const r = runCli(['controls', '--from', 'r.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(oneLine(r)).toMatch(/r\.json: not a hipaa-gate JSON report/);
  });
});
