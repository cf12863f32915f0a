import type { Recognizer } from '../types.js';
import { labelRe } from '../labels.js';
import { maskTail4 } from '../mask.js';
import { syntheticId } from '../synthetic.js';
import { validDea } from '../validators.js';
import { ladder, phiRule } from './common.js';

export const recognizer: Recognizer = {
  kind: 'dea-number',
  meta: phiRule('dea-number', 'DEA registration number', 'medium', 'A DEA registration number (registrant letter, surname letter, seven digits with the DEA check digit).'),
  labels: labelRe(['dea', 'dea_number', 'dea_no', 'dea_registration(?:_number)?', 'dea_reg', 'prescriber_dea', 'identifier_dea']),
  pattern: /(?<![\w-])([ABCDEFGHJKLMPRSTUX][A-Z9]\d{7})(?![\w-])/dg,
  judge(v, ctx) {
    if (!validDea(v)) return 0;
    if (ctx.valueMode) return 0.9;
    return ladder(ctx, { labelled: 0.95, patient: 0.65, bare: 0.45, code: 0.3 });
  },
  mask: maskTail4,
  synthetic: syntheticId,
};
