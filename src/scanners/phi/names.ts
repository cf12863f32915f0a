/**
 * Person-name evidence. Name lists (data/names.json, see data/PROVENANCE.md) say whether a token is
 * a known given name or surname; common English, UI and clinical words never count, and words that
 * are both names and everyday words ("Will", "Grant", "Rose") count only weakly.
 */
import { readFileSync } from 'node:fs';

let FIRST: Set<string> | undefined;
let LAST: Set<string> | undefined;

/** Words that appear in name lists but are far more often something else. */
const NEVER = new Set(
  `the a an and or of for to in on at by with from into new get set add put save sign user users admin test tests name names date dates patient patients
   doctor street court road drive view home page main data type value values string number list map key code error errors status state city
   county center centre north south east west general hospital clinic medical health care first last middle full given family more less not no yes
   true false null none unknown other all any some each this that these those here there when where what who why how is are was were be been being
   has have had do does did can could should would must shall might yes ok okay hello hi dear thanks thank please sir madam team support service
   services account accounts customer client provider member billing claim claims order orders report reports record records file files form forms
   address phone email fax mobile cell work office room unit floor suite box apt department dept lab labs result results note notes summary total
   level high low normal mild severe acute chronic left right upper lower front back side inside outside today tomorrow yesterday morning evening night
   monday tuesday wednesday thursday friday saturday sunday january february march july september october november december jan feb mar apr jun jul aug
   sep sept oct nov dec am pm et est pst utc gmt usa us uk america american united states kingdom new york san los las el la le de del da di van von
   der den du des dos das st saint mr mrs ms miss mx dr prof jr sr ii iii iv md rn np pa do phd dds pharmd lpn cna bsn msn
   internal external emergency urgent primary secondary clinical insurance plan policy group company inc llc corp ltd co pharmacy lab radiology
   cardiology oncology pediatrics surgery therapy mental behavioral dental vision visit admission discharge transfer encounter appointment schedule
   mock stub fake sample example demo foo bar baz qux lorem ipsum dolor sit amet
   kaiser permanente aetna cigna humana anthem molina centene wellcare highmark tricare ambetter healthcare medicare medicaid
   intel mac macintosh safari chrome chromium firefox mozilla gecko webkit khtml windows linux android iphone ipad ubuntu debian`.split(/\s+/),
);

/** Name-list words that are also everyday English: weak evidence on their own. */
const AMBIGUOUS = new Set(
  `will may june april august rose grant mark bill frank young long price king hope faith joy grace summer winter autumn dawn river sky stone wood
   hall hill green brown white black gray grey major chase ray sunny banks walker baker cook cooper carter hunter fisher porter miller turner taylor
   mason parker spencer tucker page field fields lane park west bell bush carpenter cash crystal destiny diamond ember glen golden guy harmony
   honey iris ivy jade jewel justice lily march mercy misty penny pearl ruby sage star storm terry trinity violet wolf young christian angel
   art dale dean drew gene hunter jack jay jean jerry jimmy jordan kay lee max miles nick norman pat rich rob sterling wade ward wells west will
   strong short small little cross church wise power love rich moss rock holly heather jasmine poppy jasper forest`.split(/\s+/),
);

/** Lower case without accents (`Núñez` -> `nunez`); plain ASCII, most tokens, skips the Unicode normalisation. */
const NON_ASCII = /[^\x00-\x7f]/;
const fold = (s: string): string => (NON_ASCII.test(s) ? s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase() : s.toLowerCase());

function load(): void {
  if (FIRST) return;
  const data = JSON.parse(readFileSync(new URL('./data/names.json', import.meta.url), 'utf8')) as { first: string[]; last: string[] };
  FIRST = new Set(data.first.filter((n) => !NEVER.has(n)));
  LAST = new Set(data.last.filter((n) => !NEVER.has(n)));
}

/**
 * The census surnames (data/PROVENANCE.md): sorted lines, searched in place. A Set of 80,000 strings
 * built from JSON cost ~80 ms of start-up and splitting the file into strings ~50 ms; reading it is
 * ~10 ms and a binary search over the text allocates nothing. Loaded on the first token the main
 * lists do not know.
 */
