import type { Recognizer } from '../types.js';
import { labelRe } from '../labels.js';
import { maskName } from '../mask.js';
import { isNeverName, isWeakSurname, nameScore, nameTokens, PARTICLES, tokenEvidence } from '../names.js';

/** Provider titles and degrees: one list for the value itself and for the text just around it. */
const TITLES = String.raw`(?:Dr|Doctor|Prof)\.?`;
const DEGREES = String.raw`,?\s(?:MD|M\.D\.|DO|RN|NP|PA-C|PhD|DDS|DMD|PharmD|FNP|APRN)`;
const TITLE_START = new RegExp(String.raw`^${TITLES}\s`);
const TITLE_BEFORE = new RegExp(String.raw`\b${TITLES}[ \t]+$`);
/** A staff role right before the name (`RN Deb Kaminski`, `coordinator Mireille Tan`, `crew lead Kyle Brandt`). */
const ROLE_BEFORE = /\b(?:RN|LPN|NP|PA|EMT|paramedic|medic|nurse|pharmacist|technician|tech|therapist|counselor|dispatcher|coordinator|investigator|scientist|analyst|chair|director|manager|supervisor|officer|intern|resident|attending|surgeon|physician|clinician|lead)[ \t]+$/i;
const DEGREE_END = new RegExp(String.raw`${DEGREES}\.?$`);
const DEGREE_AFTER = new RegExp(String.raw`^${DEGREES}(?![\w])`);
/**
 * A relative named after the relation (`granddaughter Maude Vandermolen`, `daughter: Ana Ruiz`): next
 * of kin of a patient are PHI too, and the word says a person's name follows even when no list knows it.
 */
