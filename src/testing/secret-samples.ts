/**
 * Test-only helpers for the secrets rule families: a seeded generator that turns a rule's secret
 * format (a small regex subset) into a matching string, so no live-looking token is ever written
 * into the repository, and `runFamily`, which gives every rule of a family generated positive and
 * negative cases plus the family's hand-written ones.
 */
import { describe, expect, it } from 'vitest';
import { scanner } from '../scanners/secrets/index.js';
import { FAMILIES } from '../scanners/secrets/rules/index.js';
import type { SecretRule } from '../scanners/secrets/types.js';
import { runRuleTests, type InvalidCase, type ValidCase } from './rule-tester.js';

/** Deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));
const WORD = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_'];

/**
 * Generate a string matching `source` (literals, escapes, classes, groups, alternation, bounded
 * quantifiers; lookarounds and anchors produce nothing). `flat` picks the first member of every
 * class, giving a same-shape but low-variety string (a placeholder).
 */
export function generate(source: string, seed = 1, flat = false): string {
  const rand = rng(seed);
  let i = 0;
  const pick = <T>(xs: T[]): T => (flat ? xs[0]! : xs[Math.floor(rand() * xs.length)]!);

  function parseAlt(): () => string {
    const branches: Array<Array<() => string>> = [[]];
    while (i < source.length && source[i] !== ')') {
      if (source[i] === '|') {
        i++;
        branches.push([]);
        continue;
      }
      const atom = parseAtom();
      branches[branches.length - 1]!.push(parseQuant(atom));
    }
    return () => pick(branches).map((f) => f()).join('');
  }

  function escapeSet(c: string): string[] {
    if (c === 'd') return [...'0123456789'];
    if (c === 'w') return WORD;
    if (c === 's') return [' '];
    if (c === 'n') return ['\n'];
    if (c === 't') return ['\t'];
    if (c === 'r') return ['\r'];
    if (c === 'x') {
      const hex = source.slice(i, i + 2);
      i += 2;
      return [String.fromCharCode(parseInt(hex, 16))];
    }
    return [c];
  }

  function parseClass(): string[] {
    i++; // [
    let negate = false;
    if (source[i] === '^') {
      negate = true;
      i++;
    }
    const set: string[] = [];
    let first = true;
    while (i < source.length && (source[i] !== ']' || first)) {
      first = false;
      let chars: string[];
      if (source[i] === '\\') {
        i++;
        const c = source[i++]!;
        chars = escapeSet(c);
      } else chars = [source[i++]!];
      if (chars.length === 1 && source[i] === '-' && source[i + 1] !== ']' && i + 1 < source.length) {
        i++;
        let end = source[i++]!;
        if (end === '\\') end = escapeSet(source[i++]!)[0]!;
        for (let c = chars[0]!.charCodeAt(0); c <= end.charCodeAt(0); c++) set.push(String.fromCharCode(c));
      } else set.push(...chars);
    }
    i++; // ]
    if (!negate) return set;
    const pool = PRINTABLE.filter((c) => !set.includes(c) && /[A-Za-z0-9]/.test(c));
    return pool.length ? pool : PRINTABLE.filter((c) => !set.includes(c));
  }

  function parseAtom(): () => string {
    const c = source[i]!;
    if (c === '(') {
      i++;
      let skip = false;
      if (source[i] === '?') {
        i++;
        if (source[i] === ':') i++;
        else if (source[i] === '=' || source[i] === '!') {
          i++;
          skip = true;
        } else if (source[i] === '<' && (source[i + 1] === '=' || source[i + 1] === '!')) {
          i += 2;
          skip = true;
        } else if (source[i] === '<') {
          while (source[i] !== '>') i++;
          i++;
        }
      }
      const inner = parseAlt();
      i++; // )
      return skip ? () => '' : inner;
    }
    if (c === '[') {
      const set = parseClass();
      return () => pick(set);
    }
    if (c === '\\') {
      i++;
      const e = source[i++]!;
      if (e === 'b' || e === 'B') return () => '';
      const set = escapeSet(e);
      return () => pick(set);
    }
    if (c === '^' || c === '$') {
      i++;
      return () => '';
    }
    if (c === '.') {
      i++;
      return () => pick(WORD);
    }
    i++;
    return () => c;
  }

  function parseQuant(atom: () => string): () => string {
    let min = 1;
    let max = 1;
    const c = source[i];
    if (c === '?') [min, max, i] = [0, 1, i + 1];
    else if (c === '*') [min, max, i] = [0, 3, i + 1];
    else if (c === '+') [min, max, i] = [1, 4, i + 1];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
      if (m) {
        min = Number(m[1]);
        max = m[2] === undefined ? min : m[3] === '' ? min + 3 : Number(m[3]);
        i += m[0].length;
      }
    }
    if (source[i] === '?') i++; // lazy
    if (min === 1 && max === 1) return atom;
    return () => {
      const n = flat ? Math.max(min, Math.min(max, 10)) : min + Math.floor(rand() * (Math.min(max, min + 3) - min + 1));
      let out = '';
      for (let k = 0; k < n; k++) out += atom();
      return out;
    };
  }

  const f = parseAlt();
  return f();
}

