import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeDir, tempDir } from '../testing/git-fixture.js';
import { isBinary, isSkipped, readFileArtifact, toArtifact } from './read.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(removeDir));

describe('read', () => {
  it('calls content binary only for a NUL byte within the first 8000 bytes, as git does', () => {
    expect(isBinary(Buffer.from('plain text \u00e9'))).toBe(false);
    expect(isBinary(Buffer.from([0x41, 0x00, 0x42]))).toBe(true);
    expect(isBinary(Buffer.concat([Buffer.alloc(8000, 0x41), Buffer.from([0])]))).toBe(false);
  });

  it('reuses one read buffer without letting a later file overwrite bytes a scanner kept', () => {
    const d = tempDir('hg-read-');
    dirs.push(d);
    const big = Buffer.alloc(3 * 1024 * 1024 + 17, 0x61); // grows the shared buffer past its first size
    writeFileSync(join(d, 'a.dcm'), Buffer.from([0x44, 0, 0x49, 0x43, 0x4d]));
    writeFileSync(join(d, 'b.txt'), big);
    writeFileSync(join(d, 'c.txt'), 'small text\n');
    const wants = (p: string) => p.endsWith('.dcm');
    const a = readFileArtifact(join(d, 'a.dcm'), 'a.dcm', { kind: 'worktree' }, { wantsBytes: wants });
    const b = readFileArtifact(join(d, 'b.txt'), 'b.txt', { kind: 'worktree' }, { wantsBytes: wants });
    const c = readFileArtifact(join(d, 'c.txt'), 'c.txt', { kind: 'worktree' }, { wantsBytes: wants });
    if (isSkipped(a) || isSkipped(b) || isSkipped(c)) throw new Error('unexpected skip');
    expect([...a.bytes!]).toEqual([0x44, 0, 0x49, 0x43, 0x4d]);
    expect(b.text.length).toBe(big.length);
    expect(b.text.startsWith('aaaa') && b.text.endsWith('aaaa')).toBe(true);
    expect(c.text).toBe('small text\n');
  });

  it('skips binary content with a reason unless a scanner wants the bytes', () => {
    const bytes = Buffer.from([1, 0, 2]);
    const s = toArtifact('x.bin', bytes, { kind: 'worktree' });
    expect(isSkipped(s) && s).toMatchObject({ reason: 'binary', expected: true });
    const a = toArtifact('x.dcm', bytes, { kind: 'worktree' }, { wantsBytes: () => true });
    expect(isSkipped(a)).toBe(false);
    expect(!isSkipped(a) && [...a.bytes!]).toEqual([1, 0, 2]);
  });

  it('decodes invalid UTF-8 with replacement characters and keeps the rest scannable', () => {
    const a = toArtifact('bad.txt', Buffer.concat([Buffer.from('key='), Buffer.from([0xc3, 0x28]), Buffer.from(' value\n')]), { kind: 'worktree' });
    expect(!isSkipped(a) && a.text).toBe('key=\uFFFD( value\n');
  });

  it('reports a file that vanished or cannot be read as unreadable', () => {
    const d = tempDir();
    dirs.push(d);
    const s = readFileArtifact(join(d, 'gone.txt'), 'gone.txt', { kind: 'worktree' });
    expect(isSkipped(s) && s).toMatchObject({ path: 'gone.txt', reason: 'unreadable', detail: 'cannot read file (ENOENT)' });
    writeFileSync(join(d, 'ok.txt'), 'fine');
    expect(isSkipped(readFileArtifact(join(d, 'ok.txt'), 'ok.txt', { kind: 'worktree' }))).toBe(false);
  });
});
