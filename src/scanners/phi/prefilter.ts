/**
 * The cheap first pass: most lines of code and logs hold no identifier and no label. A line is
 * kept for the recognizers only when it has a label word or an identifier-like shape; the rest of
 * the text is never looked at again. One linear regex for the words; the shapes are looked for
 * character by character first (shape-hints.ts), and only lines that might hold one meet the regex.
 */
import { mayHaveShape } from './shape-hints.js';

/**
 * Label and clinical words, in lower, Capitalised or UPPER case. Case-sensitive on purpose: the
 * boundaries are "no lower-case letter around", so `patient_mrn`, `birthDate` and `DOB:` match
 * while `agent` or `ipsum` do not; factored by first letter so most positions fail fast. A capital
 * starts a word even after a lower-case letter (`DateOfBirth`, `patientMrn`): the words that start
 * with a capital are a second alternation without the lookbehind (one alternation with a lookbehind
 * per lower-case letter instead was 40% slower on logs).
 */
const WORDS_G =
  /@|(?<![a-z])(?:a(?:ccident|rrest|ppt|ppointment|uthorization|dmission|ccession|dmitted|ccount|ddress|dmit|cct|ddr|ged|ge|UTHORIZATION|DMISSION|CCESSION|DMITTED|CCOUNT|DDRESS|DMIT|CCT|DDR|GED|GE|PPOINTMENT|PPT|RREST|CCIDENT|ccn|cc|CCN|CC)|b(?:eneficiary|iometric|irth|orn|ENEFICIARY|IOMETRIC|IRTH|ORN)|c(?:ardholder|ARDHOLDER|ollected|ontact|laim|ell|ity|sn|ONTACT|LAIM|ELL|ITY|SN|OLLECTED)|d(?:ate|ATE|ispensed|ischarged|ischarge|eceased|river|evice|eath|\.o\.b|ear|ied|od|os|ea|ob|l|ISCHARGED|ISCHARGE|ECEASED|RIVER|EVICE|EATH|\.O\.B|EAR|IED|OD|OS|EA|OB|L|ISPENSED)|e(?:pisode|PISODE|ncounter|\-mail|mail|NCOUNTER|\-MAIL|MAIL)|f(?:illed|ingerprint|amily|acial|irst|ace|ax|in|INGERPRINT|AMILY|ACIAL|IRST|ACE|AX|IN|ILLED)|g(?:uardian|UARDIAN|uarantor|iven|t1|UARANTOR|IVEN|T1)|h(?:eadshot|icn|EADSHOT|ICN)|i(?:njury|mmunization|mplant|ncident|nsurance|nsured|ris|mei|n1|p|NSURANCE|NSURED|RIS|MEI|N1|P|NCIDENT|MPLANT|MMUNIZATION|NJURY)|l(?:icence|icense|ast|ICENCE|ICENSE|AST)|m(?:edicaid|edicare|edical|ember|obile|ail|bi|rn|EDICAID|EDICARE|EDICAL|EMBER|OBILE|AIL|BI|RN)|n(?:ame|pi|ok|k1|m1|AME|PI|OK|K1|M1)|p(?:rocedure|rescription|ostcode|assport|ortrait|atient|olicy|ostal|late|hone|hoto|alm|v1|id|ALM|RESCRIPTION|OSTCODE|ASSPORT|ORTRAIT|ATIENT|OLICY|OSTAL|LATE|HONE|HOTO|V1|ID|ROCEDURE)|r(?:ecord|ECORD|eferral|etina|x|EFERRAL|ETINA|X)|s(?:tate_id|TATE_ID|urgery|ubscriber|pecimen|urname|treet|ocial|erial|elfie|sn|ELFIE|UBSCRIBER|PECIMEN|URNAME|TREET|OCIAL|ERIAL|SN|URGERY)|t(?:ransfusion|el|EL|RANSFUSION)|u(?:di|DI|id|ID)|v(?:accination|ehicle|oice|isit|in|EHICLE|OICE|ISIT|IN|ACCINATION)|y(?:ears|ear|rs|o|\/o|EARS|EAR|RS|O|\/O)|z(?:ip|IP)|o(?:nset|NSET))(?![a-z])|(?:A(?:ccident|rrest|ppt|ppointment|uthorization|dmission|ccession|dmitted|ccount|ddress|dmit|cct|ddr|ged|ge|UTHORIZATION|DMISSION|CCESSION|DMITTED|CCOUNT|DDRESS|DMIT|CCT|DDR|GED|GE|PPOINTMENT|PPT|RREST|CCIDENT|ccn|cc|CCN|CC)|B(?:eneficiary|iometric|irth|orn|ENEFICIARY|IOMETRIC|IRTH|ORN)|C(?:ardholder|ARDHOLDER|ollected|ontact|laim|ell|ity|sn|ONTACT|LAIM|ELL|ITY|SN|OLLECTED)|D(?:ate|ATE|ispensed|ischarged|ischarge|eceased|river|evice|eath|\.o\.b|ear|ied|od|os|ea|ob|l|ISCHARGED|ISCHARGE|ECEASED|RIVER|EVICE|EATH|\.O\.B|EAR|IED|OD|OS|EA|OB|L|ISPENSED)|E(?:pisode|PISODE|ncounter|\-mail|mail|NCOUNTER|\-MAIL|MAIL)|F(?:illed|ingerprint|amily|acial|irst|ace|ax|in|INGERPRINT|AMILY|ACIAL|IRST|ACE|AX|IN|ILLED)|G(?:uardian|UARDIAN|uarantor|iven|t1|UARANTOR|IVEN|T1)|H(?:eadshot|icn|EADSHOT|ICN)|I(?:njury|mmunization|mplant|ncident|nsurance|nsured|ris|mei|n1|p|NSURANCE|NSURED|RIS|MEI|N1|P|NCIDENT|MPLANT|MMUNIZATION|NJURY)|L(?:icence|icense|ast|ICENCE|ICENSE|AST)|M(?:edicaid|edicare|edical|ember|obile|ail|bi|rn|EDICAID|EDICARE|EDICAL|EMBER|OBILE|AIL|BI|RN)|N(?:ame|pi|ok|k1|m1|AME|PI|OK|K1|M1)|P(?:rocedure|rescription|ostcode|assport|ortrait|atient|olicy|ostal|late|hone|hoto|alm|v1|id|ALM|RESCRIPTION|OSTCODE|ASSPORT|ORTRAIT|ATIENT|OLICY|OSTAL|LATE|HONE|HOTO|V1|ID|ROCEDURE)|R(?:ecord|ECORD|eferral|etina|x|EFERRAL|ETINA|X)|S(?:tate_id|TATE_ID|urgery|ubscriber|pecimen|urname|treet|ocial|erial|elfie|sn|ELFIE|UBSCRIBER|PECIMEN|URNAME|TREET|OCIAL|ERIAL|SN|URGERY)|T(?:ransfusion|el|EL|RANSFUSION)|U(?:di|DI|id|ID)|V(?:accination|ehicle|oice|isit|in|EHICLE|OICE|ISIT|IN|ACCINATION)|Y(?:ears|ear|rs|o|\/o|EARS|EAR|RS|O|\/O)|Z(?:ip|IP)|O(?:nset|NSET))(?![a-z])/g;

