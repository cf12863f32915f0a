import type { Recognizer } from '../types.js';
import { labelRe } from '../labels.js';
import { maskSecret } from '../../../core/mask.js';
import { phiRule } from './common.js';

/** Image files whose path says they show a patient or a face. */
export const IMAGE_EXT_RE = /\.(?:jpe?g|png|heic|heif|bmp|tiff?|webp|gif)$/i;
export const DICOM_EXT_RE = /\.(?:dcm|dicom|dic)$/i;
const FACE_PATH_RE = /(?:^|[/_.-])(?:face|faces|headshots?|portraits?|selfies?|mugshots?|id[-_]?photos?|photo[-_]?ids?|patient[-_]?photos?|member[-_]?photos?)(?:$|[/_.-])/i;
const PATIENT_PATH_RE = /(?:^|[/_.-])(?:patients?|members?|mrn\d*|pt\d+|ehr|clinical|intake|wounds?|derm(?:atology)?)(?:$|[/_.-])/i;

/** Score an image file by its path: a face folder and a patient folder together are near-certain. */
export function facePhotoPathScore(path: string): number {
  const face = FACE_PATH_RE.test(path);
  const patient = PATIENT_PATH_RE.test(path);
  return face && patient ? 0.9 : face || patient ? 0.6 : 0;
}

export const recognizer: Recognizer = {
  kind: 'face-photo',
  meta: phiRule('face-photo', 'Full-face photograph or comparable image', 'high', 'A patient photograph (image file in a patient or face folder, an embedded photo in a patient record) or a DICOM image carrying patient pixel data.', 'Remove patient images from the repository (and its history); use synthetic or consented, de-identified images in fixtures.'),
  labels: labelRe(['photo', 'photograph', 'headshot', 'portrait', 'face_photo', 'face_image', 'patient_photo', 'id_photo', 'selfie', 'picture', 'photo_url', 'image_data', 'mugshot']),
  pattern: /\b(?:photo|photograph|headshot|portrait|face_?image|face_?photo|patient_?photo|id_?photo|selfie|picture)\w*["']?[ \t]*[:=][ \t]*["']?(data:image\/[a-z+]+;base64,[A-Za-z0-9+\/=]{16,}|[\w.\/-]+\.(?:jpe?g|png|heic|bmp|tiff?|webp))/dgi,
  trigger: /photo|headshot|portrait|face|selfie|picture/i,
  judge(v, ctx) {
    if (!ctx.labelled) return 0;
    if (!/^data:image\//.test(v) && !IMAGE_EXT_RE.test(v)) return 0;
    return ctx.patient || ctx.structured ? 0.85 : 0.6;
  },
  mask: (v) => (v.startsWith('data:') ? `${v.slice(0, v.indexOf(',') + 1)}****` : maskSecret(v)),
};
