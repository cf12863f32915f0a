import type { Recognizer } from '../types.js';
import { labelRe } from '../labels.js';
import { maskUrl } from '../mask.js';
import { syntheticDomain } from '../synthetic.js';
import { phiRule } from './common.js';

/** A URL is an identifier when its path or query carries the patient (ids, names, dates of birth). */
const PATIENT_URL = /\/(?:patients?|members?|beneficiar(?:y|ies)|charts?|records?|mrn|children|child|dependents?|residents?|students?|subscribers?|enrollees?|encounters?)\/[A-Za-z0-9-]*\d|[?&;](?:mrn|patient_?id|pid|pat_?id|ssn|dob|birth_?date|member_?id|first_?name|last_?name|name|email|phone|address)=[^&#\s]+/i;

/**
 * A capability link: a random token in a path that stands for one person's visit, share, statement or
 * document (`/v/p_jnfczea75p?role=patient`, `/p/s/4zp6dqv86w`, `/portal/eob/32ece37957aad728.pdf`).
 * Whoever holds it reaches that person's record, so with a patient in view it identifies them.
 */
const CAPABILITY_URL = /\/(?:p|pt|v|visits?|join|sessions?|share[ds]?|s|eob|statements?|documents?|docs?|results?|reports?|letters?|invites?|consults?)\/(?=[A-Za-z0-9_-]*\d)(?=[A-Za-z0-9_-]*[a-z])[A-Za-z0-9_-]{8,40}(?:\.(?:pdf|html?))?(?:[?#]|$)|[?&]role=patient\b/;

export const recognizer: Recognizer = {
  kind: 'url',
  meta: phiRule('url', 'URL tied to a patient', 'medium', "A URL whose path or query identifies a patient (/patients/123, ?mrn=..., ?dob=...), or a personal URL in a patient's record."),
  labels: labelRe(['url', 'uri', 'link', 'href', 'website', 'web_page', 'homepage', 'profile_url', 'photo_url', 'portal_url', 'patient_url', 'personal_url', 'telecom_url', 'social_media']),
  pattern: /\b((?:https?|ftp):\/\/[^\s"'<>()\[\]{}`\\]+[^\s"'<>()\[\]{}`\\.,;:!?])/dgi,
  valuePattern: /(?<![\w@.-])((?:https?:\/\/)?(?:www\.)?(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+(?:[A-Za-z]{2,24})(?::\d{1,5})?(?:\/[^\s"'<>]*)?)(?![\w-])/dg,
  judge(v, ctx) {
    const host = /^(?:[a-z]+:\/\/)?([^/:?#]+)/i.exec(v)?.[1] ?? '';
    if (!/\.[A-Za-z]{2,}$/.test(host) || !host.replace(/^www\./i, '').includes('.')) return 0;
    if (ctx.valueMode) return 0.9;
    if (PATIENT_URL.test(v)) return ctx.textClass === 'code' && !ctx.patient ? 0.5 : 0.85;
    if (CAPABILITY_URL.test(v) && ctx.patient) return 0.7;
    if (ctx.labelled && ctx.patient && /(?:profile|photo|personal|patient|social|website|homepage)/.test(ctx.label ?? '')) return 0.7;
    return 0;
  },
  mask: maskUrl,
  synthetic: (v) => syntheticDomain(/^(?:[a-z]+:\/\/)?([^/:?#]+)/i.exec(v)?.[1] ?? ''),
};
