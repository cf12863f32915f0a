/** `hipaa-gate redact` as a user runs it: the built CLI with standard input. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const cli = resolve(__dirname, '..', '..', 'dist', 'cli', 'main.js');
const j = (...p: string[]) => p.join('');

describe.skipIf(!existsSync(cli))('hipaa-gate redact', () => {
  it('masks standard input line by line and exits 0', () => {
    const input = `a\npatient Maria Gonzalez ssn=${j('219-0', '9-9998')}\n\nend without newline`;
    const r = spawnSync(process.execPath, [cli, 'redact'], { input, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('a\npatient M**** G******* ssn=***-**-9998\n\nend without newline');
  });

  it('rejects an unknown kind with exit 2', () => {
    const r = spawnSync(process.execPath, [cli, 'redact', '--kinds', 'nope'], { input: '', encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown kind "nope"/);
  });
});
