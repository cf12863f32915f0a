import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, parseDocument } from 'yaml';
import { gitIn, initRepo, removeDir, write } from '../../src/testing/git-fixture.js';
import { runCli } from './run-cli.js';

const repoFile = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(removeDir));

/** Strict YAML load: syntax errors and duplicate keys fail the test. */
function load(p: string): any {
  const doc = parseDocument(readFileSync(repoFile(p), 'utf8'), { uniqueKeys: true });
  expect(doc.errors.map((e) => e.message)).toEqual([]);
  return doc.toJS();
}

/** Turn a CI command line into CLI arguments (the variables set to their defaults). */
function cliArgs(command: string, vars: Record<string, string>): string[] {
  const expanded = command.replace(/\$\{?([A-Z_]+)\}?/g, (_, v: string) => vars[v] ?? `<unset ${v}>`);
  const words = expanded.match(/"[^"]*"|\S+/g) ?? [];
  const i = words.indexOf('scan');
  expect(i).toBeGreaterThanOrEqual(0);
  return words.slice(i).map((w) => w.replace(/^"|"$/g, '')).filter((w) => w !== '');
}

/** Run a template's scan command with the built CLI in a repo holding one clean commit. */
function runTemplateCommand(args: string[]) {
  const d = initRepo();
  dirs.push(d);
  write(d, { 'app.ts': 'export const ok = true;\n' });
  gitIn(d, 'add', '-A');
  gitIn(d, 'commit', '-q', '-m', 'c');
  const r = runCli([...args, '--scanners', 'secrets'], { cwd: d });
  return { d, r };
}

describe('.pre-commit-hooks.yaml', () => {
  it('declares node hooks whose entries the CLI accepts', () => {
    const hooks = load('.pre-commit-hooks.yaml') as Array<Record<string, unknown>>;
    expect(hooks.map((h) => h.id)).toEqual(['hipaa-gate', 'hipaa-gate-history']);
    for (const h of hooks) {
      expect(h).toMatchObject({ language: 'node', pass_filenames: false });
      expect(typeof h.name).toBe('string');
      expect(String(h.entry)).toMatch(/^hipaa-gate scan --(staged|history)$/);
      const { r } = runTemplateCommand(String(h.entry).split(' ').slice(1));
      expect(r.code, r.stderr).toBe(0);
    }
    expect(hooks[0]!.stages).toEqual(['pre-commit', 'manual']);
  });
});

describe('GitLab CI template', () => {
  const ci = load('ci/gitlab/hipaa-gate.gitlab-ci.yml');

  it('is includable: a hidden base job, concrete jobs extending it, variables with defaults', () => {
    expect(Object.keys(ci).sort()).toEqual(['.hipaa-gate', 'hipaa-gate', 'hipaa-gate-history', 'variables']);
    expect(ci['hipaa-gate'].extends).toBe('.hipaa-gate');
    expect(ci['hipaa-gate-history'].extends).toBe('.hipaa-gate');
    expect(ci['hipaa-gate-history'].variables.GIT_DEPTH).toBe('0');
    expect(ci['.hipaa-gate'].artifacts).toMatchObject({ when: 'always', paths: ['hipaa-gate.json', 'hipaa-gate.sarif'] });
  });

  it('keeps a marked place for the GitLab security reports', () => {
    const text = readFileSync(repoFile('ci/gitlab/hipaa-gate.gitlab-ci.yml'), 'utf8');
    const block = text.slice(text.indexOf('# >>> hipaa-gate: gitlab reports >>>'), text.indexOf('# <<< hipaa-gate: gitlab reports <<<'));
    for (const r of ['secret_detection: gl-secret-detection-report.json', 'sast: gl-sast-report.json', 'dependency_scanning: gl-dependency-scanning-report.json', 'container_scanning: gl-container-scanning-report.json']) {
      expect(block).toContain(r);
    }
  });

  it('its scan commands run with the real CLI and write the declared artifacts', () => {
    for (const job of ['.hipaa-gate', 'hipaa-gate-history']) {
      const script: string[] = ci[job].script;
      const args = cliArgs(script[0]!, { HIPAA_GATE: 'hipaa-gate', HIPAA_GATE_PATH: ci.variables.HIPAA_GATE_PATH, HIPAA_GATE_ARGS: ci.variables.HIPAA_GATE_ARGS });
      const { d, r } = runTemplateCommand(args);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('gate passed');
      expect(JSON.parse(readFileSync(join(d, 'hipaa-gate.json'), 'utf8')).gate.passed).toBe(true);
      expect(JSON.parse(readFileSync(join(d, 'hipaa-gate.sarif'), 'utf8')).version).toBe('2.1.0');
    }
  });
});

describe('GitHub Actions example', () => {
  const wf = load('examples/ci/github-actions.yml');

  it('is not an active workflow of this repository', () => {
    expect(existsSync(repoFile('.github/workflows/github-actions.yml'))).toBe(false);
  });

  it('uploads the SARIF file its scan step writes, even when the gate fails', () => {
    expect(wf.permissions['security-events']).toBe('write');
    const steps: Array<Record<string, any>> = wf.jobs['hipaa-gate'].steps;
    const scan = steps.find((s) => s.id === 'scan')!;
    const upload = steps.find((s) => String(s.uses).startsWith('github/codeql-action/upload-sarif@'))!;
    const args = cliArgs(scan.run, { MODE: '.' });
    const sarifOut = args[args.indexOf('sarif') + 2];
    expect(upload.with.sarif_file).toBe(sarifOut);
    expect(upload.if).toContain('!cancelled()');
    const { d, r } = runTemplateCommand(args);
    expect(r.code, r.stderr).toBe(0);
    expect(parse(readFileSync(join(d, sarifOut!), 'utf8')).runs).toHaveLength(1);
  });
});
