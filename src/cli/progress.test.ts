import { describe, expect, it } from 'vitest';
import { Progress, type ProgressOptions } from './progress.js';

function harness(isTTY: boolean) {
  const writes: string[] = [];
  let now = 1_000_000;
  let tick: (() => void) | undefined;
  let cleared = false;
  const opts: ProgressOptions = {
    now: () => now,
    setInterval: (fn) => {
      tick = fn;
      return {};
    },
    clearInterval: () => {
      cleared = true;
    },
  };
  const p = new Progress({ isTTY, write: (s) => writes.push(s) }, opts);
  return { p, writes, advance: (ms: number) => ((now += ms), tick?.()), hasTimer: () => tick !== undefined, cleared: () => cleared };
}

describe('Progress', () => {
  it('stays silent during the first second, then draws one rewritable line', () => {
    const h = harness(true);
    h.p.update({ files: 10, bytes: 2_500_000 });
    h.advance(900);
    expect(h.writes).toEqual([]);
    h.advance(300);
    expect(h.writes).toEqual(['\r\x1b[2Kscanning: 10 files, 2.5 MB, 1 s']);
    h.p.update({ files: 42, bytes: 9_000_000 });
    h.advance(1000);
    expect(h.writes.at(-1)).toBe('\r\x1b[2Kscanning: 42 files, 9.0 MB, 2 s');
  });

  it('erases its line when stopped, and draws nothing after', () => {
    const h = harness(true);
    h.advance(1500);
    h.p.stop();
    expect(h.writes.at(-1)).toBe('\r\x1b[2K');
    expect(h.cleared()).toBe(true);
    const n = h.writes.length;
    h.advance(1000);
    h.p.stop();
    expect(h.writes).toHaveLength(n);
  });

  it('a short scan leaves no trace at all', () => {
    const h = harness(true);
    h.advance(500);
    h.p.stop();
    expect(h.writes).toEqual([]);
  });

  it('never draws when the stream is not a terminal (CI logs, pipes)', () => {
    const h = harness(false);
    expect(h.hasTimer()).toBe(false);
    h.p.update({ files: 1, bytes: 1 });
    h.p.draw();
    h.p.stop();
    expect(h.writes).toEqual([]);
  });
});
