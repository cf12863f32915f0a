import type { Recognizer } from '../types.js';
import { labelRe } from '../labels.js';
import { maskName } from '../mask.js';
import { ladder, nearerThanPatient, phiRule, STREET_TYPE } from './common.js';

const SUFFIX = STREET_TYPE;
const STATES =
  'AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR|GU|VI';

/** Famous and placeholder addresses (White House, Apple, Google, the Simpsons, Sherlock Holmes). */
const PLACEHOLDER = /^(?:123 (?:Main|Fake|Any|Test|Elm|Sesame|Example|Sample|Placeholder)|Any ?town$|Any ?city$|1600 (?:Pennsylvania|Amphitheatre)|1 (?:Infinite Loop|Apple Park|Microsoft Way)|742 Evergreen|221B? Baker|350 Fifth Ave|1 Main St)/i;

const FACILITY_CUE = /\b(?:hospital|clinic|center|centre|office|station|pharmacy|lab|laboratory|store|headquarters|HQ|campus|facility|branch|agency|practice|medical group)\b/gi;

/** A street word anywhere in a value (compiled once: judge runs per candidate). */
const SUFFIX_WORD_RE = new RegExp(String.raw`\b${SUFFIX}\b`, 'i');

export const recognizer: Recognizer = {
  kind: 'street-address',
  meta: phiRule('street-address', 'Street address or city', 'medium', 'A street address, or a city or county in an address field (geographic subdivisions smaller than a state).'),
  labels: labelRe([
    'address', 'addr', 'street', 'street_address', 'address_line(?:_?[12])?', 'address_?[12]', 'addr_?[12]', 'line', 'line_?[12]', 'home_address', 'mailing_address',
    'residence', 'city', 'town', 'county', 'pid_11', 'nk1_4', 'gt1_5', 'address_city', 'address_line', 'patient_address', 'lives_at',
  ]),
  antiLabels: /(?:^|_)(?:ip|mac|email|e_mail|web|url|memory|server|host|bind|listen|remote|wallet|contract|billing_provider|facility|hospital|clinic|office|company|practice|pharmacy|line_no|line_number|line_count|new_line|baseline|deadline|pipeline|timeline|inline|offline|online|headline|polyline)_?(?:address|addr|line|city)?$/,
  // A post-directional after the street type (`Sandia Vista Rd NE`); `City ST 12345` with or without
  // the comma before the state.
  pattern: new RegExp(
    String.raw`(?<![\w-])(\d{1,6}[A-Z]?(?:-\d{1,4})?[ \t]+(?:(?:[NSEW]\.?|North|South|East|West)[ \t]+)?(?:\p{Lu}[\p{L}'.-]*|\d{1,3}(?:st|nd|rd|th))(?:[ \t]+\p{Lu}[\p{L}'.-]*){0,3}[ \t]+${SUFFIX}\b\.?(?:[ \t]+(?:[NS][EW]|[NSEW])\b\.?)?(?:,?[ \t]+(?:Apt|Apartment|Suite|Ste|Unit|#)\.?[ \t]*#?[\w-]+)?(?:,[ \t]*\p{Lu}[\p{L}.'-]+(?:[ \t]+\p{Lu}[\p{L}.'-]+){0,2}(?:,?[ \t]*(?:${STATES})(?:[ \t]+\d{5}(?:-\d{4})?)?|[ \t]+\d{5}(?:-\d{4})?))?)(?![\w-])`,
    'dgu',
  ),
  boostable: true,
  judge(v, ctx) {
    const t = v.trim();
    if (PLACEHOLDER.test(t)) return ctx.labelled ? 0.95 : 0.6;
    if (/^\d/.test(t) && !SUFFIX_WORD_RE.test(t)) {
      // "12 Hosp Rd"-less numbers in an address field: accept "1234 Something" shapes only when labelled.
      return ctx.labelled && /^\d{1,6}[A-Z]?\s+\p{L}/u.test(t) ? 0.85 : 0;
    }
    if (ctx.labelled) {
      // A street field without a number or a street word is a UI string ("Dirección" in a locale
      // file), not an address; city/county fields hold one to three capitalised words.
      const cityField = /(?:^|_)(?:city|town|county|municipality|locality|district)(?:_|$)/.test(ctx.label ?? '');
      if (!cityField && !/\d/.test(t) && !SUFFIX_WORD_RE.test(t)) return 0;
      if (/^\p{Lu}[\p{L}.'-]*(?:[ -]\p{Lu}?[\p{L}.'-]+){0,3}$/u.test(t) || /\d/.test(t)) return /^(?:null|none|unknown|n\/a|string|text|city|town)$/i.test(t) ? 0 : 0.9;
      return 0;
    }
    // `Station 7 4410 SE Ridgecrest Rd`, `MesaVerde Reference Laboratory, 7750 S Kyrene ...`: the
    // organisation's own address, unless a patient or relative is named nearer.
    if (nearerThanPatient(ctx.line.slice(Math.max(0, ctx.col - 48), ctx.col), FACILITY_CUE)) return 0;
    return ladder(ctx, { labelled: 0.95, patient: 0.85, bare: 0.5, code: 0.4 });
  },
  mask: maskName,
  // `4564 Mullan Rd, Augusta, MT 59410`: the ZIP is an identifier of its own kind (and masked as one).
  tail: (v) => {
    const m = / (\d{5}(?:-\d{4})?)$/.exec(v);
    return m ? { kind: 'zip-code', at: m.index + 1 } : undefined;
  },
  synthetic: (v) => PLACEHOLDER.test(v.trim()),
};
