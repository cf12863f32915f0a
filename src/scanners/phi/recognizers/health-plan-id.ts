import type { Recognizer } from '../types.js';
import { labelRe } from '../labels.js';
import { maskTail4 } from '../mask.js';
import { syntheticId } from '../synthetic.js';
import { MBI_RE, validMbi } from '../validators.js';
import { idLike, ladder, phiRule } from './common.js';

export const recognizer: Recognizer = {
  kind: 'health-plan-id',
  meta: phiRule('health-plan-id', 'Health plan beneficiary number', 'high', 'A health plan member, subscriber or policy number, or a Medicare Beneficiary Identifier (MBI format with its letter and digit positions).', undefined, ['164.312(c)(1)']),
  labels: labelRe([
    'mbi', 'member', 'medicare(?:_id|_number|_no|_beneficiary_id)?', 'medicaid(?:_id|_number|_no)?', 'hicn', 'member_id', 'memberid', 'member_number', 'member_no',
    'subscriber_id', 'subscriber_number', 'policy_number', 'policy_no', 'policy_id', 'insurance_id', 'insurance_number', 'insurance_member_id',
    'beneficiary_id', 'beneficiary_number', 'health_plan_id', 'plan_member_id', 'insured_id', 'in1_36', 'in1_49', 'identifier_mb', 'identifier_mbi',
    'identifier_medicare', 'identifier_medicaid', 'coverage_subscriber_id', 'subscriber', 'cardholder_id',
  ]),
  pattern: /\b([1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y]{2}\d{2})(?![\w-])/dg,
  labelPattern:
    /\b(?:Member|Subscriber|Policy|Insurance|Medicaid|Medicare|Beneficiary|MBI|HICN)[ _]?(?:ID|No\.?|Number|#)?(?:[ \t]*[:#=][ \t]*|[ \t]+)["']?([A-Z0-9][A-Z0-9-]{4,19})(?![\w-])/dg,
  valuePattern: /(?<![\w-])([1-9][A-Za-z][A-Za-z0-9]\d-?[A-Za-z][A-Za-z0-9]\d-?[A-Za-z]{2}\d{2})(?![\w-])/dg,
  standalone: true,
  quick: (_v, before) => !before.endsWith('-'),
  judge(v, ctx) {
    const t = v.trim();
    if (MBI_RE.test(t)) {
      if (!validMbi(t)) return 0;
      if (ctx.valueMode) return 0.9;
      if (t !== t.toUpperCase() && !ctx.labelled) return 0;
      return ladder(ctx, { labelled: 0.97, patient: 0.85, bare: 0.6, code: 0.45 });
    }
    if (ctx.valueMode) return 0;
    if (!ctx.labelled || !idLike(t, 3)) return 0;
    return ctx.patient || ctx.structured ? 0.92 : 0.8;
  },
  mask: maskTail4,
  synthetic: syntheticId,
  anchor: true,
};
