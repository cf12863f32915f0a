import type { Recognizer } from '../types.js';
import { labelRe } from '../labels.js';
import { maskTail4 } from '../mask.js';
import { syntheticId } from '../synthetic.js';
import { validNpi } from '../validators.js';
import { phiRule } from './common.js';

/** The qualifiers of labelPattern, checked again on the candidate's line (the pattern only finds it). */
const QUALIFIED_BEFORE = /(?:root="2\.16\.840\.1\.113883\.4\.6"[ \t]+extension="|\bNM1\*[^*~]*\*1\*(?:[^*~]*\*){5}XX\*)$/;
const QUALIFIED_AFTER = /^(?:"[ \t]+root="2\.16\.840\.1\.113883\.4\.6"|\^[^|\r\n]{0,80}?&2\.16\.840\.1\.113883\.4\.6&)/;

export const recognizer: Recognizer = {
  kind: 'npi',
  meta: phiRule('npi', 'National Provider Identifier', 'low', 'A National Provider Identifier (10 digits, Luhn check over the 80840 prefix) in a labelled field.'),
  labels: /(?:^|_)npi(?:_|$)|(?:^|_)(?:national_provider_id(?:entifier)?|provider_identifier)$/,
  // Legacy list kept for documentation of the usual names:
  // labelRe(['npi', 'npi_number', 'national_provider_id(?:entifier)?', 'provider_npi', 'billing_npi', 'rendering_npi', 'attending_npi', 'identifier_npi', 'provider_identifier', 'prescriber_npi']),
  pattern: /(?<![\w-])([12]\d{3}([- ]?)\d{3}\2\d{3})(?![\w-])/dg,
  // Interchange formats name an NPI by its qualifier rather than a word: CDA and HL7 v3 by the NPI's
  // OID (`<id root="2.16.840.1.113883.4.6" extension="1474768516"/>`), HL7 v2 by the assigning
  // authority of an XCN (`1157799978^Marchand^Colette^^^^^^^&2.16.840.1.113883.4.6&ISO`), X12 by
  // the `XX` qualifier before the id of an NM1 naming a person (`NM1*P3*1*SAELEE*QUENTIN****XX*1292352287~`;
  // entity type 2, an organisation, and N1 segments are a practice's or a payee's, not a person's).
  labelPattern:
    /root="2\.16\.840\.1\.113883\.4\.6"[ \t]+extension="(\d{10})"|extension="(\d{10})"[ \t]+root="2\.16\.840\.1\.113883\.4\.6"|(?<![\w-])(\d{10})\^[^|\r\n]{0,80}?&2\.16\.840\.1\.113883\.4\.6&|\bNM1\*[^*~\r\n]*\*1\*(?:[^*~\r\n]*\*){5}XX\*(\d{10})(?=[~*\r\n]|$)/dgm,
  trigger: /npi|national.?provider|provider.?id|2\.16\.840\.1\.113883\.4\.6|\*XX\*/i,
  judge(v, ctx) {
    if (!validNpi(v)) return 0;
    if (ctx.valueMode) return 0.9;
    if (ctx.labelled) return 0.95;
    return QUALIFIED_BEFORE.test(ctx.line.slice(Math.max(0, ctx.col - 40), ctx.col)) || QUALIFIED_AFTER.test(ctx.line.slice(ctx.col + v.length, ctx.col + v.length + 100)) ? 0.9 : 0;
  },
  mask: maskTail4,
  synthetic: syntheticId,
};
