import { spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const CLI = resolve('dist/cli/main.js');

export function run(args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv; input?: string }) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: opts.cwd, env: { ...process.env, HIPAA_GATE_SIGNING_KEY: '', NO_COLOR: '1', ...opts.env }, input: opts.input, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A git repository with one commit and a config that attests with a key made by `evidence keygen`. */
export function repoWithKey(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hg-ev-'));
  const git = (...a: string[]) => execFileSync('git', a, { cwd: dir, stdio: 'pipe' });
  git('init', '-q');
  writeFileSync(join(dir, 'README.md'), '# clinic app\n');
  writeFileSync(join(dir, '.hipaa-gate.yml'), 'evidence:\n  attest: true\n  key_file: .hipaa-gate/signing.key\nwaivers:\n  - rule: "imported/semgrep/*"\n    reason: reviewed with the privacy office\n    approved_by: privacy@example.org\n    expires: "2099-12-31"\n');
  git('add', '.');
  git('-c', 'user.email=dev@example.org', '-c', 'user.name=Dev', 'commit', '-qm', 'init');
  const k = run(['evidence', 'keygen'], { cwd: dir });
  if (k.code !== 0) throw new Error(k.stderr);
  return dir;
}
