import type { Recognizer } from '../types.js';
import { labelRe } from '../labels.js';
import { maskDate } from '../mask.js';
import { syntheticDate } from '../synthetic.js';
import { hasTimeOfDay, parseDate, plausibleBirth } from '../validators.js';
import { phiRule } from './common.js';
import { CODE_DATE_PATTERN, DATE_PATTERN, unlabelledAtLineStart } from './dates.js';

/** A log level right after the date (`2024-03-11 INFO`, `[2024-03-11] warn:`): the date is the line's timestamp. */
const LEVEL_AFTER = /^\]?[ \t|:,-]*\[?(?:trace|debug|info|notice|warn(?:ing)?|error|err|fatal|crit(?:ical)?|alert|emerg)\b/i;
/** Only blanks, or the bracket of `[2024-03-11]`, before the value on its line. */
const LINE_START = /^[ \t]*\[?$/;

/** A date that opens a log line, before its level, even without a time of day. */
function logTimestamp(v: string, ctx: { line: string; col: number }): boolean {
  return LINE_START.test(ctx.line.slice(0, ctx.col)) && LEVEL_AFTER.test(ctx.line.slice(ctx.col + v.length, ctx.col + v.length + 16));
}

export const recognizer: Recognizer = {
  kind: 'date-of-birth',
  meta: phiRule('date-of-birth', 'Date of birth', 'high', 'A birth date tied to a person (label, key, HL7 PID-7, FHIR birthDate, DICOM PatientBirthDate), or a date beside a name or MRN.'),
  labels: labelRe(['dob', 'd_o_b', 'date_of_birth', 'birth_date', 'birthdate', 'birthday', 'birth_dt', 'birth_time', 'dt_of_birth', 'born', 'born_on', 'birth', 'pid_7', 'patient_birth_date', 'fecha_de_nacimiento']),
  // A report's own dates (`Run date: 03/15/2024 06:45 AM`, `printed_on`) are when it was made, not a patient's.
  antiLabels: /(?:^|_)(?:run|print|printed|report|generated|export|exported|extract|extracted)_(?:date|dt|on|at|time|timestamp)$/,
  pattern: DATE_PATTERN,
  // Seed files build dates in code: `Date.new(1958, 4, 17)`, `date(1958, 4, 17)`, `LocalDate.of(...)`.
  codePattern: CODE_DATE_PATTERN,
  boostable: true,
  // The timestamp that starts most log lines: unlabelled and with a time, so judge() would say 0.
  quick: (v, before) => !(unlabelledAtLineStart(before) && hasTimeOfDay(v)),
  judge(v, ctx) {
    const p = parseDate(v);
    if (!p || p.year === undefined || p.day === undefined) return 0;
    if (!plausibleBirth(p, ctx.nowYear)) return 0;
    if (ctx.labelled) return p.hasTime && !ctx.structured ? 0.75 : 0.95;
    // A bare date is not PHI; co-occurrence with a name or MRN in the record may raise it.
    return p.hasTime || ctx.textClass === 'code' || logTimestamp(v, ctx) ? 0 : 0.25;
  },
  mask: maskDate,
  synthetic: syntheticDate,
  anchor: true,
};
