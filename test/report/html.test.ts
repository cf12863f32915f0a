import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { renderHtml, esc } from '../../src/report/html.js';
import { sampleFinding, sampleResult, sampleConfig } from '../fixtures/evidence/sample.js';
import { attestRun } from '../../src/evidence/attest.js';

const EVIL = '<script>alert("x")</script>';

describe('HTML report', () => {
  it('is one self-contained document: no remote src/href/url()/@import, no external fonts', () => {
    const html = renderHtml(sampleResult({ findings: [sampleFinding({ helpUri: 'https://docs.example.org/rules/aws' })] }), { trend: [] });
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    // Any attribute or CSS construct that makes a browser fetch something.
    expect(html).not.toMatch(/\b(src|href|action|poster|data|srcset|xlink:href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/url\(\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|@font-face|<link\b|<iframe|<object|<embed/i);
    expect(html).toContain(`Content-Security-Policy" content="default-src 'none'`);
    // The help link is shown as text only.
    expect(html).toContain('More: https://docs.example.org/rules/aws');
  });

  it('escapes every value from findings, paths and the target', () => {
    const f = sampleFinding({ message: EVIL, excerpt: `"'><b>`, ruleId: `imported/x/${EVIL}`, remediation: EVIL, location: { path: `src/${EVIL}.ts`, startLine: 1, startColumn: 1, endLine: 1, endColumn: 2, resource: EVIL } });
    const html = renderHtml(sampleResult({ findings: [f], target: { root: `/tmp/${EVIL}`, mode: 'worktree', branch: EVIL }, gate: { ...sampleResult().gate, summary: EVIL, reasons: [EVIL] } }), { trend: [] });
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<b>');
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(esc(`<>&"'\``)).toBe('&#60;&#62;&#38;&#34;&#39;&#96;');
  });

  it('is accessible by construction: lang, captions, scoped headers, labelled filters, live status', () => {
    const html = renderHtml(sampleResult(), { trend: [] });
    expect(html).toMatch(/<html lang="en">/);
    const tables = html.match(/<table\b/g)!.length;
    expect(html.match(/<caption>/g)!.length).toBe(tables);
    const ths = html.match(/<th(\s[^>]*)?>/g)!;
    expect(ths.length).toBeGreaterThan(20);
    expect(ths.filter((t) => !/scope="(row|col)"/.test(t))).toEqual([]);
    for (const id of ['f-sev', 'f-cat', 'f-text', 'f-sup']) expect(html).toMatch(new RegExp(`<label[^>]*for="${id}"`));
    expect(html).toContain('role="status" aria-live="polite"');
    expect(html).toContain('@media print');
  });

  it('shows the verdict, the control matrix and findings grouped by safeguard with masked excerpts', () => {
    const html = renderHtml(sampleResult(), { trend: [] });
    expect(html).toContain('<p id="verdict" class="verdict fail" role="status">gate failed: 3 findings at or above high</p>');
    expect(html).toMatch(/<th scope="row">164\.308\(a\)\(1\)\(ii\)\(C\)<\/th><td>Sanction policy<\/td>.*st-manual/);
    expect(html.indexOf('Technical safeguards')).toBeLessThan(html.indexOf('Administrative safeguards'));
    expect(html).toContain('AKIA****************');
    expect(html).toContain('suppressed (waiver: not reachable from PHI paths; approved by security@example.org; until 2099-01-01)');
    expect(html).not.toContain('trend-h');
  });

  it('draws the trend from the evidence ledger of the scan root', async () => {
    const root = mkdtempSync(join(tmpdir(), 'hg-html-'));
    mkdirSync(join(root, '.hipaa-gate'));
    const { privateKey } = generateKeyPairSync('ed25519');
    const env = { HIPAA_GATE_SIGNING_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
    for (let i = 0; i < 3; i++) await attestRun(sampleResult({ target: { root, mode: 'worktree' }, startedAt: `2026-03-0${i + 1}T10:00:00.000Z` }), { root, config: sampleConfig(), env, log: () => {} });
    const html = renderHtml(sampleResult({ target: { root, mode: 'worktree' } }));
    expect(html).toContain('Trend across the evidence ledger');
    expect(html.match(/<circle /g)).toHaveLength(3);
    expect(html).toContain('Data table (3 runs)');
  });
});
