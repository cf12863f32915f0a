/**
 * A character-level first look for the identifier shapes of the prefilter (SHAPES in prefilter.ts).
 * A backtracking regex with fourteen alternatives tries most of them at every digit and capital
 * letter, and log lines are full of digits (timestamps, durations, ids): that one regex was the
 * largest single cost of `redact`. This loop reads each character once and answers "this line might
 * match"; only those lines are given to the regex, so the lines kept are exactly the regex's.
 *
 * Every check here must accept at least everything its alternative accepts (a superset): a false
 * "maybe" costs one regex call, a false "no" would drop a line. A differential test holds it to that.
 */

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isUpper = (c: number): boolean => c >= 65 && c <= 90;
const isLower = (c: number): boolean => c >= 97 && c <= 122;
/** `\w` without the u flag: ASCII letters, digits and `_`. */
const isWord = (c: number): boolean => isDigit(c) || isUpper(c) || isLower(c) || c === 95;
/** `[-. ]` */
const isSep = (c: number): boolean => c === 45 || c === 46 || c === 32;
/** Latin Extended-A (`Ā-ž`): both cases, as in the regex. */
const isExtA = (c: number): boolean => c >= 0x100 && c <= 0x17e;
/** `[A-ZÀ-ÞĀ-ž]` */
const isCap = (c: number): boolean => isUpper(c) || (c >= 0xc0 && c <= 0xde) || isExtA(c);
/** `[a-zß-ÿĀ-ž'’]` */
const isNameTail = (c: number): boolean => isLower(c) || (c >= 0xdf && c <= 0xff) || isExtA(c) || c === 39 || c === 0x2019;

/** The end of the run of digits starting at `i` (bounded by `e`). */
function digitsEnd(t: string, i: number, e: number): number {
  while (i < e && isDigit(t.charCodeAt(i))) i++;
  return i;
}

/** `[A-Z][a-z]` at `p`, or `[NSEW]\.? [A-Z][a-z]` (the house-number shape after its space). */
function streetStart(t: string, p: number): boolean {
  const c = t.charCodeAt(p);
  if (isUpper(c) && isLower(t.charCodeAt(p + 1))) return true;
  if (c !== 78 && c !== 83 && c !== 69 && c !== 87) return false;
  let q = p + 1;
  if (t.charCodeAt(q) === 46) q++;
  return t.charCodeAt(q) === 32 && isUpper(t.charCodeAt(q + 1)) && isLower(t.charCodeAt(q + 2));
}

/** The digit run [i, j) of a line ending at `e` could start (or end) one of the digit shapes. */
function digitShape(t: string, i: number, j: number, e: number, boundary: boolean): boolean {
  const n = j - i;
  const x = j < e ? t.charCodeAt(j) : -1;
  if (n >= 3) {
    // 123-45-6789 (SSN), 312) 555-0142 / 312-555-0142 (phone): the run's last three digits start it.
    if (isSep(x)) {
      const k = j + 1;
      const m = digitsEnd(t, k, e) - k;
      if (m === 2 && isSep(t.charCodeAt(k + 2)) && digitsEnd(t, k + 3, e) - (k + 3) >= 4) return true;
      if (m === 3 && isSep(t.charCodeAt(k + 3)) && digitsEnd(t, k + 4, e) - (k + 4) >= 4) return true;
    } else if (x === 41 && isSep(t.charCodeAt(j + 1))) {
      const k = j + 2;
      if (digitsEnd(t, k, e) - k === 3 && isSep(t.charCodeAt(k + 3)) && digitsEnd(t, k + 4, e) - (k + 4) >= 4) return true;
    }
  }
  if (!boundary) return false;
  // 12 Main / 12B N. Oak (house numbers).
  if (n <= 6) {
    let p = j;
    if (isUpper(x)) p++;
    if (t.charCodeAt(p) === 32 && streetStart(t, p + 1)) return true;
  }
  // 1EG4-TE5-MK73 (Medicare MBI): one digit, a capital, a capital or digit, a digit.
  if (n === 1 && x !== -1 && t.charCodeAt(i) !== 48 && isUpper(x)) {
    const y = t.charCodeAt(j + 1);
    if ((isUpper(y) || isDigit(y)) && isDigit(t.charCodeAt(j + 2))) return true;
  }
  // 1234 567890 12345 (card-like groups).
  if (n === 4 && (x === 32 || x === 45)) {
    const k = j + 1;
    const m = digitsEnd(t, k, e) - k;
    const y = t.charCodeAt(k + m);
    if (m >= 4 && m <= 6 && (y === 32 || y === 45) && digitsEnd(t, k + m + 1, e) - (k + m + 1) >= 4) return true;
  }
  // 10.0.0.1 (IPv4): four dot-separated runs of one to three digits.
  if (n <= 3 && x === 46) {
    let k = j + 1;
    for (let part = 0; part < 3; part++) {
      const m = digitsEnd(t, k, e) - k;
      if (m < 1 || m > 3) return false;
      k += m;
      if (part < 2) {
        if (t.charCodeAt(k) !== 46) return false;
        k++;
      }
    }
    return true;
  }
  return false;
}

