/**
 * Byte order (UTF-16 code units, which is byte order for the ASCII ids and paths compared here), as
 * git lists paths. Not `localeCompare`: its order follows the machine's locale (under da_DK, `aa.ts`
 * sorts after `b.ts`), so two machines would write the same report, SARIF rule table or baseline
 * file in different orders; and its first call loads ICU's collation data (~8 ms of every run).
 */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