/**
 * Identifier shapes and capitalised name pairs (case-sensitive; no Unicode classes: speed). Name
 * letters are Latin-1 and Latin Extended-A (Élodie, Łukasz, Dvořák); a name starts where no letter
 * is before it (a lookbehind: `\b` sees no boundary between a space and `É`).
 */
export const SHAPES =
  /\d{3}[-. ]\d{2}[-. ]\d{4}|\d{3}\)?[-. ]\d{3}[-. ]\d{4}|\+\d{1,3}[ .-]?\(?\d|\(01\)\d{14}|\+[A-Z]\d{3}[A-Z0-9]{5}|\b\d{1,6}[A-Z]? (?:[NSEW]\.? )?[A-Z][a-z]|\b[1-9][A-Z][A-Z0-9]\d-?[A-Z][A-Z0-9]\d|(?<![\wÀ-ž])[A-ZÀ-ÞĀ-ž][a-zß-ÿĀ-ž'’]+,? (?:[A-Z]\.? )?[A-ZÀ-ÞĀ-ž][a-zß-ÿĀ-ž'’]+|\b[A-Z]{2,}\^[A-Z]|\b\d{4}[ -]\d{4,6}[ -]\d{4,5}|\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b|https?:\/\/|\b[A-Z][A-Z9]\d{7}\b|data:image/;

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
  WORDS_G.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORDS_G.exec(text)) !== null) {
    const l = lineOf(m.index);
    if (!keep[l]) {
      keep[l] = 1;
      kept++;
    }
    // Skip the rest of a kept line: one hit is enough.
    const next = starts[l + 1];
    if (next === undefined) break;
    WORDS_G.lastIndex = Math.max(WORDS_G.lastIndex, next);
  }
  // Shapes on the other lines: a character-level look first, the regex only where it says maybe.
  for (let l = 0; l < starts.length; l++) {
    if (keep[l]) continue;
    const s = starts[l]!;
    const e = l + 1 < starts.length ? starts[l + 1]! - 1 : text.length;
    if (mayHaveShape(text, s, e) && SHAPES.test(text.slice(s, e))) {
      keep[l] = 1;
      kept++;
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
