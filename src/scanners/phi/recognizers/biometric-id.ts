import type { Recognizer } from '../types.js';
import { labelRe } from '../labels.js';
import { maskSecret } from '../../../core/mask.js';
import { phiRule } from './common.js';

export const recognizer: Recognizer = {
  kind: 'biometric-id',
  meta: phiRule('biometric-id', 'Biometric identifier', 'high', 'A fingerprint, retina, iris, voice or face template (or its hash) in a labelled field.'),
  labels: labelRe([
    'fingerprint_(?:template|image|scan|minutiae|data|hash)', 'finger_print', 'retina(?:_scan|_template|_image)?', 'retinal_scan', 'iris(?:_scan|_template|_code|_image)', 'voiceprint',
    'voice_print', 'voice_template', 'face_(?:template|encoding|embedding|vector|signature)', 'facial_(?:template|encoding|embedding|geometry|signature)', 'palm_?print',
    'biometric(?:_id|_template|_hash|_data|_signature|s)?', 'hand_geometry', 'gait_signature',
  ]),
  pattern:
    /\b(?:fingerprint|finger_print|retina|retinal|iris|voice_?print|face|facial|palm_?print|biometric)[_ ]?(?:template|hash|scan|encoding|embedding|image|minutiae|data|signature|code|vector|id)?["']?[ \t]*[:=][ \t]*["']?([A-Za-z0-9+\/=_-]{12,})/dgi,
  trigger: /biometric|fingerprint|retina|iris|voice.?print|face_|facial|palm.?print/i,
  judge(v, ctx) {
    const t = v.trim();
    if (t.length < 8 || /^(?:null|none|true|false|string|undefined)$/i.test(t)) return 0;
    if (!ctx.labelled) return 0;
    return ctx.patient || ctx.structured ? 0.92 : 0.8;
  },
  mask: (v) => maskSecret(v),
};
