/**
 * Check-digit and range validators. Pure functions over the candidate string; each returns false for
 * anything that cannot be a real identifier of its kind, so a shape match alone never becomes PHI.
 */
import { isIP } from 'node:net';

export const digitsOf = (s: string): string => s.replace(/\D+/g, '');

/** Luhn (mod 10) over a digit string. */
export function luhn(digits: string): boolean {
  let sum = 0;
  let dbl = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (dbl) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    dbl = !dbl;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** SSA rules: area 000, 666 and 900-999 are never issued; group 00 and serial 0000 neither. */
export function validSsn(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 9) return false;
  const area = Number(d.slice(0, 3));
  const group = Number(d.slice(3, 5));
  const serial = Number(d.slice(5));
  if (area === 0 || area === 666 || area >= 900) return false;
  if (group === 0 || serial === 0) return false;
  // Voided by the SSA after mass misuse: the Woolworth wallet card and the 1940s pamphlet sample.
  if (d === '078051120' || d === '219099999') return false;
  return !/^(\d)\1{8}$/.test(d);
}

/** NPI: 10 digits starting 1 or 2; Luhn over the number prefixed with 80840 (the ISO card issuer prefix). */
export function validNpi(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 10 || (d[0] !== '1' && d[0] !== '2')) return false;
  if (/^(\d)\1{8}$/.test(d.slice(0, 9))) return false;
  return luhn(`80840${d}`);
}

/**
 * DEA registration number: registrant-type letter, first letter of the surname (or 9), seven digits;
 * check digit = last digit of (d1+d3+d5) + 2*(d2+d4+d6).
 */
export function validDea(value: string): boolean {
  const m = /^([ABCDEFGHJKLMPRSTUX])([A-Z9])(\d{7})$/i.exec(value.trim());
  if (!m) return false;
  const d = m[3]!.split('').map(Number);
  const check = (d[0]! + d[2]! + d[4]! + 2 * (d[1]! + d[3]! + d[5]!)) % 10;
  return check === d[6];
}

const VIN_VALUES: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** ISO 3779 / 49 CFR 565 VIN with the North American check digit at position 9. */
export function validVin(value: string): boolean {
  const v = value.toUpperCase();
  if (!/^[A-HJ-NPR-Z0-9]{17}$/.test(v)) return false;
  if (!/[A-Z]/.test(v) || !/\d/.test(v)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = v[i]!;
    const n = c >= '0' && c <= '9' ? Number(c) : VIN_VALUES[c]!;
    sum += n * VIN_WEIGHTS[i]!;
  }
  const r = sum % 11;
  return v[8] === (r === 10 ? 'X' : String(r));
}

/**
 * Medicare Beneficiary Identifier (CMS format): C A AN N A AN N A A N N where C is 1-9, A a letter
 * other than S L O I B Z, N a digit, AN either. Dashes at 4 and 7 are allowed.
 */
export const MBI_RE = /^[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y]{2}\d{2}$/i;
export function validMbi(value: string): boolean {
  const v = value.trim();
  if (!MBI_RE.test(v)) return false;
  const dashes = (v.match(/-/g) ?? []).length;
  return dashes === 0 || dashes === 2;
}

/** Payment card or account number: 13-19 digits passing Luhn. */
export function validCard(value: string): boolean {
  const d = digitsOf(value);
  return d.length >= 13 && d.length <= 19 && luhn(d) && !/^(\d)\1+$/.test(d);
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

export interface ParsedDate {
  year?: number;
  month?: number;
  day?: number;
  /** The value carries a time of day (timestamps are rarely birth dates). */
  hasTime: boolean;
}

function realDay(y: number | undefined, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, y !== undefined && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1]!;
}

const fullYear = (y: string): number => (y.length === 4 ? Number(y) : Number(y) + (Number(y) > 30 ? 1900 : 2000));

const TIME_OF_DAY = /\d[T ]\d{1,2}:\d{2}/;
/** A date with a time of day: a timestamp, which only a label makes a patient's date. */
export const hasTimeOfDay = (v: string): boolean => TIME_OF_DAY.test(v);