const RELATION_BEFORE = /\b(?:daughter|son|wife|husband|spouse|partner|mother|father|mom|dad|sister|brother|niece|nephew|aunt|uncle|cousin|grandson|granddaughter|grandmother|grandfather|grandma|grandpa|stepdaughter|stepson|caregiver|guardian)(?:'s)?[,:]?[ \t]+["(]?$/i;
/** A house number before (`2900 N Campbell Vista Ave`) or a street type after: the words are a street's name. */
// The number stands alone (not the end of a date `03/04/1961` or a time `10:30`).
const HOUSE_NUMBER_BEFORE = /(?:^|[ \t,;(\["'])\d{1,6}[A-Z]?[ \t]+(?:[NS][EW]?\.?[ \t]+|[EW]\.?[ \t]+)?$/;
const STREET_AFTER = new RegExp(String.raw`^[ \t]+${STREET_TYPE}\b`);
const hasKnownToken = (v: string): boolean => (nameTokens(v) ?? []).some((t) => tokenEvidence(t, 'any') > 0 && !isWeakSurname(t));
import { syntheticName } from '../synthetic.js';
import { phiRule, STREET_TYPE } from './common.js';

/** Relatives and household members, as labels (`Parent: ...`, `mother: ...`). */
const RELATIONS = '(?:parent|mother|father|mom|dad|grandmother|grandfather|grandparent|stepmother|stepfather|sibling|sister|brother|daughter|son|wife|husband|spouse|partner|relative|kin|legal_guardian)(?:_name)?';
const RELATION_LABEL = labelRe([RELATIONS]);

/** Labels that say "a person's name" outright; a bare `name` key needs the value to look like one. */
const SPECIFIC = labelRe([
  '(?:first|last|middle|full|given|family|sur|pt|patient|member|mbr|subscriber|insured|claimant)_nm', 'lst_nm', 'frst_nm', 'fst_nm', 'f_name', 'l_name', 'claimant(?:_name)?', 'beneficiary_name', 'enrollee(?:_name)?', 'dependent_name', 'policy_?holder(?:_name)?', 'caregiver(?:_name)?', 'responsible_party(?:_name)?',
  'patient_name', 'pt_name', 'first_name', 'last_name', 'middle_name', 'given_name', 'family_name', 'full_name', 'fname', 'lname', 'surname',
  'given', 'family', 'maiden', 'maiden_name', 'mother_s_maiden_name', 'emergency_contact(?:_name)?', 'next_of_kin', 'nok_name', 'guarantor(?:_name)?',
  'insured_name', 'subscriber_name', 'member_name', 'spouse(?:_name)?', 'parent_name', 'guardian(?:_name)?', 'legal_name', 'preferred_name',
  'pid_5', 'nk1_2', 'gt1_3', 'in1_16', 'patient', 'dear', 'first', 'last', 'name_of_patient', 'patient_full_name', 'sender_name', 'recipient_name', 'prefix_name', 'native_name', 'name_native', 'name_roman', 'romanized_name', 'name_kanji', 'name_kana', '(?:subject|patient|policy_holder|beneficiary|subscriber|insured)_display',
]);

export const recognizer: Recognizer = {
  kind: 'person-name',
  meta: phiRule('person-name', 'Person name', 'medium', "A person's name in patient data, a labelled name field, or prose with clinical context."),
  labels: labelRe(['maiden', '(?:first|last|middle|full|given|family|sur|pt|patient|member|mbr|subscriber|insured|claimant)_nm', 'lst_nm', 'frst_nm', 'fst_nm', 'f_name', 'l_name', 'claimant', 'enrollee', 'policy_?holder', 'caregiver', 'responsible_party', 'name', 'names', 'first', 'last', 'full_name', 'display_name', 'patient', 'dear', 'pid_5', 'nk1_2', 'gt1_3', 'in1_16', 'given', 'family', 'surname', 'fname', 'lname', 'guarantor', 'next_of_kin', 'emergency_contact', 'spouse', 'guardian', 'sender_name', 'recipient_name',
    // Children's health: the child, the student a school nurse sees, and the parents.
    'student', 'student_name', 'child_name', 'newborn_name', 'infant_name', 'baby_name', '(?:mother|father|mom|dad)_name',
    // Relatives and household members are identifiers of the individual too (164.514(b)(2)(i)):
    // `Parent: Darlene Whitehorse`, `mother: ...`. The value must still look like a name.
    RELATIONS,
    // Who called a clinic's line, and who holds an account or card (`caller_name: ...`, `holder: ...`). Not a bare
    // `caller`: ServiceNow's `caller_id` is the staff member who opened the ticket.
    'caller_name', 'holder', 'account_holder', 'card_holder', 'cardholder(?:_name)?',
    // FHIR references name their target (`subject.display`); names in another script or romanised.
    '(?:subject|patient|policy_holder|beneficiary|subscriber|insured)_display', 'native_name', 'name_native', 'native', 'name_roman', 'romanized_name', 'local_name', 'name_kanji', 'name_kana']),
  antiLabels:
    /(?:^|_)(?:font|author|authors|maintainers?|contributors?|developer|owner|company|organi[sz]ation|org|vendor|manufacturer|product|app|application|package|project|module|class|function|method|file|host|server|service|provider|providers|physician|doctor|dr|practitioner|attending|referring|ordering|nurse|clinician|facility|hospital|institution|user_agent|country|city|state|street|title|label|description|category|tag|brand|drug|medication|diagnosis|(?<!(?:subject|patient|policy_holder|beneficiary|subscriber|insured)_)display|role|field|column|table|schema|resource|event|job|queue|topic|bucket|region|env|branch|repo|team|department|plan|payer|insurer|pharmacy|lab|test(?!_patient)|spec|describe|it|step|scenario|copyright|license|signed_by|reviewed_by|md|thanks|by|credits?|assignee|reporter|creator|approver|reviewer|watchers?|user_profile|operator|staff|employee|agent|pharmacist|prescriber|prescribing|technician|courier|runner|dispenser|verifier|crew|crew_lead|medic|paramedic|dispatcher|coordinator|investigator|pi|analyst|chair|manager|supervisor|nurse_name|rn|run|printed|generated|prepared|exported|collector|collected_by|examiner|proctor|observer|screener|audiologist|hygienist|therapist|counselor|counsellor|caseworker|case_manager|adjuster|mro|tech|techs)(?:_|$)/,
  pattern:
    // A quote before the name is an opening quote unless a letter precedes it (the Brien of O'Brien).
    // Lower-case particles sit between the parts (`Pieter van den Heuvel`, `Luis de la Cruz`).
    // The last form is a roster's `CHATTERJEE, HARPREET`: only name lists can tell it from `ERROR, RETRY`.
    new RegExp(
      String.raw`(?<![\p{L}\p{N}_@.’-])(?<!\p{L}['’])((?:(?:Mr|Mrs|Ms|Miss|Mx)\.?[ \t]+)?\p{Lu}[\p{Ll}'’]+(?:-\p{L}[\p{Ll}'’]+)?(?:[ \t]+\p{Lu}\.?)?(?:[ \t]+(?:(?:${PARTICLES})[ \t]+){0,2}(?:(?:Mc|Mac|O['’]|De|Di|Van|Von|La|Le|Del|Da)[ \t]?)?\p{Lu}[\p{Ll}'’]+(?:-\p{L}[\p{Ll}'’]+)?){1,2}|\p{Lu}[\p{Ll}'’]+(?:-\p{L}[\p{Ll}'’]+)?,[ \t]*\p{Lu}[\p{Ll}'’]+(?:[ \t]+\p{Lu}\.?)?|\p{Lu}{2,}(?:['’-]\p{Lu}+)?\^\p{Lu}{2,}(?:\^\p{Lu}+)?|\p{Lu}{2,}(?:['’-]\p{Lu}{2,})?,[ \t]?\p{Lu}{2,}(?:[ \t]\p{Lu}\.?)?)(?![\p{L}\p{N}_@'’-])`,
      'dgu',
    ),
  judge(v, ctx) {
    const label = ctx.label ?? '';
    // "Dr. Ken Ito", "Ana Reyes, MD": a provider's name is not a patient identifier (an email's From
    // of a referral, a signature). The title may sit just before the value (trimmed off it).
    if (TITLE_START.test(v) || DEGREE_END.test(v) || TITLE_BEFORE.test(ctx.line.slice(Math.max(0, ctx.col - 8), ctx.col)) || (!ctx.labelled && ROLE_BEFORE.test(ctx.line.slice(Math.max(0, ctx.col - 16), ctx.col))) || DEGREE_AFTER.test(ctx.line.slice(ctx.col + v.length, ctx.col + v.length + 12))) return 0;
    if (ctx.valueMode) return nameScore(v, true) >= 0.75 ? 0.9 : 0;
    if (!ctx.structured && (HOUSE_NUMBER_BEFORE.test(ctx.line.slice(Math.max(0, ctx.col - 12), ctx.col)) || STREET_AFTER.test(ctx.line.slice(ctx.col + v.length, ctx.col + v.length + 12)))) return 0;
    // "Patient Portal", "Patient Summary": a label word run into capitalised words labels a name only
    // when a list knows one of its words; after "patient:", "name =" or a quote the label carries it.
    // The same for prose ("the full name of the Compute Engine network"): no separator, no known name.
    const separated = ctx.labelled && /[:=]\s*["'`]?\s*$|["'`]\s*$/.test(ctx.line.slice(Math.max(0, ctx.col - 4), ctx.col));
    // A relation word in prose ("his wife Shandiin Running Horse") is judged as prose, below.
    if (ctx.labelled && (separated || ctx.structured || !RELATION_LABEL.test(label))) {
      const specific = SPECIFIC.test(label);
      if (!separated && !ctx.structured && nameScore(v, false) === 0 && !hasKnownToken(v)) return 0;
      const s = nameScore(v, specific);
      if (specific) return s >= 0.75 ? 0.95 : s > 0 ? 0.6 : 0;
      // Generic `name`/`text`: two words with name-list evidence, or clinical context.
      const free = nameScore(v, false);
      if (free >= 0.55) return ctx.patient ? 0.9 : 0.75;
      return ctx.patient && nameScore(v, true) >= 0.75 && v.trim().includes(' ') ? 0.6 : 0;
    }
    if (RELATION_BEFORE.test(ctx.line.slice(Math.max(0, ctx.col - 24), ctx.col)) && ctx.patient && nameScore(v, true) >= 0.75) return 0.85;
    const s = nameScore(v, false);
    if (s === 0) return 0;
    if (ctx.patient) return Math.min(0.92, s + 0.25);
    return Math.min(s, 0.45) - (ctx.textClass === 'code' ? 0.1 : 0);
  },
  trim(v) {
    // "Patient Maria Lopez", "Dear Ana Reyes", "Maria Lopez Admitted": the name is the middle.
    const words = [...v.matchAll(/[^\s,^]+/g)];
    let a = 0;
    let b = words.length;
    while (a < b && isNeverName(words[a]![0].replace(/\.$/, ''))) a++;
    while (b > a && isNeverName(words[b - 1]![0])) b--;
    if (a >= b) return undefined;
    const s = words[a]!.index!;
    const last = words[b - 1]!;
    // A closing quote is not part of the name ('Ana Reyes').
    let e = last.index! + last[0].length;
    while (e > s && (v[e - 1] === "'" || v[e - 1] === '’')) e--;
    return [s, e];
  },
  mask: maskName,
  synthetic: syntheticName,
  anchor: true,
};