let CENSUS: string | undefined;
let CENSUS_WEAK: string | undefined;
/** Tokens repeat (a log names the same few words on every line): answers are kept, up to a bound. */
const censusSeen = new Map<string, 0 | 1 | 2>();
function censusHas(t: string): 0 | 1 | 2 {
  const known = censusSeen.get(t);
  if (known !== undefined) return known;
  if (CENSUS === undefined) {
    const read = (name: string): string => readFileSync(new URL(`./data/${name}`, import.meta.url), 'latin1');
    CENSUS = read('surnames-census.txt');
    CENSUS_WEAK = read('surnames-census-weak.txt');
  }
  const v = sortedLinesHas(CENSUS, t) ? 2 : sortedLinesHas(CENSUS_WEAK!, t) ? 1 : 0;
  if (censusSeen.size >= 20000) censusSeen.clear();
  censusSeen.set(t, v);
  return v;
}

/** Is `t` a line of `lines` (sorted by code unit, each line ending in `\n`)? */
export function sortedLinesHas(lines: string, t: string): boolean {
  let lo = 0;
  let hi = lines.length;
  // [lo, hi) always holds whole lines.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const s = mid === 0 ? 0 : lines.lastIndexOf('\n', mid - 1) + 1;
    const e = lines.indexOf('\n', s);
    const c = compareAt(lines, s, e === -1 ? lines.length : e, t);
    if (c === 0) return true;
    if (c < 0) lo = (e === -1 ? lines.length : e) + 1;
    else hi = s;
  }
  return false;
}

/** Order of `lines[s, e)` against `t`, by UTF-16 code unit (as `Array#sort` orders strings). */
function compareAt(lines: string, s: number, e: number, t: string): number {
  const n = Math.min(e - s, t.length);
  for (let i = 0; i < n; i++) {
    const d = lines.charCodeAt(s + i) - t.charCodeAt(i);
    if (d !== 0) return d;
  }
  return e - s - t.length;
}

/** Call once per thread before scanning (the scanner's `init` does). Idempotent. */
export const loadNames = load;

export const isNeverName = (token: string): boolean => NEVER.has(fold(token));

