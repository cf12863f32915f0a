import type { Recognizer } from '../types.js';
import { labelRe } from '../labels.js';
import { maskTail4 } from '../mask.js';
import { syntheticId } from '../synthetic.js';
import { validDea } from '../validators.js';
import { phiRule } from './common.js';

/** Licensing boards' prefixes (MD, DO, DDS, RN, LCSW ...), optionally after a state code, then the serial. */
const BOARDS = 'MD|DO|DDS|DMD|RN|LPN|LVN|NP|APRN|ARNP|CNP|PA|PA-C|PSY|LCSW|LICSW|LMFT|LPC|LMHC|RDH|PT|PTA|OT|RPH|DC|OD|DPM|CRNA|CNM|EMT|PARAMEDIC';
const PROFESSION_RE = new RegExp(`^(?:[A-Z]{2}-)?(?:${BOARDS})[ -]?\\d{4,8}$`);
/** Keys that say "licence" without saying whose: software licences use them too (a bare number under one is not read as a clinician's). */
const BARE_KEY_RE = /(?:^|_)(?:licen[cs]e|lic)$/;

export const recognizer: Recognizer = {
  kind: 'medical-license',
  meta: phiRule('medical-license', 'Medical license or certificate number', 'medium', 'A medical, nursing or professional license number, or a certificate number, in a labelled field.'),
  labels: labelRe([
    'medical_licen[cs]e(?:_number|_no)?', 'state_licen[cs]es?(?:_number|_no)?', 'licen[cs]es_(?:number|no)', 'professional_licen[cs]e(?:_number)?', 'nursing_licen[cs]e', 'rn_licen[cs]e',
    'md_licen[cs]e', 'licen[cs]e_no', 'licen[cs]e_number', 'license_num', 'certificate(?:_number|_no|_num)?', 'cert_no', 'cert_number', 'board_certification(?:_number)?', 'identifier_md',
    '(?:clinician|prescriber|provider|physician|practitioner|nurse|nursing|rendering|treating|dentist|therapist|counselor|pharmacist)_licen[cs]e',
    // A bare `license` or `lic` key: only a value with a profession's board prefix counts (see judge), not `MIT`.
    'licen[cs]e', 'lic',
  ]),
  antiLabels: /(?:^|_)(?:software|spdx|driver|drivers|driver_s|business|liquor|ssl|tls|x509|cert_file|cert_path|certificate_file|certificate_path|certificate_arn|certificate_authority|key)_(?:licen[cs]e|certificate|cert)(?:_number|_no)?$/,
  pattern:
    /\b(?:(?:Medical|State|Professional|Nursing|RN|MD|Physician)[ _]Licen[sc]e|Licen[sc]e|Certificate|Cert\.?)[ _]?(?:No\.?|Number|Num|#)(?:[ \t]+is)?(?:[ \t]*[:#=][ \t]*|[ \t]+)["']?([A-Z]{0,3}-?\d{4,10}|[A-Z][A-Z9]\d{7})(?![\w-])/dgi,
  // A board prefix written in prose after `Lic`/`License` (`CA Lic. DDS 14592`, `Montana license MT-MD-25360`).
  labelPattern: new RegExp(`\\b(?:[Ll]ic\\.?|LIC\\.?|[Ll]icen[sc]e|LICEN[SC]E)[ \\t]*[:#]?[ \\t]*((?:[A-Z]{2}-)?(?:${BOARDS})[ -]?\\d{4,8}|[A-Z]{1,3}[.-]?\\d{5,10})(?![\\w-])`, 'dg'),
  valuePattern: /(?<![\w-])([A-Z][A-Z9]\d{7}|[A-Z]{1,3}-?\d{4,10})(?![\w-])/dg,
  trigger: /licen[cs]e|certificate|cert\b|\blic\b/i,
  judge(v, ctx) {
    const t = v.trim().toUpperCase();
    // `DDS 19066`, `LCSW 28408`, `MT-MD-10148`, `APRN-93023`: a board's own prefix says a clinician's licence.
    if (PROFESSION_RE.test(t)) return ctx.valueMode ? 0.85 : ctx.labelled || ctx.patient ? 0.85 : 0;
    if (BARE_KEY_RE.test(ctx.label ?? '') && /^\d+$/.test(t) && !ctx.valueMode) return 0;
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
