import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { makeLogs } from '../../bench/cases/redact.mjs';
import type * as Parallel from '../../src/redact/parallel.js';
import type * as Stream from '../../src/redact/stream.js';

/**
 * Redaction shared with worker threads must write exactly what redactFile writes on one thread
 * (itself checked against the plain implementation in src/redact/equivalence.test.ts), whatever
 * the number of workers, the slot sizes and which thread took which batch. It runs from the built
 * dist/, as workers need compiled JavaScript. All identifiers are synthetic.
 */
const dist = join(import.meta.dirname, '..', '..', 'dist');
const load = async <T>(rel: string): Promise<T> => (await import(pathToFileURL(join(dist, rel)).href)) as T;
const { redactFileParallel, workersFor, PARALLEL_MIN_BYTES } = await load<typeof Parallel>('redact/parallel.js');
const { redactFile, forEachBatch, createRedactStream } = await load<typeof Stream>('redact/stream.js');

const dir = mkdtempSync(join(tmpdir(), 'hg-parallel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const NOW = { nowYear: 2025 };

function through(fn: (inFd: number, outFd: number) => void, input: string | Buffer): Buffer {
  writeFileSync(join(dir, 'in.log'), input);
  const inFd = openSync(join(dir, 'in.log'), 'r');
  const outFd = openSync(join(dir, 'out.log'), 'w');
  try {
    fn(inFd, outFd);
  } finally {
    closeSync(inFd);
    closeSync(outFd);
  }
  return readFileSync(join(dir, 'out.log'));
}

function batchCount(input: string): number {
  let n = 0;
  through((i) => forEachBatch(i, () => n++), input);
  return n;
}

const serial = (input: string | Buffer) => through((i, o) => redactFile(i, o, NOW), input);

// Short e-mails: their masks are longer than the values, so a batch's output outgrows its input.
const shortMails = Array.from({ length: 20_000 }, (_, i) => `patient contact a${i % 10}@b.co ssn 219-09-${1000 + (i % 8000)}`).join('\n');
const wide = Array.from({ length: 40_000 }, (_, i) => `Patient Zoë Müller-Łukasiewicz 患者 SSN 219-09-${String(1000 + (i % 8000))} `).join('');

/** A worker that answers every batch with a failure, as one that cannot load the redaction code does. */
function failingWorker(): URL {
  const failing = join(dir, 'failing-worker.mjs');
  writeFileSync(
    failing,
    `import { workerData } from 'node:worker_threads';
const { control, output, slots, slotOut } = workerData;
const state = new Int32Array(control, 0, slots), lens = new Int32Array(control, 4 * slots, slots), out = Buffer.from(output);
for (let s = 0; ; s = (s + 1) % slots) {
  let v; while ((v = Atomics.load(state, s)) !== 1 && v !== 4) Atomics.wait(state, s, v);
  if (v === 4) break;
  lens[s] = out.write('cannot load', s * slotOut); Atomics.store(state, s, 3); Atomics.notify(state, s);
}`,
  );
  return pathToFileURL(failing);
}

describe('redactFileParallel', () => {
  it('writes what one thread writes, with one worker and with two', () => {
    const logs = makeLogs(3_000_000, 7);
    const expected = serial(logs);
    expect(expected.toString()).not.toContain('Gonzalez');
    for (const workers of [1, 2]) {
      let stats: Parallel.ParallelStats | undefined;
      expect(through((i, o) => (stats = redactFileParallel(i, o, NOW, workers)), logs).equals(expected)).toBe(true);
      // Every worker took batches, and every batch was counted once.
      expect(stats!.workers).toHaveLength(workers);
      for (const n of stats!.workers) expect(n).toBeGreaterThan(0);
      expect(stats!.local + stats!.workers.reduce((a, b) => a + b, 0)).toBe(batchCount(logs));
    }
  });

  it('keeps the order when batches are too large for a slot, or their output is', () => {
    // Non-ASCII, a long line (larger than a slot: redacted on the calling thread), and masks longer
    // than their values in slots too small for them (handed back and redacted on the calling thread).
    const text = `${makeLogs(600_000, 3)}${wide}\n${shortMails}\n${makeLogs(600_000, 4)}`;
    const expected = serial(text);
    expect(serial(shortMails).length).toBeGreaterThan(Buffer.byteLength(shortMails) * 1.01);
    const tiny = through((i, o) => redactFileParallel(i, o, NOW, 2, { slotIn: 200_000, slotOut: 61_500 }), text);
    expect(tiny.equals(expected)).toBe(true);
    const bytes = Buffer.concat([Buffer.from(shortMails.slice(0, 300_000)), Buffer.from([0xff, 0x0a]), Buffer.from(text.slice(0, 400_000))]);
    expect(through((i, o) => redactFileParallel(i, o, NOW, 1), bytes).equals(serial(bytes))).toBe(true);
  });

  it('takes back the batches of a worker that never starts and redacts them itself', () => {
    const missing = pathToFileURL(join(dir, 'no-such-worker.mjs'));
    const logs = makeLogs(800_000, 13);
    let stats: Parallel.ParallelStats | undefined;
    const out = through((i, o) => {
      stats = redactFileParallel(i, o, NOW, 1, { workerUrl: missing });
    }, logs);
    expect(out.equals(serial(logs))).toBe(true);
    expect(stats).toMatchObject({ lost: 1, workers: [0] });
    expect(stats!.local).toBeGreaterThan(10);
  }, 20_000);

  it('writes nothing extra for an empty input and ends a last line without a newline', () => {
    expect(through((i, o) => redactFileParallel(i, o, NOW, 1), '').length).toBe(0);
    const text = makeLogs(200_000, 9).replace(/\n$/, '');
    expect(through((i, o) => redactFileParallel(i, o, NOW, 1), text).equals(serial(text))).toBe(true);
  });

  it('reports a worker that fails instead of writing around it', () => {
    expect(() => through((i, o) => redactFileParallel(i, o, NOW, 1, { workerUrl: failingWorker() }), makeLogs(500_000, 1))).toThrow(/redact worker failed: cannot load/);
  });

  it('with the input size given, starts workers only when the rest would take long on one thread', () => {
    const logs = makeLogs(5_000_000, 11);
    // A small input: the rest never takes a second, no worker starts, the output is redactFile's.
    expect(through((i, o) => redactFileParallel(i, o, NOW, 1, { size: logs.length, workerUrl: failingWorker() }), logs).equals(serial(logs))).toBe(true);
    // Said to be huge: after the second 2 MB window the worker starts (and, this one, fails).
    expect(() => through((i, o) => redactFileParallel(i, o, NOW, 1, { size: 1e12, workerUrl: failingWorker() }), logs)).toThrow(/redact worker failed/);
  });

  it('uses workers only for large inputs on a machine with a core to spare', () => {
    expect(workersFor(PARALLEL_MIN_BYTES - 1)).toBe(0);
    expect(workersFor(PARALLEL_MIN_BYTES)).toBe(Math.min(availableParallelism() - 1, 3));
  });
});

/** The stream's output for `input` cut into chunks of `size` bytes. */
async function viaStream(input: Buffer, size: number, opts: Stream.RedactStreamOptions): Promise<Buffer> {
  const s = createRedactStream(NOW, opts);
  const out: Buffer[] = [];
  s.on('data', (b: Buffer) => out.push(b));
  const ended = new Promise<void>((res, rej) => {
    s.on('end', res);
    s.on('error', rej);
  });
  for (let i = 0; i < input.length; i += size) s.write(input.subarray(i, i + size));
  s.end();
  await ended;
  return Buffer.concat(out);
}

describe('createRedactStream with worker threads', () => {
  it('writes what one thread writes, whatever the chunking', async () => {
    const input = Buffer.from(`${makeLogs(2_000_000, 21)}${wide}\n${shortMails}`);
    const expected = serial(input);
    for (const size of [65_536, 7_001, 300_000]) expect((await viaStream(input, size, { threads: 2, startAfterMs: 0 })).equals(expected)).toBe(true);
    // Started late (after this thread's first batches), the same.
    expect((await viaStream(input, 65_536, { threads: 1, startAfterMs: 50 })).equals(expected)).toBe(true);
  });

  it('in a live pipe, writes the complete lines a worker redacted when input pauses', async () => {
    const s = createRedactStream(NOW, { threads: 1, startAfterMs: 0 });
    const out: Buffer[] = [];
    s.on('data', (b: Buffer) => out.push(b));
    s.write('Patient Maria Gonzalez ssn=219-09-9998\nsecond line, no newl');
    await new Promise((r) => setTimeout(r, 400));
    // Only the complete line, masked, before any more input or the end.
    expect(Buffer.concat(out).toString()).toBe('Patient M**** G******* ssn=***-**-9998\n');
    s.end('ine\n');
    await new Promise((r) => s.on('end', r));
    expect(Buffer.concat(out).toString()).toBe('Patient M**** G******* ssn=***-**-9998\nsecond line, no newline\n');
  });

  it('fails the stream when a worker fails', async () => {
    const input = Buffer.from(makeLogs(400_000, 2));
    await expect(viaStream(input, 65_536, { threads: 1, startAfterMs: 0, workerUrl: failingWorker() })).rejects.toThrow(/redact worker failed: cannot load/);
  });
});

