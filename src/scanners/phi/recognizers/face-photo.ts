import type { Recognizer } from '../types.js';
import { labelRe } from '../labels.js';
import { maskSecret } from '../../../core/mask.js';
import { phiRule } from './common.js';

/** Image files whose path says they show a patient or a face. */
export const IMAGE_EXT_RE = /\.(?:jpe?g|png|heic|heif|bmp|tiff?|webp|gif)$/i;
export const DICOM_EXT_RE = /\.(?:dcm|dicom|dic)$/i;
const FACE_PATH_RE = /(?:^|[/_.-])(?:face|faces|headshots?|portraits?|selfies?|mugshots?|id[-_]?photos?|photo[-_]?ids?|patient[-_]?photos?|member[-_]?photos?)(?:$|[/_.-])/i;
const PATIENT_PATH_RE = /(?:^|[/_.-])(?:patients?|members?|mrn\d*|pt\d+|ehr|clinical|intake|wounds?|derm(?:atology)?)(?:$|[/_.-])/i;

/** A folder or file name that says patient or profile photographs (`\\fs01\patphotos\`, `/api/photos/4501/`). */
const PHOTO_SHARE_RE = /(?:^|[\\/_.-])(?:pat(?:ient)?_?photos?|member_?photos?|photos?|faces?|headshots?|portraits?|selfies?|profile_?(?:photo|pic|picture)s?|id_?photos?)(?:$|[\\/_.-])/i;
/** A photo named on the line (`The photo on my kid's profile ... IMG_3131_gill.HEIC`). */
const PHOTO_WORD_RE = /\b(?:photos?|photograph|picture|pic|headshot|portrait|selfie|face|profile image)\b/i;

/** Labels that say photograph. */
const PHOTO_LABELS = [
  'photo', 'photograph', 'headshot', 'portrait', 'face_photo', 'face_image', 'patient_photo', 'id_photo', 'selfie', 'picture', 'photo_url', 'image_data', 'mugshot',
  // Where the photo lives (`photo_path`, `photoAssetName`, `profile_photo_uri`).
  'photo_(?:path|file|file_?name|uri|asset|asset_name|ref|location)', 'profile_(?:photo|picture|image)(?:_(?:path|url|uri))?',
];
const PHOTO_LABEL_RE = labelRe(PHOTO_LABELS);

/** Column names of a file's path or key in a manifest or inventory (`path`, `s3_key`, `file_name`). */
const GENERIC_FILE = '(?:path|file|file_?name|file_?path|image|image_?path|key|s3_?key|object_?key|blob|uri|location)';
const GENERIC_FILE_RE = labelRe([GENERIC_FILE]);

/** Score an image file by its path: a face folder and a patient folder together are near-certain. */
export function facePhotoPathScore(path: string): number {
  const face = FACE_PATH_RE.test(path);
  const patient = PATIENT_PATH_RE.test(path);
  return face && patient ? 0.9 : face || patient ? 0.6 : 0;
}

export const recognizer: Recognizer = {
  kind: 'face-photo',
  meta: phiRule('face-photo', 'Full-face photograph or comparable image', 'high', 'A patient photograph (image file in a patient or face folder, an embedded photo in a patient record) or a DICOM image carrying patient pixel data.', 'Remove patient images from the repository (and its history); use synthetic or consented, de-identified images in fixtures.'),
  labels: labelRe([...PHOTO_LABELS, GENERIC_FILE]),
  pattern: /\b(?:photo|photograph|headshot|portrait|face_?image|face_?photo|patient_?photo|id_?photo|selfie|picture)\w*["']?[ \t]*[:=][ \t]*["']?(data:image\/[a-z+]+;base64,[A-Za-z0-9+\/=]{16,}|[\w.\/-]+\.(?:jpe?g|png|heic|bmp|tiff?|webp))/dgi,
  // An image file named in free text: a photo share or a photo word on the line, a patient in view,
  // and digits in the name (an MRN, a date, a camera counter: a logo or an icon has none).
  labelPattern: /(?<![^\s"'<>|,;()[\]{}=])([^\s"'<>|,;()[\]{}=]{1,200}\.(?:jpe?g|png|heic|heif|bmp|tiff?|webp))(?![\w-])/dgi,
  trigger: /photo|headshot|portrait|face|selfie|picture|\.(?:jpe?g|png|heic|heif|bmp|tiff?|webp)\b/i,
  judge(v, ctx) {
    if (!/^data:image\//.test(v) && !IMAGE_EXT_RE.test(v)) return 0;
    // A plain path or key column says nothing itself: a face path in a patient's record does. In
    // free text (`path=/photos/...`) such a key is judged like no label at all.
    const generic = ctx.labelled && !PHOTO_LABEL_RE.test(ctx.label ?? '') && GENERIC_FILE_RE.test(ctx.label ?? '');
    if (generic && ctx.structured) return ctx.patient && (FACE_PATH_RE.test(v) || PHOTO_SHARE_RE.test(v)) ? 0.85 : 0;
    if (ctx.labelled && !generic) return ctx.patient || ctx.structured ? 0.85 : 0.6;
    if (!ctx.patient || !/\d{4}/.test(v)) return 0;
    if (PHOTO_SHARE_RE.test(v)) return 0.85;
    return PHOTO_WORD_RE.test(ctx.line) ? 0.6 : 0;
  },
  mask: (v) => (v.startsWith('data:') ? `${v.slice(0, v.indexOf(',') + 1)}****` : maskSecret(v)),
};
