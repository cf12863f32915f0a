import type { Recognizer } from '../types.js';
import { labelRe } from '../labels.js';
import { maskTail4 } from '../mask.js';
import { syntheticId } from '../synthetic.js';
import { validDea } from '../validators.js';
import { phiRule } from './common.js';

export const recognizer: Recognizer = {
  kind: 'medical-license',
  meta: phiRule('medical-license', 'Medical license or certificate number', 'medium', 'A medical, nursing or professional license number, or a certificate number, in a labelled field.'),
  labels: labelRe([
    'medical_licen[cs]e(?:_number|_no)?', 'state_licen[cs]es?(?:_number|_no)?', 'licen[cs]es_(?:number|no)', 'professional_licen[cs]e(?:_number)?', 'nursing_licen[cs]e', 'rn_licen[cs]e',
    'md_licen[cs]e', 'licen[cs]e_no', 'licen[cs]e_number', 'license_num', 'certificate(?:_number|_no|_num)?', 'cert_no', 'cert_number', 'board_certification(?:_number)?', 'identifier_md',
  ]),
  antiLabels: /(?:^|_)(?:software|spdx|driver|drivers|driver_s|business|liquor|ssl|tls|x509|cert_file|cert_path|certificate_file|certificate_path|certificate_arn|certificate_authority|key)_(?:licen[cs]e|certificate|cert)(?:_number|_no)?$/,
  pattern:
    /\b(?:(?:Medical|State|Professional|Nursing|RN|MD|Physician)[ _]Licen[sc]e|Licen[sc]e|Certificate|Cert\.?)[ _]?(?:No\.?|Number|Num|#)(?:[ \t]+is)?(?:[ \t]*[:#=][ \t]*|[ \t]+)["']?([A-Z]{0,3}-?\d{4,10}|[A-Z][A-Z9]\d{7})(?![\w-])/dgi,
  valuePattern: /(?<![\w-])([A-Z][A-Z9]\d{7}|[A-Z]{1,3}-?\d{4,10})(?![\w-])/dg,
  trigger: /licen[cs]e|certificate|cert\b/i,
  judge(v, ctx) {
    const t = v.trim().toUpperCase();
    // DEA-shaped values are DEA numbers (the usual "license" of a prescriber): the check digit must hold.
    if (/^[A-Z][A-Z9]\d{7}$/.test(t)) return validDea(t) ? (ctx.valueMode ? 0.9 : ctx.labelled ? 0.92 : 0) : 0;
    // `DR.0052096`, `MD2019-3608`, `RN-482913`: a board prefix, then digits (a year and a serial).
    if (!/^[A-Z]{0,3}[-.]?\d{4,10}[A-Z]?$/.test(t) && !/^[A-Z]{0,3}\d{4}-\d{3,6}$/.test(t)) return 0;
    if (ctx.valueMode) return 0.85;
    return ctx.labelled ? 0.88 : 0;
  },
  mask: maskTail4,
  synthetic: syntheticId,
};
