import { describe, expect, it } from 'vitest';
import { parseInlineAllow, runFileScanners } from '../../src/engine/run-file.js';
import { makeFinding } from '../../src/core/finding.js';
import type { Artifact } from '../../src/core/types.js';
import type { FileScanner } from '../../src/scanners/types.js';
import { RULES } from './helpers.js';

describe('parseInlineAllow', () => {
  it.each([
    ['x = 1 // hipaa-gate:allow', { rules: [] }],
    ['x = 1 # hipaa-gate:allow fabricated test key', { rules: [], reason: 'fabricated test key' }],
    ['// hipaa-gate:allow secret/aws-access-key-id -- docs example', { rules: ['secret/aws-access-key-id'], reason: 'docs example' }],
    ['/* hipaa-gate:allow phi/us-ssn: synthetic record */', { rules: ['phi/us-ssn'], reason: 'synthetic record' }],
    ['<!-- hipaa-gate:allow phi/us-ssn, phi/email - sample page -->', { rules: ['phi/us-ssn', 'phi/email'], reason: 'sample page' }],
    ['# hipaa-gate:allow secret/*', { rules: ['secret/*'] }],
    ['# hipaa-gate:allow: reason after a colon', { rules: [], reason: 'reason after a colon' }],
  ])('%s', (line, expected) => {
    expect(parseInlineAllow(line)).toEqual(expected);
  });

  it('is not fooled by look-alikes', () => {
    expect(parseInlineAllow('// hipaa-gate:allowed')).toBeUndefined();
    expect(parseInlineAllow('// hipaa-gate: allow')).toBeUndefined();
    expect(parseInlineAllow('const x = 1;')).toBeUndefined();
  });
});

/** A scanner reporting every occurrence of FAKE-<digits> as the test key rule. */
const fakeScanner: FileScanner = {
  kind: 'file',
  name: 'fake',
  category: 'secret',
  rules: () => [RULES.key],
  appliesTo: () => true,
  scan: (artifact) =>
    [...artifact.text.matchAll(/FAKE-\d+/g)].map((m) => makeFinding(RULES.key, artifact, { span: { start: m.index!, end: m.index! + m[0].length }, value: m[0] })),
};

function run(text: string, extra: Partial<Artifact> = {}) {
  const artifact: Artifact = { path: 'a.ts', text, origin: { kind: 'worktree' }, size: text.length, ...extra };
  return runFileScanners(artifact, [fakeScanner], () => ({ root: '/r', now: '2026-01-01T00:00:00Z', options: {} })).findings;
}

describe('inline allows in a scanned file', () => {
  it('a marker on the same line, or on a comment line directly above, allows the finding', () => {
    const found = run(
      [
        'a = "FAKE-1" // hipaa-gate:allow test fixture', // 1: same line
        '// hipaa-gate:allow test/fake-key -- above', // 2
        'b = "FAKE-2"', // 3: allowed from above
        'c = "FAKE-3"', // 4: not allowed (marker is two lines up)
        'd = "FAKE-4" // hipaa-gate:allow phi/us-ssn', // 5: names another rule
        'e = "FAKE-5"; f = "x" // hipaa-gate:allow', // 6
        'g = 1 // hipaa-gate:allow', // 7: a marker after code does not reach the next line
        'h = "FAKE-6"', // 8
      ].join('\n'),
    );
    const byLine = Object.fromEntries(found.map((f) => [f.location.startLine, f.inlineAllow]));
    expect(byLine).toEqual({
      1: { reason: 'test fixture' },
      3: { rule: 'test/fake-key', reason: 'above' },
      4: undefined,
      5: undefined,
      6: {},
      8: undefined,
    });
  });

  it('in history fragments, uses the real file line to find the marker text', () => {
    // Fragment lines 1-2 are real lines 10-11 of the file.
    const found = run('// hipaa-gate:allow old fixture\nk = "FAKE-9"', { lineNumbers: [10, 11] });
    expect(found[0]!.location.startLine).toBe(11);
    expect(found[0]!.inlineAllow).toEqual({ reason: 'old fixture' });
  });

  it('staged mode keeps only findings on added lines', () => {
    const found = run('x = "FAKE-1"\ny = "FAKE-2"\n', { onlyLines: new Set([2]) });
    expect(found.map((f) => f.location.startLine)).toEqual([2]);
  });
});