/** `-MM-DD[T ]hh:mm:` at `j`, after four digits. */
function dateTimeAt(t: string, j: number): boolean {
  const sep = t.charCodeAt(j + 6);
  return (
    t.charCodeAt(j) === 45 && isDigit(t.charCodeAt(j + 1)) && isDigit(t.charCodeAt(j + 2)) && t.charCodeAt(j + 3) === 45 &&
    isDigit(t.charCodeAt(j + 4)) && isDigit(t.charCodeAt(j + 5)) && (sep === 84 || sep === 32) &&
    isDigit(t.charCodeAt(j + 7)) && isDigit(t.charCodeAt(j + 8)) && t.charCodeAt(j + 9) === 58 &&
    isDigit(t.charCodeAt(j + 10)) && isDigit(t.charCodeAt(j + 11)) && t.charCodeAt(j + 12) === 58
  );
}

/** What a character may start: 0 nothing, 1 a digit run, 2 a capital, 3 a symbol or letter of a literal shape. */
const START = new Uint8Array(65536);
for (let c = 48; c <= 57; c++) START[c] = 1;
for (let c = 65; c <= 90; c++) START[c] = 2;
for (let c = 0xc0; c <= 0xde; c++) START[c] = 2;
for (let c = 0x100; c <= 0x17e; c++) START[c] = 2;
for (const c of '+(^hd') START[c.charCodeAt(0)] = 3;

/** Might the line [s, e) of `t` hold one of the prefilter's identifier shapes? */
export function mayHaveShape(t: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = t.charCodeAt(i);
    const k = START[c]!;
    if (k === 0) continue;
    if (k === 1) {
      const j = digitsEnd(t, i + 1, e);
      // A date-time (`2024-03-11T08:00:` or `2024-03-11 08:00:`, the start of most log lines) starts
      // no shape and ends none begun before it: its runs are passed over up to the seconds, which
      // are looked at as usual. Seven digit runs per log line become two.
      if (j - i === 4 && dateTimeAt(t, j)) {
        i = j + 11;
        continue;
      }
      // Every digit shape goes on with a separator, `)` or a capital after the run (a timestamp's
      // `:` or a duration's `ms` end it here, before any of the checks).
      const x = j < e ? t.charCodeAt(j) : -1;
      if ((isSep(x) || x === 41 || isUpper(x)) && digitShape(t, i, j, e, i === s || !isWord(t.charCodeAt(i - 1)))) return true;
      i = j - 1;
      continue;
    }
    if (k === 2) {
      // Both capital shapes start a word: a capital inside one (`INFO`, `11T08`) starts neither.
      const before = i > s ? t.charCodeAt(i - 1) : -1;
      if (isWord(before)) continue;
      // Maria Gonzalez / Gonzalez, M. Maria (capitalised name pairs), not after a letter of `À-ž`.
      if (before < 0xc0 || before > 0x17e) {
        let p = i + 1;
        while (p < e && isNameTail(t.charCodeAt(p))) p++;
        if (p > i + 1) {
          if (t.charCodeAt(p) === 44) p++;
          if (t.charCodeAt(p) === 32 && isCap(t.charCodeAt(p + 1))) return true;
        }
      }
      // AB1234567 (passport-like, DEA).
      if (isUpper(c)) {
        const y = t.charCodeAt(i + 1);
        if ((isUpper(y) || y === 57) && isDigit(t.charCodeAt(i + 2))) return true;
      }
      continue;
    }
    // +1 312 ..., +H123... (international phone, HIBCC UDI); (01)0... (GS1 UDI); DOE^JANE (HL7
    // names); http(s)://; data:image.
    if (c === 43) {
      const y = t.charCodeAt(i + 1);
      if (isDigit(y) || isUpper(y)) return true;
    } else if (c === 40) {
      if (t.startsWith('(01)', i)) return true;
    } else if (c === 94) {
      if (i > s && isUpper(t.charCodeAt(i - 1)) && isUpper(t.charCodeAt(i + 1))) return true;
    } else if (c === 104) {
      // Most `h` and `d` start ordinary words: one character rules them out before the whole literal.
      if (t.charCodeAt(i + 1) === 116 && (t.startsWith('http://', i) || t.startsWith('https://', i))) return true;
    } else if (t.charCodeAt(i + 1) === 97 && t.startsWith('data:image', i)) return true;
  }
  return false;
}
