import type { RuleMeta, Severity } from '../../../core/types.js';
import type { JudgeContext } from '../types.js';

/** Every PHI rule cites the identifier list and minimum necessary; PHI in a repo is an access-control gap. */
const BASE_HIPAA = ['164.514(b)(2)', '164.502(b)', '164.312(a)(1)'];

export function phiRule(
  kind: string,
  title: string,
  severity: Severity,
  description: string,
  remediation = 'Replace the value with synthetic data (or a documented test value), purge it from git history if it is real, and keep identifiers out of fixtures, seeds and logs.',
  extraHipaa: string[] = [],
): RuleMeta {
  return {
    id: `phi/${kind}`,
    category: 'phi',
    title,
    description,
    severity,
    hipaa: [...BASE_HIPAA, ...extraHipaa],
    remediation,
    helpUri: `docs/phi.md#phi${kind.replace(/[^a-z0-9]/g, '')}`,
    tags: ['phi', 'safe-harbor'],
  };
}

/**
 * The common scoring ladder: labelled values are near-certain, clinical context makes a well-shaped
 * value likely, and a bare shape is only weak evidence (weaker still inside source code).
 */
export function ladder(ctx: JudgeContext, s: { labelled: number; patient: number; bare: number; code?: number }): number {
  if (ctx.labelled) return s.labelled;
  // In source code an unlabelled value is weak evidence even near clinical words (comments, messages).
  const code = s.code ?? s.bare - 0.15;
  if (ctx.textClass === 'code') return ctx.patient ? Math.min(s.patient, code + 0.15) : code;
  if (ctx.patient) return s.patient;
  return s.bare;
}

/** An identifier-like value: 4+ characters, some digits, no spaces (or a UUID). */
export function idLike(v: string, minDigits = 2): boolean {
  const t = v.trim();
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(t)) return true;
  if (!/^[A-Za-z0-9][A-Za-z0-9._:/-]{2,39}$/.test(t)) return false;
  return (t.match(/\d/g) ?? []).length >= minDigits;
}

/** People a value in prose may belong to: the patient or a relative. */
const PATIENT_CUE = /\b(?:patient|pt|mother|father|daughter|son|wife|husband|spouse|sister|brother|niece|nephew|caregiver|guardian|family|home|cell|mobile|callback|call back|cb|lives|resides|residence)\b/gi;

/**
 * Whose value: in prose, the nearest owner named before it. True when a cue of the organisation's own
 * (`Dr.`, `Station 7`, `pharmacy`, `lab contact`) is nearer than any patient or relative.
 */
export function nearerThanPatient(before: string, orgCue: RegExp): boolean {
  let org = -1;
  let patient = -1;
  for (const m of before.matchAll(orgCue)) org = m.index!;
  if (org === -1) return false;
  for (const m of before.matchAll(PATIENT_CUE)) patient = m.index!;
  return org > patient;
}

/** Street types (`Rd`, `Avenue` ...), for street addresses and for telling a street's name from a person's. */
export const STREET_TYPE =
  '(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Court|Ct|Way|Place|Pl|Terrace|Ter|Parkway|Pkwy|Highway|Hwy|Circle|Cir|Trail|Trl|Square|Sq|Loop|Pike|Alley|Plaza|Crossing|Row)';

/**
 * A regex for any of `words` (regex fragments, each starting with a plain letter), grouped by first
 * letter: `a(?:dmi|ppt)|d(?:isch|eath)`. A flat alternation of sixty words tries each one at every
 * position; grouped, most positions fail on their first letter (a trigger scanned over a whole
 * log batch runs in about half the time).
 */
export function wordsRegex(words: readonly string[], flags = ''): RegExp {
  const byFirst = new Map<string, string[]>();
  for (const w of words) {
    const k = flags.includes('i') ? w[0]!.toLowerCase() : w[0]!;
    const rest = byFirst.get(k);
    if (rest) rest.push(w.slice(1));
    else byFirst.set(k, [w.slice(1)]);
  }
  const groups = [...byFirst].map(([c, rest]) => `${c}(?:${rest.sort((a, b) => b.length - a.length).join('|')})`);
  return new RegExp(groups.join('|'), flags);
}
