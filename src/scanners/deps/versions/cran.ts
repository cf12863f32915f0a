import { compareComponents, isDigits, type Cmp } from './num.js';

/** CRAN: integers separated by `.` or `-` (equal weight); with equal values, more parts is greater. */
export function compareCran(a: string, b: string): Cmp {
  const parts = (v: string) => v.replace(/-/g, '.').split('.').filter(isDigits);
  const x = parts(a);
  const y = parts(b);
  return compareComponents(x, y) || (x.length === y.length ? 0 : x.length > y.length ? 1 : -1);
}