/** Known only as a census surname that is also an English word (`Cloud`, `Reader`): no evidence on its own. */
export function isWeakSurname(token: string): boolean {
  load();
  const t = fold(token).replace(/['’.]/g, '');
  return !LAST!.has(t) && !FIRST!.has(t) && censusHas(t) === 1;
}

/** 2 = unambiguous known name, 1 = known but also an everyday word, 0 = not a known name. */
export function tokenEvidence(token: string, which: 'first' | 'last' | 'any'): 0 | 1 | 2 {
  load();
  const t = fold(token.replace(/[.’']/g, (c) => (c === '.' ? '' : "'")));
  if (t.length < 2 || NEVER.has(t)) return 0;
  const bare = t.replace(/'/g, '');
  const inFirst = FIRST!.has(t) || FIRST!.has(bare);
  let inLast = LAST!.has(t) || LAST!.has(bare);
  let weakLast = false;
  if (!inLast && which !== 'first') {
    // Census surnames that are also English words (`handler`, `reader`) are known, but weak evidence.
    const c = censusHas(bare);
    inLast = c === 2;
    weakLast = c === 1;
  }
  const hit = which === 'first' ? inFirst : which === 'last' ? inLast || weakLast : inFirst || inLast || weakLast;
  if (!hit) {
    // O'Sullivan, D'Angelo: the lists hold the name after the particle.
    if (/^[od]'./.test(t)) return tokenEvidence(t.slice(2), which);
    // Compound names ("Hyun-woo", "Garcia-Lopez") are not in the lists whole; their parts are.
    if (!t.includes('-')) return 0;
    const parts = t.split('-').filter((p) => p.length >= 2);
    return parts.length > 1 ? (Math.max(...parts.map((p) => tokenEvidence(p, which))) as 0 | 1 | 2) : 0;
  }
  return AMBIGUOUS.has(bare) || (weakLast && !inFirst) ? 1 : 2;
}

const TITLES = /^(?:mr|mrs|ms|miss|mx|dr|prof|sr|jr|ii|iii|iv|md|rn|phd)\.?$/i;
// Hawaiian ʻokina and combining accents inside a name (`Kaʻiulani`). Abbreviated given names (`Ma.` for María, `Wm.`). The last alternative: scripts without letter case (Hangul, Han, Arabic, Hebrew, Devanagari ...).
// No list knows them, so they count only under a name label (nameScore with `labelled`).
const NAME_TOKEN = /^(?:\p{Lu}[\p{Ll}\p{M}'’ʻ-]+(?:-\p{Lu}[\p{Ll}\p{M}'’ʻ]+)?|\p{Lu}{2,}(?:['’-]\p{Lu}+)?|\p{Lu}\.?|(?:Mc|Mac|O['’]|D['’]|De|Di|La|Le|Van|Von)\p{Lu}[\p{Ll}]+|\p{Lu}\p{Ll}{1,3}\.|\p{Lu}{2,3}\.|(?:\p{Lo}\p{M}*){1,24})$/u;

/** Lower-case particles inside a name (Pieter van der Berg, Luis de la Cruz): neither evidence nor a reason to reject. */
export const PARTICLES = 'van|der|den|de|del|dela|delos|della|la|le|von|zu|da|di|du|dos|das|bin|ibn|al|el|ter|ten';
const PARTICLE = new RegExp(`^(?:${PARTICLES})$`);

/** Split a candidate into name tokens, "LAST, First" and HL7 `LAST^FIRST^M` included; particles are dropped. */
export function nameTokens(value: string): string[] | undefined {
  const all = value.trim().split(/[\s,^]+/).filter((t) => t.length > 0 && !TITLES.test(t));
  // Particles inside a name, or leading a family name (`von Ahlen`), are neither evidence nor a reason to reject.
  const parts = all.filter((t, i) => !(i < all.length - 1 && (i > 0 || all.length > 1) && PARTICLE.test(t)));
  if (parts.length === 0 || parts.length > 5) return undefined;
  for (const p of parts) if (!NAME_TOKEN.test(p)) return undefined;
  return parts;
}

/**
 * How much a value looks like a person's name, 0..1. `labelled` means a key or label already says
 * "name" (then one known token, or a well-formed unknown name, is enough).
 */
export function nameScore(value: string, labelled: boolean): number {
  const tokens = nameTokens(value);
  if (!tokens) return 0;
  const words = tokens.filter((t) => t.replace(/\./g, '').length > 1);
  if (words.length === 0) return 0;
  if (words.some((w) => isNeverName(w))) return labelled && words.length > 1 ? 0.2 : 0;
  const ev = words.map((w) => Math.max(tokenEvidence(w, 'any')));
  const strong = ev.filter((e) => e === 2).length;
  const weak = ev.filter((e) => e === 1).length;
  if (labelled) {
    if (strong > 0) return 1;
    if (weak > 0) return 0.85;
    // Well-formed but unknown (rare surnames, transliterations): the label carries it.
    return words.every((w) => /^[\p{Lu}\p{Lo}]/u.test(w) && (w.length >= 2 || /^\p{Lo}/u.test(w))) ? 0.75 : 0;
  }
  if (words.length < 2) return 0;
  const firstEv = tokenEvidence(words[0]!, 'first');
  const lastEv = tokenEvidence(words[words.length - 1]!, 'last');
  const lastFirstEv = tokenEvidence(words[0]!, 'last') && tokenEvidence(words[words.length - 1]!, 'first');
  if (firstEv === 2 && lastEv >= 1) return lastEv === 2 ? 0.7 : 0.55;
  if (firstEv === 1 && lastEv === 2) return 0.5;
  if (value.includes(',') && lastFirstEv) return 0.6;
  if (strong >= 1 && words.length >= 2) return 0.4;
  return 0;
}
