/** The generated, line-labelled corpus (bench/phi-corpus) must stay above the accuracy floor. */
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM benchmark module without types
import { generateCorpus } from '../../bench/phi-corpus/generate.mjs';
// @ts-expect-error plain ESM benchmark module without types
import { evaluate, summarise } from '../../bench/eval-phi.mjs';
import { scanner } from '../../src/scanners/phi/index.js';

interface Row { kind: string; precision: number; recall: number; tp: number; fp: number; fn: number }

describe('PHI evaluation corpus', () => {
  it('meets recall >= 0.95 and precision >= 0.90 overall, and no kind falls below 0.8', async () => {
    const corpus = [...generateCorpus({ seed: 11, patients: 40 }), ...generateCorpus({ seed: 12, patients: 40 })];
    const sum = summarise(await evaluate(corpus, scanner)) as { rows: Row[]; precision: number; recall: number };
    console.log(sum.rows.map((r) => `${r.kind.padEnd(24)} P=${r.precision.toFixed(3)} R=${r.recall.toFixed(3)}`).join('\n'));
    expect(sum.rows.length).toBeGreaterThanOrEqual(14);
    expect(sum.recall).toBeGreaterThanOrEqual(0.95);
    expect(sum.precision).toBeGreaterThanOrEqual(0.9);
    for (const r of sum.rows) {
      expect(r.recall, `${r.kind} recall`).toBeGreaterThanOrEqual(0.8);
      expect(r.precision, `${r.kind} precision`).toBeGreaterThanOrEqual(0.8);
    }
  });

  it('labels are honest: the hard-negative files produce no finding', async () => {
    const corpus = generateCorpus({ seed: 13, patients: 40 }).filter((f: { path: string }) => /README|package\.json|patient-service\.ts$/.test(f.path));
    const sum = summarise(await evaluate(corpus, scanner)) as { rows: Row[] };
    expect(sum.rows.reduce((n, r) => n + r.fp, 0)).toBe(0);
  });
});
