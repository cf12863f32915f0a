/**
 * DICOM headers printed as text (dcmdump, gdcmdump, dcm4che's dcmdump): one attribute per line,
 * `(0010,0010) PN [DIALLO^CHUKWUEMEKA]  #  20, 1 PatientName`. Pasted into QA notes and tickets, they
 * carry the patient module as plainly as the file did. Values are judged by their tag, as in a DICOM
 * file (dicom.ts); staff attributes (referring physician, operator) are marked not-patient.
 */
import { TAGS } from './dicom.js';
import type { Field, Structure } from './types.js';

const LINE_RE = /^[ \t]*\(([0-9A-Fa-f]{4}),[ \t]?([0-9A-Fa-f]{4})\)[ \t]+(?:[A-Z]{2}[ \t]+)?\[([^\]\n]*)\]/gm;
const PATIENT_TAGS = new Map(TAGS.map(([tag, , , label]) => [tag.slice(1).toUpperCase(), label]));
/**
 * The institution (name, address, department), the referring, performing and reading physicians,
 * the operator and the scanner's serial number: not the patient.
 */
const STAFF_TAGS = new Set(['00080080', '00080081', '00081040', '00080090', '00081050', '00081070', '00081060', '00181000']);

/** At least three attribute lines: a dump, not a tag mentioned in prose. */
export function looksLikeDicomDump(text: string): boolean {
  let n = 0;
  LINE_RE.lastIndex = 0;
  while (LINE_RE.exec(text) !== null) if (++n >= 3) return true;
  return false;
}

export function dicomDumpFields(text: string): Structure {
  const fields: Field[] = [];
  LINE_RE.lastIndex = 0;
  for (let m = LINE_RE.exec(text); m !== null; m = LINE_RE.exec(text)) {
    const tag = `${m[1]}${m[2]}`.toUpperCase();
    const value = m[3]!.trim();
    if (value === '') continue;
    const label = PATIENT_TAGS.get(tag);
    const staff = STAFF_TAGS.has(tag);
    if (!label && !staff) continue;
    const start = m.index + m[0].lastIndexOf('[') + 1 + (m[3]!.length - m[3]!.trimStart().length);
    fields.push({ label: label ?? 'staff', start, end: start + value.length, record: 'dicom', where: `(${m[1]},${m[2]})`, ...(staff ? { nonPatient: true } : { patient: true }) });
  }
  return { format: 'dicom-dump', fields, problems: [], clinical: true };
}
