import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GIT_ENV, commitAll, fakeAwsKey, gitIn, initRepo, removeDir, tempDir, write } from '../../src/testing/git-fixture.js';
import { CLI, jsonReport, oneLine, runCli } from './run-cli.js';

// Findings below need the secrets scanner's secret/aws-access-key-id rule; source behaviour
// without a scanner is covered by src/sources/*.test.ts.
const KEY = fakeAwsKey();
const RULE = 'secret/aws-access-key-id';
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(removeDir));

function repo(): string {
  const d = initRepo();
  dirs.push(d);
  return d;
}
function dir(): string {
  const d = tempDir('hg-cli-');
  dirs.push(d);
  return d;
}
// Only the secrets scanner: these tests are about sources, and other scanners' findings would blur them.
const json = ['--scanners', 'secrets', '--format', 'json'];

beforeAll(() => {
  // Fail fast with a clear message when the CLI has not been built.
  runCli(['--version'], { cwd: process.cwd() });
});

describe('hipaa-gate scan: exit codes and one-line errors', () => {
  it('exits 0 on a clean tree', () => {
    const d = dir();
    write(d, { 'a.txt': 'nothing to see\n' });
    const r = runCli(['scan', '.', ...json], { cwd: d });
    expect(r.code).toBe(0);
    expect(jsonReport(r).gate.passed).toBe(true);
  });

  it('exits 2 with one line on an unknown flag, a missing path and a file given as the path', () => {
    const d = dir();
    write(d, { 'f.txt': 'x' });
    const unknown = runCli(['scan', '--stagedd'], { cwd: d });
    expect(unknown.code).toBe(2);
    expect(oneLine(unknown)).toMatch(/unknown option '--stagedd'.*--staged/);
    const missing = runCli(['scan', 'no/such/dir'], { cwd: d });
    expect(missing.code).toBe(2);
    expect(oneLine(missing)).toMatch(/^hipaa-gate: error: \S*no\/such\/dir: path does not exist$/);
    const file = runCli(['scan', 'f.txt'], { cwd: d });
    expect(file.code).toBe(2);
    expect(oneLine(file)).toContain('f.txt: not a directory');
  });

  it('exits 2 naming file:line for a broken config', () => {
    const d = dir();
    write(d, { '.hipaa-gate.yml': 'fail_on: high\nscanners:\n  secrets:\n    enabled: true\n    bogus_key: 1\n' });
    const r = runCli(['scan', '.'], { cwd: d });
    expect(r.code).toBe(2);
    expect(oneLine(r)).toMatch(/\.hipaa-gate\.yml:5: .*bogus_key/);
    write(d, { '.hipaa-gate.yml': 'fail_on: [unclosed\n' });
    const yaml = runCli(['scan', '.'], { cwd: d });
    expect(yaml.code).toBe(2);
    expect(oneLine(yaml)).toMatch(/\.hipaa-gate\.yml:\d+: invalid YAML/);
  });

  it('keeps the gate\'s exit code when the reader closes the pipe early, and exits 2 when standard output cannot be written', async () => {
    const d = dir();
    write(d, { 'a.ts': `const k = "${KEY}";\n`.repeat(400) });
    // Like `| head -c 1`: the reader takes one chunk and closes its end.
    const child = spawn(process.execPath, [CLI, 'scan', '.', ...json], { cwd: d, env: { ...GIT_ENV, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Error|^\s+at /m);
    expect(stderr).toMatch(/gate failed/);
    expect(code).toBe(1);
    if (existsSync('/dev/full')) {
      const fd = openSync('/dev/full', 'w');
      const full = spawnSync(process.execPath, [CLI, 'scan', '.', ...json], { cwd: d, env: { ...GIT_ENV, NO_COLOR: '1' }, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
      closeSync(fd);
      expect(full.status).toBe(2);
      expect(full.stderr).toMatch(/^hipaa-gate: error: cannot write to standard output \(ENOSPC\)$/m);
      expect(full.stderr.match(/hipaa-gate: error:/g)).toHaveLength(1);
      // A command that reports the failed write itself (redact) is not given a second line.
      const fd2 = openSync('/dev/full', 'w');
      const redact = spawnSync(process.execPath, [CLI, 'redact'], { cwd: d, input: 'patient MRN 12345678\n'.repeat(20_000), env: { ...GIT_ENV, NO_COLOR: '1' }, stdio: ['pipe', fd2, 'pipe'], encoding: 'utf8' });
      closeSync(fd2);
      expect(redact.status).toBe(2);
      expect(redact.stderr.match(/hipaa-gate: error:/g)).toHaveLength(1);
    }
  });

  it('exits 2 for --staged or --history outside a git repository', () => {
    const d = dir();
    for (const mode of ['--staged', '--history']) {
      const r = runCli(['scan', mode], { cwd: d });
      expect(r.code).toBe(2);
      expect(oneLine(r)).toMatch(/not a git repository/);
    }
  });
});

describe('hipaa-gate scan: order of the output', () => {
  it('lists findings and baseline entries in byte order, whatever the machine\'s locale', () => {
    const d = dir();
    write(d, { 'b.ts': `const k = "${KEY}";\n`, 'aa.ts': `const k = "${KEY}";\n`, 'B.ts': `const k = "${KEY}";\n` });
    const orders = ['en_US.UTF-8', 'da_DK.UTF-8'].map((LANG) => {
      const r = runCli(['scan', '.', ...json], { cwd: d, env: { LANG, LC_ALL: LANG } });
      const base = runCli(['baseline', 'create', '.', '--scanners', 'secrets'], { cwd: d, env: { LANG, LC_ALL: LANG } });
      expect(base.code).toBe(0);
      const file = JSON.parse(readFileSync(join(d, '.hipaa-gate-baseline.json'), 'utf8')) as { findings: Array<{ path: string }> };
      rmSync(join(d, '.hipaa-gate-baseline.json'));
      return { report: jsonReport(r).findings.map((f) => f.location.path), baseline: file.findings.map((f) => f.path) };
    });
    // Danish collation puts `aa` after `z`; byte order puts capitals first.
    expect(orders[0]).toEqual({ report: ['B.ts', 'aa.ts', 'b.ts'], baseline: ['B.ts', 'aa.ts', 'b.ts'] });
    expect(orders[1]).toEqual(orders[0]);
  });
});

describe('hipaa-gate scan: working tree', () => {
  it('finds a key, masks it everywhere, and exits 1', () => {
    const d = repo();
    write(d, { 'src/config.ts': `export const id = "${KEY}";\n`, 'ignored/x.ts': `const k = "${KEY}";\n`, '.gitignore': 'ignored/\n' });
    const r = runCli(['scan', '.', ...json], { cwd: d });
    expect(r.code).toBe(1);
    const rep = jsonReport(r);
    expect(rep.findings.map((f) => [f.ruleId, f.location.path, f.location.startLine])).toEqual([[RULE, 'src/config.ts', 1]]);
    expect(r.stdout + r.stderr).not.toContain(KEY);
  });

  it('survives symlink loops and lists them, a key after invalid UTF-8 is still found', () => {
    const d = dir();
    write(d, { 'bad.txt': Buffer.concat([Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(`\nid = ${KEY}\n`)]) });
    symlinkSync('loop-b', join(d, 'loop-a'));
    symlinkSync('loop-a', join(d, 'loop-b'));
    symlinkSync('.', join(d, 'self'));
    const r = runCli(['scan', '.', ...json], { cwd: d });
    const rep = jsonReport(r);
    expect(rep.skipped.filter((s) => s.reason === 'symlink-loop').map((s) => s.path).sort()).toEqual(['loop-a', 'loop-b']);
    expect(rep.findings.map((f) => [f.location.path, f.location.startLine])).toEqual([['bad.txt', 2]]);
    expect(r.code).toBe(1);
  });

  it('a 50 MB single-line minified file: skipped as too large by default (fails only under --strict), scanned when allowed', () => {
    const d = dir();
    const line = `var a=${JSON.stringify('x'.repeat(64))};`;
    const big = Buffer.from(line.repeat(Math.ceil((50 * 1024 * 1024) / line.length)) + `var k="${KEY}";`);
    writeFileSync(join(d, 'app.min.js'), big);
    big.fill(0);
    const r = runCli(['scan', '.', ...json], { cwd: d });
    expect(r.code).toBe(0);
    expect(jsonReport(r).skipped).toEqual([expect.objectContaining({ path: 'app.min.js', reason: 'too-large' })]);
    expect(runCli(['scan', '.', '--strict', ...json], { cwd: d }).code).toBe(1);
    write(d, { '.hipaa-gate.yml': 'max_file_size: 64MB\n' });
    const scanned = runCli(['scan', '.', ...json], { cwd: d, timeout: 90_000 });
    const rep = jsonReport(scanned);
    expect(rep.skipped).toEqual([]);
    expect(rep.findings.map((f) => [f.ruleId, f.location.path, f.location.startLine])).toEqual([[RULE, 'app.min.js', 1]]);
  });
});

describe('hipaa-gate scan --staged', () => {
  it('reports only lines the staged change adds, from the index', () => {
    const d = repo();
    write(d, { 'old.ts': `const legacy = "${KEY}";\n`, 'b.ts': 'x\n' });
    commitAll(d, 'legacy key, already in history');
    write(d, { 'b.ts': 'x\ny\n' });
    gitIn(d, 'add', 'b.ts');
    write(d, { 'old.ts': `const legacy = "${KEY}";\nconst again = "${KEY}";\n` }); // not staged
    const clean = runCli(['scan', '--staged', ...json], { cwd: d });
    expect(clean.code).toBe(0);
    expect(jsonReport(clean).target.mode).toBe('staged');
    gitIn(d, 'add', 'old.ts');
    const dirty = runCli(['scan', '--staged', ...json], { cwd: d });
    expect(dirty.code).toBe(1);
    expect(jsonReport(dirty).findings.map((f) => [f.location.path, f.location.startLine])).toEqual([['old.ts', 2]]);
    // The pre-commit run derives the value-hash key only once it has a finding; it is still the
    // repository's key, so the staged finding's hash is the one a full scan gives the same value.
    const full = jsonReport(runCli(['scan', '.', ...json], { cwd: d })).findings.filter((f) => f.location.path === 'old.ts');
    expect(full.map((f) => f.valueHash)).toEqual([jsonReport(dirty).findings[0]!.valueHash, jsonReport(dirty).findings[0]!.valueHash]);
    const publicKey = jsonReport(runCli(['scan', '.', ...json], { cwd: d, env: { HIPAA_GATE_FINGERPRINT_KEY: 'other' } })).findings[0]!;
    expect(publicKey.valueHash).not.toBe(full[0]!.valueHash);
  });

  it('works in a repository with no commits yet', () => {
    const d = repo();
    write(d, { 'first.ts': `x\nconst k = "${KEY}";\n` });
    gitIn(d, 'add', '-A');
    const r = runCli(['scan', '--staged', ...json], { cwd: d });
    expect(jsonReport(r).findings.map((f) => f.location.startLine)).toEqual([2]);
    expect(r.code).toBe(1);
  });
});

describe('hipaa-gate scan --history', () => {
  it('finds a key that was committed and later removed, with commit, author and date', () => {
    const d = repo();
    write(d, { 'a.ts': 'clean\n' });
    commitAll(d, 'c1');
    write(d, { 'a.ts': `clean\nconst k = "${KEY}";\n` });
    const leak = commitAll(d, 'leak', '2024-03-04T05:06:07Z');
    write(d, { 'a.ts': 'clean\n' });
    commitAll(d, 'remove');
    expect(runCli(['scan', '.'], { cwd: d }).code).toBe(0);
    const r = runCli(['scan', '--history', ...json], { cwd: d });
    expect(r.code).toBe(1);
    const [f] = jsonReport(r).findings;
    expect(f?.location).toMatchObject({ path: 'a.ts', startLine: 2, commit: leak, author: 'Test Author <author@example.test>', date: '2024-03-04T05:06:07+00:00' });
    expect(runCli(['scan', '--history', '--since', leak, ...json], { cwd: d }).code).toBe(0);
  });

  it('no commits: a clear, passing result; detached HEAD: scans what HEAD reaches', () => {
    const d = repo();
    const empty = runCli(['scan', '--history', ...json], { cwd: d });
    expect(empty.code).toBe(0);
    expect(jsonReport(empty).skipped[0]?.detail).toMatch(/no commits/);
    write(d, { 'a.ts': `k = "${KEY}"\n` });
    const c1 = commitAll(d, 'c1');
    write(d, { 'b.ts': 'x\n' });
    commitAll(d, 'c2');
    gitIn(d, 'checkout', '-q', '--detach', c1);
    const r = runCli(['scan', '--history', ...json], { cwd: d });
    expect(jsonReport(r).findings.map((f) => f.location.commit)).toEqual([c1]);
  });

  it('a shallow clone lists the unscanned boundary, which fails the gate under --strict', () => {
    const d = repo();
    for (let i = 0; i < 3; i++) {
      write(d, { 'a.txt': `${i}\n` });
      commitAll(d, `c${i}`);
    }
    const clone = join(dir(), 'clone');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${d}`, clone], { env: GIT_ENV, stdio: 'ignore' });
    const r = runCli(['scan', '--history', ...json], { cwd: clone });
    expect(r.code).toBe(0);
    expect(jsonReport(r).skipped.map((s) => s.detail)).toEqual([expect.stringMatching(/^shallow clone/)]);
    expect(runCli(['scan', '--history', '--strict'], { cwd: clone }).code).toBe(1);
  });

  it('rejects an unknown --since revision with one line', () => {
    const d = repo();
    commitAll(d, 'c');
    const r = runCli(['scan', '--history', '--since', 'nope'], { cwd: d });
    expect(r.code).toBe(2);
    expect(oneLine(r)).toBe('hipaa-gate: error: --since: unknown revision "nope"');
  });
});

describe('hipaa-gate scan - (standard input)', () => {
  it('scans piped logs, including invalid UTF-8, under the --stdin-path name', () => {
    const d = dir();
    const input = Buffer.concat([Buffer.from('2024-01-01 INFO start\n'), Buffer.from([0xff, 0xfe]), Buffer.from(`\nINFO using key ${KEY}\n`)]);
    const r = runCli(['scan', '-', '--stdin-path', 'app.log', ...json], { cwd: d, input });
    expect(r.code).toBe(1);
    expect(jsonReport(r).findings.map((f) => [f.location.path, f.location.startLine])).toEqual([['app.log', 3]]);
    expect(r.stdout).not.toContain(KEY);
  });

  it('handles a large clean input (20 MB of log lines)', () => {
    const d = dir();
    const r = runCli(['scan', '-', ...json], { cwd: d, input: Buffer.from('INFO request served in 12 ms\n'.repeat(720_000)) });
    expect(r.code).toBe(0);
    expect(jsonReport(r).target.mode).toBe('stdin');
  });
});
