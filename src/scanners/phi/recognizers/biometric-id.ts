import type { Recognizer } from '../types.js';
import { labelRe } from '../labels.js';
import { maskSecret } from '../../../core/mask.js';
import { phiRule } from './common.js';

/** A biometric modality named on the line: what makes a bare `template`, `enrollment` or `ref` key a biometric one. */
const MODALITY_RE = /\b(?:finger_?prints?|thumb_?prints?|retinal?|iris|voice_?prints?|voice|facial|face[ _-]?(?:match|template|encoding|embedding)|palm(?:[_ -]?(?:vein|print))?|biometrics?|selfie)\b/i;
/** Keys that hold a template reference once a modality is named on the line. */
const GENERIC_KEY_RE = /(?:^|_)(?:template|tpl|enrol(?:l)?ment|ref|hash)(?:_(?:id|hash|ref|no))?$/;

export const recognizer: Recognizer = {
  kind: 'biometric-id',
  meta: phiRule('biometric-id', 'Biometric identifier', 'high', 'A fingerprint, retina, iris, voice, palm-vein or face template (its id or hash) in a labelled field, or after a template key on a line naming the modality.'),
  labels: labelRe([
    'fingerprint_(?:template|image|scan|minutiae|data|hash)', 'finger_print', 'retina(?:_scan|_template|_image)?', 'retinal_scan', 'iris(?:_scan|_template|_code|_image)', 'voiceprint',
    'voice_print', 'voice_template', 'face_(?:template|encoding|embedding|vector|signature)', 'facial_(?:template|encoding|embedding|geometry|signature)', 'palm_?print',
    'biometric(?:_id|_template|_hash|_data|_signature|s)?', 'hand_geometry', 'gait_signature',
    // Vendor exports name the modality and the template (`palm_template_id`, `fp_template_id`, `selfie_template_id`, `voiceprint_ref`).
    '(?:palm|palm_?vein|vein|fp|finger|fingerprint|thumb|thumbprint|iris|retina|retinal|voice|voiceprint|face|facial|selfie|hand|bio|biometric)_(?:template|tpl|enrol(?:l)?ment)(?:_(?:hash|ref))?',
    'voiceprint_ref',
  ]),
  pattern:
    /\b(?:fingerprint|finger_print|retina|retinal|iris|voice_?print|face|facial|palm_?print|biometric)[_ ]?(?:template|hash|scan|encoding|embedding|image|minutiae|data|signature|code|vector|id)?["']?[ \t]*[:=][ \t]*["']?([A-Za-z0-9+\/=_-]{12,})/dgi,
  // A modality, a few words, then a template key and its value (`fingerprint template id=FPT-F26D-52DD-340`,
  // `[Palm] captured hand=L quality=61 template_id=PV-FD58E6462F`, `signature=voice ref=VPR-K8A5-51379`,
  // `Palm-vein template hash: pv1:9a4f0c27e1d35b86`). The value holds a digit: a word is not a template.
  labelPattern:
    /\b(?:finger_?print|thumb_?print|retinal?|iris|voice_?print|voice|palm(?:[_ -]?vein)?|biometric|selfie|face)[^\n]{0,48}?\b(?:template(?:[ _-]?(?:id|hash|ref))?|templateId|tpl(?:_?id)?|enrol(?:l)?ment(?:[ _-]?id)?|ref|hash)["']?[ \t]*[:=]?[ \t]*["']?(?=[A-Za-z0-9:_-]*\d)([A-Za-z0-9][A-Za-z0-9:+\/=_-]{7,63})(?![\w+\/=-])/dgi,
  trigger: /biometric|fingerprint|retina|iris|voice|face|facial|palm|thumb|selfie/i,
  judge(v, ctx) {
    const t = v.trim();
    if (t.length < 8 || /^(?:null|none|true|false|string|undefined)$/i.test(t)) return 0;
    if (!ctx.labelled) {
      // A bare `template`/`ref` key counts only with the modality on the same line.
      if (!GENERIC_KEY_RE.test(ctx.label ?? '') || !MODALITY_RE.test(ctx.line)) return 0;
      if (!/\d/.test(t) || /^\d+(?:\.\d+)?$/.test(t)) return 0;
      return ctx.patient || ctx.structured ? 0.85 : 0.6;
    }
    return ctx.patient || ctx.structured ? 0.92 : 0.8;
  },
  mask: (v) => maskSecret(v),
};
