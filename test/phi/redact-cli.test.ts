/** `hipaa-gate redact` as a user runs it: the built CLI with standard input. */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const cli = resolve(__dirname, '..', '..', 'dist', 'cli', 'main.js');
const j = (...p: string[]) => p.join('');
/** The last line of every generated log below, and how it comes out masked. */
const TAIL = `Patient Zoë Müller ssn=${j('219-0', '9-9998')}`;
const TAIL_MASKED = 'Patient Z** M***** ssn=***-**-9998';

/** A generated log of about `bytes` bytes ending in TAIL, written to app.log in a temporary directory removed afterwards. */
async function withLog(bytes: number, seed: number, fn: (file: string, input: string, dir: string) => void): Promise<void> {
  const { makeLogs } = await import('../../bench/cases/redact.mjs');
  const dir = mkdtempSync(join(tmpdir(), 'hg-redact-'));
  try {
    const input = `${makeLogs(bytes, seed)}${TAIL}`;
    const file = join(dir, 'app.log');
    writeFileSync(file, input);
    fn(file, input, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `hipaa-gate redact [args] < file > out`: a file on each end. */
function redactBetween(file: string, out: string, args: string[] = []) {
  const inFd = openSync(file, 'r');
  const outFd = openSync(out, 'w');
  try {
    return spawnSync(process.execPath, [cli, 'redact', ...args], { stdio: [inFd, outFd, 'pipe'], encoding: 'utf8' });
  } finally {
    closeSync(inFd);
    closeSync(outFd);
  }
}

describe.skipIf(!existsSync(cli))('hipaa-gate redact', () => {
  it('masks standard input line by line and exits 0', () => {
    const input = `a\npatient Maria Gonzalez ssn=${j('219-0', '9-9998')}\n\nend without newline`;
    const r = spawnSync(process.execPath, [cli, 'redact'], { input, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('a\npatient M**** G******* ssn=***-**-9998\n\nend without newline');
  });

  it('redacts a multi-megabyte pipe in order, exactly as the library does', async () => {
    const { makeLogs } = await import('../../bench/cases/redact.mjs');
    const { redact } = await import('../../src/redact/index.js');
    const input = makeLogs(2 * 1024 * 1024, 5);
    const r = spawnSync(process.execPath, [cli, 'redact'], { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(r.status).toBe(0);
    const lines = input.split('\n');
    const out = r.stdout.split('\n');
    expect(out.length).toBe(lines.length);
    // Line by line (each line stands alone in clinical mode), so any reordering shows.
    for (let i = 0; i < lines.length; i += 97) expect(out[i]).toBe(redact(lines[i]!));
    expect(r.stdout).not.toMatch(/ssn=\d{3}-\d{2}-\d{4}/);
  });

  it('reads a file redirected to standard input (read directly, not through the pipe stream)', async () => {
    const { redact } = await import('../../src/redact/index.js');
    await withLog(700_000, 8, (file, input) => {
      const fd = openSync(file, 'r');
      const r = spawnSync(process.execPath, [cli, 'redact'], { stdio: [fd, 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      closeSync(fd);
      expect(r.status).toBe(0);
      const lines = input.split('\n');
      const out = r.stdout.split('\n');
      expect(out.length).toBe(lines.length);
      for (let i = 0; i < lines.length; i += 53) expect(out[i]).toBe(redact(lines[i]!));
      expect(out.at(-1)).toBe(TAIL_MASKED);
    });
  });

  it('with a file on both ends (`< app.log > clean.log`), writes what the pipe writes', async () => {
    await withLog(1_200_000, 9, (file, input, dir) => {
      expect(redactBetween(file, join(dir, 'clean.log')).status).toBe(0);
      const piped = spawnSync(process.execPath, [cli, 'redact'], { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      const written = readFileSync(join(dir, 'clean.log'), 'utf8');
      expect(written).toBe(piped.stdout);
      expect(written.split('\n').length).toBe(input.split('\n').length);
      expect(written.endsWith(TAIL_MASKED)).toBe(true);
    });
  });

  it('with --threads, shares a file-to-file redaction with worker threads and writes the same bytes', async () => {
    await withLog(2_500_000, 12, (file, _input, dir) => {
      // The bundled CLI starts its own worker module (dist/cli/redact-worker.js); one that could
      // not start would be reported on stderr (its batches redone on the main thread).
      const parallel = redactBetween(file, join(dir, 'two.log'), ['--threads', '2']);
      expect(parallel.status).toBe(0);
      expect(parallel.stderr).toBe('');
      expect(redactBetween(file, join(dir, 'one.log'), ['--threads', '0']).status).toBe(0);
      const two = readFileSync(join(dir, 'two.log'));
      expect(two.equals(readFileSync(join(dir, 'one.log')))).toBe(true);
      expect(two.toString().endsWith(TAIL_MASKED)).toBe(true);
      // Through a pipe (the stream), the same bytes.
      const piped = spawnSync(process.execPath, [cli, 'redact', '--threads', '2'], { input: readFileSync(file), maxBuffer: 64 * 1024 * 1024 });
      expect(piped.status).toBe(0);
      expect(piped.stderr.toString()).toBe('');
      expect(Buffer.compare(piped.stdout, two)).toBe(0);
      const bad = spawnSync(process.execPath, [cli, 'redact', '--threads', 'many'], { input: '', encoding: 'utf8' });
      expect(bad.status).toBe(2);
      expect(bad.stderr).toContain('--threads must be a whole number');
    });
  });

  it('rejects an unknown kind with exit 2', () => {
    const r = spawnSync(process.execPath, [cli, 'redact', '--kinds', 'nope'], { input: '', encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown kind "nope"/);
  });
});
