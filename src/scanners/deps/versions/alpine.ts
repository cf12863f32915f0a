import { compareDigits, compareStrings, type Cmp } from './num.js';

/**
 * Alpine apk ordering: number{.number}*{letter}{_suffix{number}}*{~hash}{-r#}. Suffix order:
 * alpha < beta < pre < rc < (none) < cvs < svn < git < hg < p. Non-first components with a leading
 * zero compare as strings (apk's "1.02 < 1.1" rule).
 */
const SUFFIXES = ['alpha', 'beta', 'pre', 'rc', '', 'cvs', 'svn', 'git', 'hg', 'p'];
const NO_SUFFIX = { weight: 4, number: '0' };

interface ApkVersion {
  original: string;
  invalid: boolean;
  components: string[];
  letter: string;
  suffixes: Array<{ weight: number; number: string }>;
  build: string;
  remainder: string;
}

function parse(original: string): ApkVersion {
  let s = original;
  const v: ApkVersion = { original, invalid: false, components: [], letter: '', suffixes: [], build: '0', remainder: '' };
  let nums = /^(?:[0-9]+\.?)*/.exec(s)![0];
  if (nums.endsWith('.')) nums = nums.slice(0, -1);
  if (nums) {
    v.components = nums.split('.');
    s = s.slice(nums.length);
  }
  if (/^[a-z]/.test(s)) {
    v.letter = s[0]!;
    s = s.slice(1);
  }
  // apk scans suffixes anywhere but only consumes those at the front; keep that behaviour.
  for (const m of s.matchAll(/_(alpha|beta|pre|rc|cvs|svn|git|hg|p)([0-9]*)/g)) {
    v.suffixes.push({ weight: SUFFIXES.indexOf(m[1]!), number: m[2] || '0' });
    if (s.startsWith(m[0])) s = s.slice(m[0].length);
  }
  const hash = /^~[0-9a-f]+/.exec(s);
  if (hash) s = s.slice(hash[0].length);
  if (s !== '') {
    const r = /^-r([0-9]*)/.exec(s);
    if (!r) v.invalid = true;
    else {
      v.build = r[1] || '0';
      s = s.slice(r[0].length);
    }
  }
  v.remainder = s;
  return v;
}

function compareComponent(a: string, ai: number, b: string, bi: number): Cmp {
  if (ai !== 0 && bi !== 0 && (a[0] === '0' || b[0] === '0')) return compareStrings(a, b);
  return compareDigits(a, b);
}

export function compareAlpine(a: string, b: string): Cmp {
  const x = parse(a);
  const y = parse(b);
  if (x.invalid && y.invalid) return compareStrings(a, b);
  for (let i = 0; i < Math.max(x.components.length, y.components.length); i++) {
    const ca = x.components[i];
    const cb = y.components[i];
    const d = compareComponent(ca ?? '0', ca === undefined ? 0 : i, cb ?? '0', cb === undefined ? 0 : i);
    if (d !== 0) return d;
  }
  if (x.letter !== y.letter) {
    if (x.letter === '') return -1;
    if (y.letter === '') return 1;
    return compareStrings(x.letter, y.letter);
  }
  for (let i = 0; i < Math.max(x.suffixes.length, y.suffixes.length); i++) {
    const sa = x.suffixes[i] ?? NO_SUFFIX;
    const sb = y.suffixes[i] ?? NO_SUFFIX;
    if (sa.weight !== sb.weight) return sa.weight < sb.weight ? -1 : 1;
    const d = compareDigits(sa.number, sb.number);
    if (d !== 0) return d;
  }
  const d = compareDigits(x.build, y.build);
  if (d !== 0) return d;
  if (x.remainder === '' && y.remainder !== '') return 1;
  if (x.remainder !== '' && y.remainder === '') return -1;
  return 0;
}
