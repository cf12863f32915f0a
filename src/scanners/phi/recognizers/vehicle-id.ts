import type { Recognizer } from '../types.js';
import { labelRe } from '../labels.js';
import { maskTail4 } from '../mask.js';
import { syntheticId } from '../synthetic.js';
import { validVin } from '../validators.js';
import { ladder, phiRule } from './common.js';

export const recognizer: Recognizer = {
  kind: 'vehicle-id',
  meta: phiRule('vehicle-id', 'Vehicle identification number', 'medium', 'A 17-character VIN whose check digit (position 9) is valid.'),
  labels: labelRe(['vin', 'vin_number', 'vehicle_id', 'vehicle_identification_number', 'vehicle_vin', 'chassis_number']),
  // The lookahead first lets V8 reject most positions by their first character before it evaluates
  // the lookbehind (a quarter less time on a log); the matches are the same.
  pattern: /(?=[A-HJ-NPR-Z0-9])(?<![\w-])([A-HJ-NPR-Z0-9]{17})(?![\w-])/dg,
  judge(v, ctx) {
    if (!validVin(v)) return 0;
    // Hex digests and random tokens pass 1 in 11; require VIN-like letter density.
    if (/^[0-9A-F]{17}$/.test(v) && !ctx.labelled) return 0;
    return ladder(ctx, { labelled: 0.95, patient: 0.75, bare: 0.5, code: 0.35 });
  },
  mask: maskTail4,
  synthetic: syntheticId,
};
