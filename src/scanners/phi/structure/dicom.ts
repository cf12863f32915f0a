/**
 * DICOM (Part 10) via dicom-parser: patient module tags are judged by what they are (PatientName,
 * PatientBirthDate ...), and pixel data of photographic or head images counts as a face image.
 */
import { createRequire } from 'node:module';
import type { Detection } from '../types.js';
import { BY_KIND } from '../recognizers/index.js';

interface DataSet {
  string(tag: string): string | undefined;
  elements: Record<string, { dataOffset: number; length: number }>;
}
type DicomParser = { parseDicom(bytes: Uint8Array, opts?: Record<string, unknown>): DataSet };

let parser: DicomParser | undefined;
const load = (): DicomParser => (parser ??= createRequire(import.meta.url)('dicom-parser') as DicomParser);

/** Patient-identifying attributes (PS3.3 Patient and Study modules) -> recognizer kind and label. */
export const TAGS: Array<[tag: string, name: string, kind: string, label: string]> = [
  ['x00100010', 'PatientName', 'person-name', 'patient_name'],
  ['x00101001', 'OtherPatientNames', 'person-name', 'patient_name'],
  ['x00101060', 'PatientMotherBirthName', 'person-name', 'mother_s_maiden_name'],
  ['x00100020', 'PatientID', 'medical-record-number', 'dicom_patient_id'],
  ['x00101000', 'OtherPatientIDs', 'medical-record-number', 'dicom_patient_id'],
  ['x00100030', 'PatientBirthDate', 'date-of-birth', 'patient_birth_date'],
  ['x00101040', 'PatientAddress', 'street-address', 'patient_address'],
  ['x00102154', 'PatientTelephoneNumbers', 'phone-number', 'phone'],
  ['x00101010', 'PatientAge', 'age-over-89', 'dicom_patient_age'],
  ['x00080050', 'AccessionNumber', 'other-id', 'accession_number'],
  ['x00080020', 'StudyDate', 'patient-date', 'study_date'],
  ['x00080021', 'SeriesDate', 'patient-date', 'study_date'],
  ['x00080022', 'AcquisitionDate', 'patient-date', 'study_date'],
  ['x00080023', 'ContentDate', 'patient-date', 'study_date'],
  ['x00380010', 'AdmissionID', 'other-id', 'admission_id'],
  ['x00101050', 'InsurancePlanIdentification', 'health-plan-id', 'insurance_id'],
];

/** Photographic modalities and head/face body parts make pixel data a "comparable image". */
const FACE_MODALITY = /^(?:XC|ES|OP|GM|SM|VL|DOC)$/i;
const HEAD_PART = /HEAD|FACE|BRAIN|SKULL|ORBIT|EYE|JAW|NECK/i;

export const isDicom = (bytes: Uint8Array): boolean => bytes.length > 132 && bytes[128] === 0x44 && bytes[129] === 0x49 && bytes[130] === 0x43 && bytes[131] === 0x4d;

export interface DicomResult {
  detections: Detection[];
  problem?: string;
}

export function dicomDetections(bytes: Uint8Array, nowYear: number): DicomResult {
  let ds: DataSet;
  try {
    ds = load().parseDicom(bytes, isDicom(bytes) ? {} : { TransferSyntaxUID: '1.2.840.10008.1.2' });
  } catch (e) {
    const msg = typeof e === 'string' ? e : e instanceof Error ? e.message : (e as { exception?: string })?.exception ?? 'unknown error';
    return { detections: [], problem: `invalid DICOM: ${String(msg).split('\n')[0]}` };
  }
  const out: Detection[] = [];
  // Without the Part 10 marker the bytes are raw (ACR-NEMA) at best: say so, read what parses.
  const problem = isDicom(bytes) ? undefined : 'no DICM marker at offset 128: not a DICOM Part 10 file (read as raw data set)';
  for (const [tag, name, kind, label] of TAGS) {
    let raw: string | undefined;
    try {
      raw = ds.string(tag)?.trim();
    } catch {
      raw = undefined;
    }
    if (!raw) continue;
    const r = BY_KIND.get(kind)!;
    const value = kind === 'person-name' ? raw.replace(/\^+/g, ' ').trim() : raw;
    const score = r.judge(value, { label, labelled: true, structured: true, patient: true, textClass: 'data', line: value, col: 0, nowYear });
    if (score < 0.15) continue;
    const where = `(${tag.slice(1, 5).toUpperCase()},${tag.slice(5).toUpperCase()}) ${name}`;
    out.push({ kind, start: -1, end: -1, value, score, record: 'dicom', synthetic: r.synthetic?.(value) ?? false, label, where });
  }
  if (ds.elements.x7fe00010) {
    const modality = ds.string('x00080060') ?? '';
    const part = ds.string('x00180015') ?? '';
    const hasPatient = out.some((d) => d.kind === 'person-name' || d.kind === 'medical-record-number');
    const face = FACE_MODALITY.test(modality.trim()) || HEAD_PART.test(part);
    if (face) {
      out.push({ kind: 'face-photo', start: -1, end: -1, value: `pixel-data:${modality}:${part}`, score: hasPatient ? 0.9 : 0.7, record: 'dicom', synthetic: false, where: `(7FE0,0010) PixelData, modality ${modality.trim() || '?'}${part ? `, body part ${part.trim()}` : ''}` });
    }
  }
  return { detections: out, ...(problem ? { problem } : {}) };
}
