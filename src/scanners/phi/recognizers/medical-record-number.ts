import type { Recognizer } from '../types.js';
import { labelRe } from '../labels.js';
import { maskTail4 } from '../mask.js';
import { syntheticId } from '../synthetic.js';
import { idLike, phiRule } from './common.js';
import { nameScore } from '../names.js';

const REST_PARENT = /\/patients?\/$/i;

/**
 * A record number written beside its person, with neither label: `Lucia Halvorsen (BW7063350)`,
 * `BW9083152 (IWASAKI, SIOBHAN)`. The id must have a letter prefix and five or more digits, and the
 * words in the other half must score as a person's name (names.ts), so `Build 7 (RC20240311)` or
 * `ERR4041234 (Connection Reset)` are not.
 */
const NAME_BEFORE = /((?:\p{Lu}[\p{L}'’-]+(?:,?[ \t]|\^)){1,2}\p{Lu}[\p{L}'’-]+)[ \t]?\($/u;
const NAME_AFTER = /^\)?[ \t]?\(((?:\p{Lu}[\p{L}'’-]+,?[ \t]){1,2}\p{Lu}[\p{L}'’-]+)\)/u;
const PREFIXED_ID = /^[A-Z]{1,4}-?\d{5,12}$/;
function besideName(v: string, line: string, col: number): boolean {
  if (!PREFIXED_ID.test(v)) return false;
  const before = NAME_BEFORE.exec(line.slice(Math.max(0, col - 60), col));
  // HL7's `LAST^FIRST` reads as `LAST, FIRST`.
  if (before && line[col + v.length] === ')' && nameScore(before[1]!.trim().replace(/\^/g, ', '), false) >= 0.5) return true;
  const after = NAME_AFTER.exec(line.slice(col + v.length, col + v.length + 60));
  return after !== null && nameScore(after[1]!.trim(), false) >= 0.5;
}

export const recognizer: Recognizer = {
  kind: 'medical-record-number',
  meta: phiRule('medical-record-number', 'Medical record number', 'high', 'A medical record number, chart number or patient identifier (MRN label, HL7 PID-3, FHIR identifier of type MR, DICOM PatientID).', undefined, ['164.312(c)(1)']),
  labels: labelRe([
    'mrn', 'mr_number', 'medical_record(?:_number|_no|_num|_id)?', 'med_rec(?:_no|_num)?', 'chart(?:_no|_number|_num|_id)?', 'patient_id', 'patientid', 'pat_id', 'pt_id',
    'patient_number', 'patient_no', 'hospital_number', 'hosp_no', 'unit_number', 'emr_id', 'ehr_id', 'pid_3', 'pid_2', 'pid_4', 'identifier_mr', 'identifier_mrn',
    'identifier_value', 'patient_identifier', 'record_number', 'mpi', 'empi', 'enterprise_id', 'dicom_patient_id', 'patient', 'patient_ref', 'pt', 'patient_mrn',
    // CDA and HL7 v3: recordTarget/patientRole/id carries the patient's identifier.
    'patient_role_id',
    // A PACS or RIS audit's `pid=SPM0340442` (a process id is a bare number: judge() wants a letter).
    'pid',
  ]),
  antiLabels: /(?:^|_)(?:provider|practitioner|organization|org|facility|location|device|order|message|msg|request|trace|span|session|correlation)_(?:id|identifier)$/,
  pattern: /\b(?:MRN|Medical[ _]Record(?:[ _]?(?:Number|No\.?|Num|#))?|Chart[ _]?(?:No\.?|Number|#)|Patient[ _]?(?:ID|No\.?|Number|#))(?:[ \t]*\([^)\n]{1,12}\))?(?:[ \t]*[:#=-][ \t]*|[ \t]+|-|_)["']?([A-Z]{0,4}-?\d[\dA-Z-]{2,19})(?![\w-])|\/patients?\/([A-Z]{0,4}-?\d[\dA-Z-]{4,19})(?=[\/?#"'\s]|$)/dgi,
  // `Siobhan Iwasaki (BW9083152)`, `BW9083152 (IWASAKI, SIOBHAN)`: judged by besideName().
  // No lookbehind (a third of the cost on a log) and no Unicode mode: besideName() checks both sides.
  labelPattern: /\b([A-Z]{1,4}-?\d{5,12})(?=\)|[ \t]\([A-Z\u00C0-\u024F])/dg,
  valuePattern: /(?<![\w-])([A-Z]{0,4}-?\d[\dA-Z-]{3,19})(?![\w-])/dg,
  trigger: /mrn|medical.?record|chart|patient.?(?:id|no|number|#)|pid|\/patients?\/|\([a-z]{1,4}-?\d{5}|\d{5}[ \t]?\([a-z]/i,
  judge(v, ctx) {
    if (!idLike(v, 3)) return 0;
    if (ctx.valueMode) return 0.9;
    if (ctx.labelled && /(?:^|_)pid$/.test(ctx.label ?? '') && !/[A-Za-z]/.test(v)) return 0;
    if (ctx.labelled) return ctx.patient || ctx.structured ? 0.95 : 0.85;
    // A REST path names the record (`GET /patients/BC-0062118/chart`): the id of a patient.
    if (REST_PARENT.test(ctx.line.slice(Math.max(0, ctx.col - 10), ctx.col))) return 0.7;
    return besideName(v, ctx.line, ctx.col) ? (ctx.patient ? 0.75 : 0.6) : 0;
  },
  mask: maskTail4,
  synthetic: syntheticId,
  anchor: true,
};
