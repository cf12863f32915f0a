import { describe, expect, it } from 'vitest';
import { renderMarkdown, mdText, GITHUB_COMMENT_LIMIT, GITLAB_NOTE_LIMIT } from '../../src/report/markdown.js';
import { sampleFinding, sampleResult } from '../fixtures/evidence/sample.js';

describe('Markdown MR summary', () => {
  it('states the verdict, counts, failing controls and lists unsuppressed findings by severity', () => {
    const md = renderMarkdown(sampleResult());
    expect(md).toMatch(/^## hipaa-gate: FAILED/);
    expect(md).toContain('| secret | 1 | 0 | 0 | 0 | 0 | 0 |');
    expect(md).toContain('| deps | 0 | 0 | 0 | 0 | 0 | 1 |');
    expect(md).toContain('**HIPAA controls failing (2):** 164.312(a)(1) Access control (1); 164.312(a)(2)(iv) Encryption and decryption (2)');
    const rows = md.split('\n').filter((l) => /^\| (critical|high|medium|low|info) \|/.test(l));
    expect(rows.map((r) => r.split('|')[1]!.trim())).toEqual(['critical', 'high', 'high']);
    expect(md).toContain('1 suppressed finding(s) not listed');
  });

  it('neutralises markup, HTML, pipes and mentions coming from findings', () => {
    const evil = sampleFinding({ location: { path: 'a|b<img src=x onerror=alert(1)>.md', startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 }, excerpt: '@channel **x** `y`' });
    const md = renderMarkdown(sampleResult({ findings: [evil] }));
    const row = md.split('\n').find((l) => l.startsWith('| critical'))!;
    expect(row.split(/(?<!\\)\|/).length).toBe(7);
    expect(md).not.toContain('<img');
    expect(md).not.toMatch(/(^|[^;])@channel/);
    expect(mdText('a\nb')).toBe('a b');
  });

  it('truncates gracefully (GitHub limit by default, the GitLab one under GITLAB_CI) with a count when findings exceed the comment limit', () => {
    const savedCi = process.env.GITLAB_CI;
    delete process.env.GITLAB_CI;
    const many = Array.from({ length: 3000 }, (_, i) => sampleFinding({ fingerprint: `fp${i}`, location: { path: `src/file-${i}.ts`, startLine: i + 1, startColumn: 1, endLine: i + 1, endColumn: 5 } }));
    const r = sampleResult({ findings: many });
    const gh = renderMarkdown(r);
    expect(gh.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    const shown = gh.split('\n').filter((l) => l.startsWith('| critical')).length;
    expect(shown).toBeGreaterThan(100);
    expect(gh).toContain(`... ${3000 - shown} more finding(s) not shown`);
    const gl = renderMarkdown(r, { maxChars: GITLAB_NOTE_LIMIT });
    expect(gl).not.toContain('more finding(s) not shown');
    expect(gl.split('\n').filter((l) => l.startsWith('| critical')).length).toBe(3000);
    expect(renderMarkdown(r, { maxChars: 500 }).length).toBeLessThanOrEqual(500);
    const saved = process.env.GITLAB_CI;
    process.env.GITLAB_CI = 'true';
    try {
      expect(renderMarkdown(r)).not.toContain('more finding(s) not shown');
    } finally {
      if (saved === undefined) delete process.env.GITLAB_CI;
      else process.env.GITLAB_CI = saved;
      if (savedCi !== undefined) process.env.GITLAB_CI = savedCi;
    }
  });
});