/** Parse the date shapes we detect; undefined for impossible dates (Feb 30, month 13). */
export function parseDate(value: string): ParsedDate | undefined {
  const v = value.trim();
  const hasTime = hasTimeOfDay(v);
  // Constructor arguments `1958, 4, 17` (Ruby, Python, Java, C#); JavaScript's months count from 0,
  // so a month of 0 is read as January rather than rejected.
  let m = /^(\d{4}),\s*(\d{1,2}),\s*(\d{1,2})$/.exec(v);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Math.max(1, Number(m[2])), Number(m[3])];
    return realDay(y, mo, d) ? { year: y, month: mo, day: d, hasTime: false } : undefined;
  }
  // Go's `time.Date(1947, time.August, 23, ...)`: the month is a named constant.
  m = /^(\d{4}),\s*time\.([A-Z][a-z]+),\s*(\d{1,2})$/.exec(v);
  if (m) {
    const [y, mo, d] = [Number(m[1]), MONTHS[m[2]!.slice(0, 3).toLowerCase()] ?? 0, Number(m[3])];
    return realDay(y, mo, d) ? { year: y, month: mo, day: d, hasTime: false } : undefined;
  }
  m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/.exec(v);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return realDay(y, mo, d) ? { year: y, month: mo, day: d, hasTime } : undefined;
  }
  m = /^(\d{4})(\d{2})(\d{2})(?:\d{4,6}(?:\.\d+)?)?$/.exec(v);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return y >= 1850 && y <= 2100 && realDay(y, mo, d) ? { year: y, month: mo, day: d, hasTime: v.length > 8 } : undefined;
  }
  // With a time of day after it (`06/10/2024 07:42`, `1/15/2024 9:00:00 AM`): a lab's collected/received columns.
  m = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp][Mm])?)?$/.exec(v);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const y = fullYear(m[4]!);
    if (realDay(y, a, b)) return { year: y, month: a, day: b, hasTime };
    if (realDay(y, b, a)) return { year: y, month: b, day: a, hasTime };
    return undefined;
  }
  m = /^(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?[-\s]([A-Za-z]{3,9})\.?[-\s,]+(\d{4}|\d{2})$/.exec(v) ?? null;
  if (m) {
    const mo = MONTHS[m[2]!.slice(0, 3).toLowerCase()];
    const y = fullYear(m[3]!);
    return mo && realDay(y, mo, Number(m[1])) ? { year: y, month: mo, day: Number(m[1]), hasTime } : undefined;
  }
  // SAS and Stata's date9 (`21DEC1930`, `10jul1930`): day, three-letter month, year, no separators.
  m = /^(\d{1,2})([A-Za-z]{3})(\d{4})$/.exec(v);
  if (m) {
    const mo = MONTHS[m[2]!.toLowerCase()];
    const y = Number(m[3]);
    return mo && realDay(y, mo, Number(m[1])) ? { year: y, month: mo, day: Number(m[1]), hasTime } : undefined;
  }
  m = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(v);
  if (m) {
    const mo = MONTHS[m[1]!.slice(0, 3).toLowerCase()];
    const y = Number(m[3]);
    return mo && realDay(y, mo, Number(m[2])) ? { year: y, month: mo, day: Number(m[2]), hasTime } : undefined;
  }
  // Partial dates (month/year, day-month) are identifiers only when a label says so.
  m = /^(\d{1,2})[/-](\d{4})$/.exec(v);
  if (m) return Number(m[1]) >= 1 && Number(m[1]) <= 12 ? { year: Number(m[2]), month: Number(m[1]), hasTime } : undefined;
  m = /^([A-Za-z]{3,9})[-\s](\d{4}|\d{1,2})$/.exec(v) ?? /^(\d{1,2})[-\s]([A-Za-z]{3,9})$/.exec(v);
  if (m) {
    const word = /[A-Za-z]/.test(m[1]!) ? m[1]! : m[2]!;
    const num = word === m[1] ? m[2]! : m[1]!;
    const mo = MONTHS[word.slice(0, 3).toLowerCase()];
    if (!mo || (word.length > 3 && !Object.keys(MONTHS).some((k) => word.toLowerCase().startsWith(k)))) return undefined;
    return num.length === 4 ? { year: Number(num), month: mo, hasTime } : Number(num) <= 31 ? { month: mo, day: Number(num), hasTime } : undefined;
  }
  m = /^(\d{1,2})\/(\d{1,2})$/.exec(v);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    return realDay(2000, a, b) ? { month: a, day: b, hasTime } : undefined;
  }
  return undefined;
}

/** A plausible date of birth relative to `now` (not in the future, not before 1880). */
export function plausibleBirth(p: ParsedDate, nowYear: number): boolean {
  return p.year === undefined || (p.year >= 1880 && p.year <= nowYear);
}

/** IPv4/IPv6 (optionally with zone or CIDR suffix). */
export function validIp(value: string): boolean {
  let v = value;
  const slash = v.indexOf('/');
  if (slash >= 0) {
    const bits = Number(v.slice(slash + 1));
    v = v.slice(0, slash);
    const max = v.includes(':') ? 128 : 32;
    if (!Number.isInteger(bits) || bits < 0 || bits > max) return false;
  }
  const pct = v.indexOf('%');
  if (pct >= 0) v = v.slice(0, pct);
  return isIP(v) !== 0;
}

/** Private, loopback, link-local, documentation and unspecified addresses identify no person. */
export function nonPersonalIp(value: string): boolean {
  const v = value.split(/[/%]/)[0]!.toLowerCase();
  if (v.includes(':')) {
    return v === '::' || v === '::1' || v.startsWith('fe80:') || v.startsWith('fc') || v.startsWith('fd') || v.startsWith('2001:db8:') || v.startsWith('2001:0db8:') || v.startsWith('ff');
  }
  const [a, b, c] = v.split('.').map(Number) as [number, number, number];
  return (
    a === 10 || a === 127 || a === 0 || a >= 224 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) ||
    (a === 192 && b === 0 && c === 2) || (a === 198 && b === 51 && c === 100) || (a === 203 && b === 0 && c === 113) || (a === 100 && b >= 64 && b <= 127)
  );
}
