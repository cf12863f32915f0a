import { compare as pep440Compare, valid as pep440Valid } from '@renovatebot/pep440';
import { compareStrings, type Cmp } from './num.js';

/**
 * PyPI ordering: PEP 440 via `@renovatebot/pep440`. Strings that are not PEP 440 versions sort
 * before every valid version (as pip does with legacy versions) and among themselves by
 * setuptools' legacy key.
 */
export function comparePyPI(a: string, b: string): Cmp {
  const va = pep440Valid(a) !== null;
  const vb = pep440Valid(b) !== null;
  if (va && vb) {
    const d = pep440Compare(a, b);
    return d < 0 ? -1 : d > 0 ? 1 : 0;
  }
  if (va !== vb) return va ? 1 : -1;
  return compareStrings(legacyKey(a), legacyKey(b));
}

function legacyKey(v: string): string {
  const parts: string[] = [];
  for (let part of [...(v.toLowerCase().match(/[0-9]+|[a-z]+|\.|-/g) ?? []), 'final']) {
    if (part === '.') continue;
    part = ({ pre: 'c', preview: 'c', '-': 'final-', rc: 'c', dev: '@' } as Record<string, string>)[part] ?? part;
    part = /^[0-9]/.test(part) ? part.padStart(8, '0') : `*${part}`;
    if (part.startsWith('*')) {
      if (part < '*final') while (parts.at(-1) === '*final-') parts.pop();
      while (parts.at(-1) === '00000000') parts.pop();
    }
    parts.push(part);
  }
  return parts.join('');
}
