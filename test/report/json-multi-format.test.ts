/**
 * Several formats in one run through the built CLI, files written atomically, colour only on a
 * terminal and never with NO_COLOR.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomInt } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import Ajv from 'ajv';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { validateXML } from 'xmllint-wasm';
import { CLI, oneLine, runCli } from '../cli/run-cli.js';

function fakeKey(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  return ['AK', 'IA', ...Array.from({ length: 16 }, () => alphabet[randomInt(alphabet.length)])].join('');
}

function project(): { dir: string; key: string } {
  const dir = mkdtempSync(join(tmpdir(), 'hg-formats-'));
  const key = fakeKey();
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'src', 'aws.ts'), `export const id = "${key}";\n`);
  return { dir, key };
}

describe('several formats in one run', () => {
  it('writes each --format to its --output, text to stdout, all valid, no temp files left', async () => {
    const { dir, key } = project();
    const r = runCli(
      ['scan', '.', '--scanners', 'secrets', '--workers', '0', '-f', 'json', '-o', 'out/report.json', '-f', 'sarif', '-o', 'out/report.sarif', '-f', 'junit', '-o', 'out/junit.xml', '-f', 'text'],
      { cwd: dir },
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/gate failed: 1 finding at or above high\n$/);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['junit.xml', 'report.json', 'report.sarif']);

    const json = JSON.parse(readFileSync(join(dir, 'out/report.json'), 'utf8'));
    const ajv = new Ajv({ strict: false });
    addFormats(ajv);
    const validReport = ajv.compile(JSON.parse(readFileSync(new URL('../../schemas/report.schema.json', import.meta.url), 'utf8')));
    expect(validReport(json), JSON.stringify(validReport.errors?.slice(0, 3))).toBe(true);
    expect(json.findings).toHaveLength(1);

    const sarif = JSON.parse(readFileSync(join(dir, 'out/report.sarif'), 'utf8'));
    const ajv04 = new Ajv04({ strict: false });
    addFormats(ajv04);
    const validSarif = ajv04.compile(JSON.parse(readFileSync('/work/shared/schemas/sarif/sarif-schema-2.1.0.json', 'utf8')));
    expect(validSarif(sarif), JSON.stringify(validSarif.errors?.slice(0, 3))).toBe(true);
    expect(sarif.runs[0].results[0].partialFingerprints['hipaaGate/v1']).toBe(json.findings[0].fingerprint);

    const xml = readFileSync(join(dir, 'out/junit.xml'), 'utf8');
    const v = await validateXML({ xml: [{ fileName: 'junit.xml', contents: xml }], schema: [readFileSync('/work/shared/schemas/junit/JUnit.xsd', 'utf8')] });
    expect(v.valid).toBe(true);

    for (const text of [r.stdout, r.stderr, JSON.stringify(json), JSON.stringify(sarif), xml]) expect(text).not.toContain(key);
  });

  it('without a text report on stdout, the verdict still reaches stderr', () => {
    const { dir } = project();
    const r = runCli(['scan', '.', '--scanners', 'secrets', '--workers', '0', '-f', 'sarif', '-o', 'r.sarif'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe('gate failed: 1 finding at or above high');
  });

  it('two formats cannot both go to stdout', () => {
    const { dir } = project();
    const r = runCli(['scan', '.', '--scanners', 'secrets', '-f', 'json', '-f', 'sarif'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(oneLine(r)).toBe('hipaa-gate: error: only one --format can go to standard output; give the others an --output file');
  });

  it('an unknown format is a usage error, exit 2', () => {
    const { dir } = project();
    const r = runCli(['scan', '.', '-f', 'pdf'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(oneLine(r)).toMatch(/unknown format "pdf"/);
  });
});

/** Run the CLI under a pseudo-terminal (util-linux `script`), where stdout and stderr are TTYs. */
function runInPty(dir: string, env: NodeJS.ProcessEnv): string | undefined {
  const probe = spawnSync('script', ['--version'], { encoding: 'utf8' });
  if (probe.status !== 0) return undefined;
  const cmd = `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} scan . --scanners secrets --workers 0`;
  const r = spawnSync('script', ['-qec', cmd, '/dev/null'], { cwd: dir, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000 });
  return r.stdout;
}

describe('colour', () => {
  it('is used on a terminal, and not when NO_COLOR is set or output is piped', (ctx) => {
    const { dir } = project();
    const env = { ...process.env };
    delete env.NO_COLOR;
    const tty = runInPty(dir, { ...env, NO_COLOR: '' });
    if (tty === undefined) return ctx.skip();
    expect(tty).toMatch(/\x1b\[31m\x1b\[1mgate failed/);
    const noColor = runInPty(dir, { NO_COLOR: '1' });
    expect(noColor).toContain('gate failed: 1 finding at or above high');
    expect(noColor).not.toMatch(/\x1b\[\d+m/);
    const piped = runCli(['scan', '.', '--scanners', 'secrets', '--workers', '0'], { cwd: dir, env: { NO_COLOR: '' } });
    expect(piped.stdout).not.toMatch(/\x1b\[/);
  });
});

describe('atomic report files', () => {
  it('a report that fails to render leaves the previous file untouched and no temporary file', async () => {
    const { REPORTERS, writeReport } = await import('../../src/report/index.js');
    const { scanResult } = await import('../policy/helpers.js');
    const dir = mkdtempSync(join(tmpdir(), 'hg-atomic-'));
    const file = join(dir, 'nested', 'report.json');
    await writeReport(scanResult([]), 'json', file);
    const before = readFileSync(file, 'utf8');
    expect(JSON.parse(before).gate.passed).toBe(true);
    REPORTERS['broken-test-format'] = async () => ({
      reporter: {
        format: 'broken-test-format',
        extension: 'x',
        render: () => {
          throw new Error('renderer failed half way');
        },
      },
    });
    try {
      await expect(writeReport(scanResult([]), 'broken-test-format', file)).rejects.toThrow('renderer failed half way');
    } finally {
      delete REPORTERS['broken-test-format'];
    }
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(readdirSync(join(dir, 'nested'))).toEqual(['report.json']);
  });
});
