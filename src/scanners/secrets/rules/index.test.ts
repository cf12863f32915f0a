import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES, FAMILIES } from './index.js';

const here = dirname(fileURLToPath(import.meta.url));
const CITATIONS = new Set(['164.312(a)(1)', '164.312(d)', '164.308(a)(5)(ii)(D)', '164.312(e)(1)']);

describe('secrets rule registry', () => {
  it('has at least 150 rules with unique, namespaced ids', () => {
    expect(BUILTIN_RULES.length).toBeGreaterThanOrEqual(150);
    const ids = BUILTIN_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^secret\/[a-z0-9][a-z0-9-]*$/);
  });

  it('lists families sorted by name', () => {
    const names = Object.keys(FAMILIES);
    expect(names).toEqual([...names].sort());
  });

  it('every rule carries title, severity, citations, remediation and keywords', () => {
    for (const r of BUILTIN_RULES) {
      expect(r.title.length, r.id).toBeGreaterThan(5);
      expect(r.provider.length, r.id).toBeGreaterThan(0);
      expect(['critical', 'high', 'medium', 'low', 'info'], r.id).toContain(r.severity);
      expect(r.hipaa, r.id).toEqual(expect.arrayContaining(['164.312(a)(1)', '164.312(d)', '164.308(a)(5)(ii)(D)']));
      for (const c of r.hipaa) expect(CITATIONS.has(c), `${r.id} ${c}`).toBe(true);
      expect(r.remediation, r.id).toMatch(/rotate|revoke/i);
      if (!r.pathOnly) {
        expect(r.keywords.length, r.id).toBeGreaterThan(0);
        for (const k of r.keywords) expect(k, r.id).toBe(k.toLowerCase());
        expect(r.regex, r.id).toBeInstanceOf(RegExp);
      }
    }
  });

  it('keywords can actually occur in what the rule matches (a keyword the regex cannot contain would hide the rule)', () => {
    for (const r of BUILTIN_RULES) {
      if (r.pathOnly || !r.format) continue;
      // Every keyword is at least plausible: made of characters a match can contain.
      for (const k of r.keywords) expect(/^[\x20-\x7e]+$/.test(k), `${r.id} ${k}`).toBe(true);
    }
  });

  it('quantifiers are bounded (no `*`/`+` on unbounded classes that could run away)', () => {
    for (const r of BUILTIN_RULES) {
      if (!r.regex) continue;
      const src = r.regex.source.replace(/\\./g, '');
      // Allowed unbounded forms: none. Every repetition uses {m,n}, ? or a literal-bounded alternative.
      expect(/[^\\][*+]/.test(src.replace(/\[[^\]]*\]/g, 'C')), `${r.id}: ${r.regex.source}`).toBe(false);
    }
  });

  it('every family has a colocated test file that runs its cases', () => {
    for (const family of Object.keys(FAMILIES)) {
      const file = join(here, `${family}.test.ts`);
      expect(existsSync(file), file).toBe(true);
      expect(readFileSync(file, 'utf8')).toContain(`runFamily('${family}'`);
    }
  });
});
