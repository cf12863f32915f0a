/**
 * The cheap first pass: most lines of code and logs hold no identifier and no label. A line is
 * kept for the recognizers only when it has a label word or an identifier-like shape; the rest of
 * the text is never looked at again. Two linear regexes, so the cost is one pass over the text.
 */

/** Label and clinical words (case-insensitive). */
const WORDS_G =
  /@|\b(?:dob|d\.o\.b|birth\w*|born|ssn|social|mrn|medical|patient|patients|pt_\w*|pt|name\w*|\w*_name|first|last|surname|given|family|phone\w*|tel|telephone|fax|mobile|cell|e-?mail\w*|address\w*|addr|street|city|zip\w*|postal\w*|npi|dea|licen[cs]e\w*|driver\w*|dl|vin|vehicle|plate|serial\w*|udi|device\w*|imei|ip|ip_?addr\w*|client_ip|remote_addr|age|aged|years?[ -]old|y\/o|yo|claim\w*|encounter\w*|visit\w*|accession|account\w*|acct\w*|member\w*|policy\w*|medicare|medicaid|insurance|insured|subscriber\w*|beneficiary|admi(?:t|ts|tted|ssion)\w*|discharg\w*|death|deceased|died|dod|dos|passport|photo\w*|headshot|portrait|biometric\w*|fingerprint\w*|retina\w*|iris\w*|voice\w*|face\w*|facial|dear|mr|mrs|ms|contact\w*|guarantor|kin|nok|pid|nk1|gt1|in1|pv1|fin|csn|mbi|hicn|specimen|prescription|rx|referral|authori[sz]ation)\b/gi;

/** Identifier shapes and capitalised name pairs (case-sensitive). */
const SHAPES_G =
  /\d{3}[-. ]\d{2}[-. ]\d{4}|\d{3}\)?[-. ]\d{3}[-. ]\d{4}|\+\d{1,3}[ .-]?\(?\d|\(01\)\d{14}|\+[A-Z]\d{3}[A-Z0-9]{5}|\b\d{1,6}[A-Z]? (?:[NSEW]\.? )?[A-Z][a-z]|\b[1-9][A-Z][A-Z0-9]\d-?[A-Z][A-Z0-9]\d|\b\p{Lu}[\p{Ll}'’]+,? (?:\p{Lu}\.? )?\p{Lu}[\p{Ll}'’]+|\b\p{Lu}{2,}\^\p{Lu}|\b[A-HJ-NPR-Z0-9]{17}\b|\b\d{4}[ -]\d{4,6}[ -]\d{4,5}|\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b|https?:\/\/|\b[A-Z][A-Z9]\d{7}\b|data:image/gu;

export interface Selection {
  /** The kept lines joined with `\n`. */
  text: string;
  /** For each kept line: its start in `text` and in the original, interleaved [sub0, orig0, sub1, orig1 ...]. */
  map: number[];
  /** Every line was kept (the selection is the original text). */
  all: boolean;
}

export function selectLines(text: string): Selection {
  // Line starts once, then mark the lines the two global regexes hit (no per-line regex calls).
  const starts: number[] = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const keep = new Uint8Array(starts.length);
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  let kept = 0;
  for (const re of [WORDS_G, SHAPES_G]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const l = lineOf(m.index);
      if (!keep[l]) {
        keep[l] = 1;
        kept++;
      }
      // Skip the rest of a kept line: one hit is enough.
      const next = starts[l + 1];
      re.lastIndex = next === undefined ? text.length : Math.max(re.lastIndex, next);
      if (next === undefined) break;
    }
  }
  if (kept === starts.length) return { text, map: [0, 0], all: true };
  const parts: string[] = [];
  const map: number[] = [];
  let sub = 0;
  for (let l = 0; l < starts.length; l++) {
    if (!keep[l]) continue;
    const s = starts[l]!;
    const e = l + 1 < starts.length ? starts[l + 1]! - 1 : text.length;
    parts.push(text.slice(s, e));
    map.push(sub, s);
    sub += e - s + 1;
  }
  return { text: parts.join('\n'), map, all: false };
}

/** Original offset of an offset in the selection. */
export function toOriginal(sel: Selection, offset: number): number {
  if (sel.all) return offset;
  const m = sel.map;
  let lo = 0;
  let hi = m.length / 2 - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (m[mid * 2]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return m[lo * 2 + 1]! + (offset - m[lo * 2]!);
}
