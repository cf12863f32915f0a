import type { Recognizer } from '../types.js';
import { labelRe } from '../labels.js';
import { maskTail4 } from '../mask.js';
import { syntheticSsn } from '../synthetic.js';
import { validSsn } from '../validators.js';
import { ladder, phiRule } from './common.js';

export const recognizer: Recognizer = {
  kind: 'us-ssn',
  meta: phiRule('us-ssn', 'US Social Security number', 'high', 'A Social Security number (valid area, group and serial) in a file or log.'),
  labels: labelRe(['ssn', 'social_security(?:_number)?', 'soc_sec', 'ss_num', 'ss_no', 'ssn_last4', 'pid_19', 'us_ssn', 'identifier_ssn', 'taxpayer_id', 'tin']),
  pattern: /\b(\d{3}([- .]?)\d{2}([- .]?)\d{4})(?![\w-]|\.\d)/dg,
  standalone: true,
  // Nine bare digits are an SSN only after an SSN label; skip the context work for the rest.
  quick: (v, before) => !/[.-]$/.test(before) && (/\D/.test(v) || /ss|soc|tin|pid|tax/i.test(before)),
  judge(v, ctx) {
    // Mixed separators (693-09.4444) are not SSNs; neither are invalid areas, groups, serials.
    const seps = v.replace(/\d/g, '');
    if (seps.length === 2 && seps[0] !== seps[1]) return 0;
    // One separator is another number's grouping: ZIP+4 (60637-1718), "200 284113" in an access log.
    if (seps.length === 1 && !ctx.labelled) return 0;
    if (seps.includes('.') && !ctx.labelled && !ctx.valueMode) return 0;
    if (!validSsn(v)) return 0;
    // "... q 884 75 1062 q 784 ...": three numbers inside a space-separated list (font outlines,
    // matrices, coordinates) are not an SSN unless a label says so.
    if (seps === '  ' && !ctx.labelled && (/(?:\d|(?<![A-Za-z])[A-Za-z])[ \t]+$/.test(ctx.line.slice(Math.max(0, ctx.col - 8), ctx.col)) || /^[ \t]+(?:\d|[A-Za-z](?![A-Za-z]))/.test(ctx.line.slice(ctx.col + v.length, ctx.col + v.length + 8)))) return 0;
    const separated = seps.length > 0;
    if (ctx.valueMode) return 0.9;
    return ladder(ctx, { labelled: 0.97, patient: separated ? 0.85 : 0.3, bare: separated ? 0.6 : 0.1, code: separated ? 0.5 : 0 });
  },
  mask: maskTail4,
  synthetic: syntheticSsn,
  anchor: true,
};
