import type { Recognizer } from '../types.js';
import { labelRe } from '../labels.js';
import { maskTail4 } from '../mask.js';
import { syntheticId } from '../synthetic.js';
import { validNpi } from '../validators.js';
import { phiRule } from './common.js';

export const recognizer: Recognizer = {
  kind: 'npi',
  meta: phiRule('npi', 'National Provider Identifier', 'low', 'A National Provider Identifier (10 digits, Luhn check over the 80840 prefix) in a labelled field.'),
  labels: /(?:^|_)npi(?:_|$)|(?:^|_)(?:national_provider_id(?:entifier)?|provider_identifier)$/,
  // Legacy list kept for documentation of the usual names:
  // labelRe(['npi', 'npi_number', 'national_provider_id(?:entifier)?', 'provider_npi', 'billing_npi', 'rendering_npi', 'attending_npi', 'identifier_npi', 'provider_identifier', 'prescriber_npi']),
  pattern: /(?<![\w-])([12]\d{3}([- ]?)\d{3}\2\d{3})(?![\w-])/dg,
  trigger: /npi|national.?provider|provider.?id/i,
  judge(v, ctx) {
    if (!validNpi(v)) return 0;
    if (ctx.valueMode) return 0.9;
    return ctx.labelled ? 0.95 : 0;
  },
  mask: maskTail4,
  synthetic: syntheticId,
};