export interface FamilyCases {
  valid?: Array<string | ValidCase>;
  invalid?: InvalidCase[];
  /** Skip the generated cases of this rule (its format is too loose to sample meaningfully). */
  noAuto?: boolean;
}

/** Generated cases for a rule with a known format: a realistic positive and two negatives. */
export function autoCases(rule: SecretRule, seed: number): { valid: Array<string | ValidCase>; invalid: InvalidCase[] } {
  if (!rule.format) return { valid: [], invalid: [] };
  let secret = '';
  // Some samples are rejected by the rule's own filters (entropy, checksum); try a few seeds.
  for (let k = 0; k < 20; k++) {
    secret = generate(rule.format, seed + k * 7919);
    if (rule.entropy === undefined || shannonOf(secret) >= rule.entropy) break;
  }
  const key = rule.sampleKey ? `${rule.sampleKey.replace(/[^a-zA-Z0-9_]/g, '_')}_token` : 'token';
  const line = (v: string) => (rule.sampleKey ? `const ${key} = "${v}";` : `credentials: "${v}"`);
  const flat = generate(rule.format, seed, true);
  const envName = key.toUpperCase();
  return {
    invalid: [{ name: 'generated sample', code: `// config\n${line(secret)}\n`, findings: [{ ruleId: rule.id, line: 2 }] }],
    valid: [
      { name: 'environment reference', code: `${line(`\${${envName}}`)}\nconst fromEnv = process.env.${envName};\n` },
      ...(rule.noPlaceholderCheck ? [] : [{ name: 'low-variety placeholder of the same shape', code: line(flat) }]),
    ],
  };
}

function shannonOf(s: string): number {
  const m = new Map<string, number>();
  for (const c of s) m.set(c, (m.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of m.values()) h -= (n / s.length) * Math.log2(n / s.length);
  return h;
}

/** Run generated + hand-written cases for every rule of one family, asserting each rule has both kinds. */
export function runFamily(family: string, extras: Record<string, FamilyCases> = {}): void {
  const rules = FAMILIES[family];
  if (!rules) throw new Error(`unknown secrets rule family ${family}`);
  describe(`secrets family ${family}`, () => {
    it('every hand-written case names a rule of this family', () => {
      const ids = new Set(rules.map((r) => r.id));
      expect(Object.keys(extras).filter((id) => !ids.has(id))).toEqual([]);
    });
    rules.forEach((rule, idx) => {
      const extra = extras[rule.id] ?? {};
      const auto = extra.noAuto ? { valid: [], invalid: [] } : autoCases(rule, 1000 + idx * 31);
      const valid = [...auto.valid, ...(extra.valid ?? [])];
      const invalid = [...auto.invalid, ...(extra.invalid ?? [])];
      it(`${rule.id} has positive and negative cases`, () => {
        expect(valid.length).toBeGreaterThan(0);
        expect(invalid.length).toBeGreaterThan(0);
      });
      runRuleTests(scanner, rule.id, { valid, invalid });
    });
  });
}
