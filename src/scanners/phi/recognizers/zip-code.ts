import type { Recognizer } from '../types.js';
import { labelRe } from '../labels.js';
import { maskZip } from '../mask.js';
import { phiRule } from './common.js';

export const recognizer: Recognizer = {
  kind: 'zip-code',
  meta: phiRule('zip-code', 'ZIP code', 'low', 'A five-digit or ZIP+4 code in an address or ZIP field (Safe Harbor allows only the first three digits, and not for sparse areas).'),
  labels: labelRe(['zip', 'zip_code', 'zipcode', 'zip5', 'zip_4', 'zip4', 'zip_plus_4', 'zip_plus4', 'postal', 'postal_code', 'postalcode', 'post_code', 'postcode', 'pid_11_zip', 'address_postal_code']),
  antiLabels: /(?:^|_)(?:gzip|unzip|zip_file|zip_path|archive)$/,
  pattern: /\b(?:zip|postal|post)(?:[ _-]?code)?\b["']?\s*[:=#]?\s*["']?(\d{5}(?:-\d{4})?)\b/dgi,
  valuePattern: /(?<![\w-])(\d{5}(?:-\d{4})?)(?![\w-])/dg,
  trigger: /zip|postal|postcode/i,
  judge(v, ctx) {
    const t = v.trim();
    // ZIP, ZIP+4, and ZIP+4 without its dash where a field says ZIP (X12 N403: 981182722).
    if (!(/^\d{5}(?:-\d{4})?$/.test(t) || (ctx.structured && /^\d{9}$/.test(t))) || t.startsWith('00000')) return 0;
    if (ctx.labelled || ctx.valueMode) return ctx.patient || ctx.structured ? 0.85 : 0.7;
    return 0;
  },
  mask: maskZip,
  // Placeholder ZIPs in documentation and tests.
  synthetic: (v) => /^(?:12345|54321|(\d)\1{4})(?:-\d{4})?$/.test(v.trim()),
};
