import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { collect } from '../testing/git-fixture.js';
import { readStdin, stdinSource } from './stdin.js';

describe('stdin source', () => {
  it('reassembles a multi-byte character split across chunks and replaces invalid bytes', async () => {
    const e = Buffer.from('\u00e9');
    const text = await readStdin(Readable.from([Buffer.from('caf'), e.subarray(0, 1), e.subarray(1), Buffer.from([0xff, 0x0a])]));
    expect(text).toBe('caf\u00e9\uFFFD\n');
  });

  it('reads a large piped log whole and in order (8 MB in 128 chunks)', async () => {
    const chunks = Array.from({ length: 128 }, (_, c) => Buffer.from(`chunk ${String(c).padStart(3, '0')}\n`.repeat(6554)));
    const text = await readStdin(Readable.from(chunks));
    expect(text.length).toBe(128 * 6554 * 10);
    const lines = text.split('\n');
    expect(lines[0]).toBe('chunk 000');
    expect(lines[6554]).toBe('chunk 001');
    expect(lines[lines.length - 2]).toBe('chunk 127');
  });

  it('yields one artifact with the display path, stdin origin and byte size', async () => {
    const entries = await collect(stdinSource('h\u00e9llo\n', 'app.log'));
    expect(entries).toEqual([{ kind: 'artifact', artifact: { path: 'app.log', text: 'h\u00e9llo\n', origin: { kind: 'stdin' }, size: 7 } }]);
  });
});
