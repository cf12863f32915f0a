import type { Recognizer } from '../types.js';
import { labelRe } from '../labels.js';
import { maskAll } from '../mask.js';
import { phiRule } from './common.js';

export const recognizer: Recognizer = {
  kind: 'age-over-89',
  meta: phiRule('age-over-89', 'Age over 89', 'medium', 'An age of 90 or more (Safe Harbor requires aggregating such ages into "90 or older").'),
  labels: labelRe(['age', 'patient_age', 'age_years', 'age_in_years', 'current_age', 'age_at_death', 'age_at_visit', 'aged', 'dicom_patient_age']),
  antiLabels: /(?:^|_)(?:max|min|cache|cookie|token|session|ttl|limit|image|package|file|data|page|message|msg|stale|retention)_age$/,
  pattern: /(?<![\w.-])(\d{2,3})(?:[ -]?(?:years?|yrs?)[ -]old\b|[ -]?(?:y\/o|yo[mf]?|y\.o\.)(?![\w])|(?=[ -]year[ -]old\b)|(?=[ ]?(?:y|yrs?)\)))|\bage[d]?\b["']?[ \t]*[:=]?[ \t]*["']?(\d{2,3}Y?)(?![\w.])/dgi,
  // Led by a letter, not a digit: a trigger that starts at every digit of a log costs a pass of its own.
  trigger: /\bage|year|y\/o|yo[mf]?\b|yrs?\)|y\)/i,
  judge(v, ctx) {
    const n = Number(v.replace(/Y$/i, ''));
    if (!Number.isInteger(n) || n < 90 || n > 125) return 0;
    // "90+" and "90 or older" are the aggregate Safe Harbor asks for, not an age.
    if (/^\s*(?:\+|or (?:older|over|more)|and (?:older|over))/i.test(ctx.line.slice(ctx.col + v.length))) return 0;
    const after = ctx.line.slice(ctx.col + v.length);
    // `93-year-old`, `93 y/o`, `92 YOF` (age, sex), `(97 yrs)`, `92 y)`. Not a bare `91F`: that is also 91 degrees
    // Fahrenheit, and `90M` 90 megabytes.
    const phrase = /^\s*(?:[ -]?(?:years?|yrs?)[ -]old|[ -]?(?:y\/o|yo|y\.o\.)|[ -]year[ -]old)/i.test(after) || /^ ?(?:y|yrs?)\)/.test(after);
    if (ctx.labelled || phrase) return ctx.patient || ctx.structured ? 0.92 : 0.8;
    return 0;
  },
  mask: maskAll,
};
