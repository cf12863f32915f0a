import { compareDigits, compareStrings, isDigits, type Cmp } from './num.js';

/**
 * Maven ordering (ComparableVersion as the Maven Version Order spec describes it): tokens split on
 * `.`, `-` and digit/letter transitions, each remembering its separator; known qualifiers
 * alpha < beta < milestone < rc < snapshot < "" (= ga/final/release) < sp, other qualifiers after
 * them alphabetically; trailing null tokens are trimmed before comparing.
 */
interface Token {
  prefix: '' | '.' | '-';
  value: string;
  isNull?: boolean;
}

const KEYWORDS = ['alpha', 'beta', 'milestone', 'rc', 'snapshot', '', 'sp'];
const keywordRank = (k: string) => (KEYWORDS.includes(k) ? KEYWORDS.indexOf(k) : KEYWORDS.length);

function tokenize(version: string): Token[] {
  const tokens: Token[] = [];
  const raw = version.split(/([.-])/);
  for (let i = 0; i < raw.length; i += 2) {
    const part = raw[i]!;
    let prefix = (i === 0 ? '' : raw[i - 1]) as Token['prefix'];
    const pieces = part.match(/[0-9]+|[^0-9]+/g) ?? [''];
    pieces.forEach((piece, j) => {
      if (j > 0) prefix = '-';
      let v = piece.toLowerCase() || '0';
      if (v === 'cr') v = 'rc';
      if (v === 'ga' || v === 'final' || v === 'release') v = '';
      // a, b and m are short for alpha, beta and milestone only when a number follows.
      if (j < pieces.length - 1) v = ({ a: 'alpha', b: 'beta', m: 'milestone' } as Record<string, string>)[v] ?? v;
      if (isDigits(v)) v = v.replace(/^0+(?=.)/, '');
      tokens.push({ prefix, value: v });
    });
  }
  // Trim trailing nulls at the end and before each remaining hyphen, from the end backwards.
  let i = tokens.length - 1;
  while (i > 0) {
    const t = tokens[i]!;
    if (t.value === '0' || t.value === '' || t.value === 'final' || t.value === 'ga') {
      tokens.splice(i, 1);
      i--;
      continue;
    }
    while (i >= 0 && tokens[i]!.prefix !== '-') i--;
    i--;
  }
  return tokens;
}

function qualifierOrder(t: Token): number {
  const num = isDigits(t.value);
  if (t.prefix === '-') return num ? 2 : 1;
  return num ? 3 : 0;
}

function tokenLess(a: Token, b: Token): boolean {
  if (a.prefix !== b.prefix) return qualifierOrder(a) < qualifierOrder(b);
  const an = isDigits(a.value);
  const bn = isDigits(b.value);
  if (an && bn) return compareDigits(a.value, b.value) < 0;
  if (an && !a.isNull) return false;
  if (bn && !b.isNull) return true;
  const ra = keywordRank(a.value);
  const rb = keywordRank(b.value);
  if (ra === KEYWORDS.length && rb === KEYWORDS.length) return compareStrings(a.value, b.value) < 0;
  return ra < rb;
}

/** The padding token for a missing position depends on the other side's token. */
function nullFor(other: Token): Token {
  if (other.prefix === '-') return { prefix: '-', value: '', isNull: true };
  return { prefix: '.', value: other.value === 'sp' ? '' : '0', isNull: true };
}

export function compareMaven(a: string, b: string): Cmp {
  const x = tokenize(a);
  const y = tokenize(b);
  if (x.length === y.length && x.every((t, i) => t.prefix === y[i]!.prefix && t.value === y[i]!.value)) return 0;
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const l = x[i] ?? nullFor(y[i]!);
    const r = y[i] ?? nullFor(x[i]!);
    if (l.prefix === r.prefix && l.value === r.value) continue;
    return tokenLess(l, r) ? -1 : 1;
  }
  return 0;
}
