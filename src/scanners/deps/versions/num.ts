/** Shared helpers for version comparators: numbers of any length compare without overflow. */

export type Cmp = -1 | 0 | 1;

export function sign(n: number): Cmp {
  return n < 0 ? -1 : n > 0 ? 1 : 0;
}

export function isDigits(s: string): boolean {
  return s.length > 0 && /^[0-9]+$/.test(s);
}

/** Compare two digit strings numerically, any length (advisory data has 30-digit components). */
export function compareDigits(a: string, b: string): Cmp {
  const x = a.replace(/^0+/, '');
  const y = b.replace(/^0+/, '');
  if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Byte-wise string comparison (Go's strings.Compare, C's strcmp), not locale collation. */
export function compareStrings(a: string, b: string): Cmp {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compare digit-string lists, padding the shorter with zeros. */
export function compareComponents(a: readonly string[], b: readonly string[]): Cmp {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = compareDigits(a[i] ?? '0', b[i] ?? '0');
    if (d !== 0) return d;
  }
  return 0;
}
