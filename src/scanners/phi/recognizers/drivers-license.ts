import type { Recognizer } from '../types.js';
import { labelRe } from '../labels.js';
import { maskTail4 } from '../mask.js';
import { syntheticId } from '../synthetic.js';
import { phiRule } from './common.js';

/** State formats vary (1-2 letters + digits, all digits, digit-letter mixes); all need a DL label. */
const DL_SHAPE = /^(?:[A-Z]{1,2}\d{4,14}|\d{7,13}|\d{1,3}[A-Z]\d{4,10}|[A-Z]\d{3}-\d{4}-\d{4}|[A-Z]\d{2}-\d{2}-\d{4}|[A-Z]{1,2}-\d{3}-\d{3}-\d{3})$/;

export const recognizer: Recognizer = {
  kind: 'drivers-license',
  meta: phiRule('drivers-license', "Driver's license number", 'high', "A state driver's license or state ID number in a labelled field (HL7 PID-20)."),
  // `drivers`: Synthea's patients.csv column.
  // `cdl`: a commercial driver's license (DOT exams and driver rosters).
  labels: labelRe(['drivers', 'drivers?_licen[cs]e(?:_number|_no|_num|_id)?', 'driver_s_licen[cs]e(?:_number|_no)?', 'dl', 'dl_number', 'dl_no', 'dl_num', 'dln', 'cdl', 'cdl_(?:number|no|num|id)', 'pid_20', 'state_id(?:_number)?', 'identifier_dl', 'licen[cs]e_number_dl']),
  pattern: /\b(?:Driver'?s?[ _]?Licen[sc]e|D\.?L\.?|DLN|CDL)[ _]?(?:No\.?|Number|Num|#)?(?:[ \t]*[:#=][ \t]*|[ \t]+)["']?([A-Z]{0,2}[-\d][\dA-Z-]{4,15})(?![\w-])/dgi,
  valuePattern: /(?<![\w-])([A-Z]{0,2}\d{5,14}|\d{1,3}[A-Z]\d{4,10})(?![\w-])/dg,
  trigger: /driver|\bc?dl\b|c?dl_|dln|pid\||state.?id/i,
  judge(v, ctx) {
    const t = v.trim().toUpperCase();
    if (!DL_SHAPE.test(t)) return 0;
    if (ctx.valueMode) return 0.85;
    return ctx.labelled ? 0.92 : 0;
  },
  mask: maskTail4,
  synthetic: syntheticId,
};
