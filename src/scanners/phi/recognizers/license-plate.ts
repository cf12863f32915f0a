import type { Recognizer } from '../types.js';
import { labelRe } from '../labels.js';
import { maskAll } from '../mask.js';
import { phiRule } from './common.js';

export const recognizer: Recognizer = {
  kind: 'license-plate',
  meta: phiRule('license-plate', 'License plate number', 'medium', 'A vehicle license plate in a labelled field.'),
  labels: labelRe(['licen[cs]e_plate(?:_number|_no)?', 'plate', 'plate_number', 'plate_no', 'tag_number', 'vehicle_plate', 'registration_plate', 'vehicle_tag']),
  antiLabels: /(?:^|_)(?:boiler|template|name|hot|plate_count|dish|bone|base|license_plate_recognition)$/,
  pattern: /\b(?:Licen[sc]e[ _]Plate|Plate)[ _]?(?:No\.?|Number|#)?(?:[ \t]*[:#=][ \t]*|[ \t]+)["']?([A-Z0-9]{1,4}[ -]?[A-Z0-9]{1,5})(?![\w-])/dgi,
  trigger: /plate|vehicle.?tag|tag.?number/i,
  judge(v, ctx) {
    const t = v.trim();
    if (!/^[A-Z0-9]{1,4}[ -]?[A-Z0-9]{1,5}$/i.test(t) || t.replace(/[ -]/g, '').length < 4 || !/\d/.test(t)) return 0;
    if (t !== t.toUpperCase()) return 0;
    return ctx.labelled ? (ctx.patient || ctx.structured ? 0.9 : 0.8) : 0;
  },
  mask: maskAll,
};
