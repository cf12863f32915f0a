/** A value whose meaning comes from where it sits: a key, a column header, an HL7 field position. */
export interface Field {
  /** Normalised label (`name_family`, `pid_7`, `date_of_birth`). */
  label: string;
  /** Value span in the artifact text (end exclusive). */
  start: number;
  end: number;
  /** Co-occurrence group: the JSON object, CSV row, SQL tuple or HL7 message the value belongs to. */
  record: string;
  /** Position for messages (`PID-7`, `$.entry[0].resource.birthDate`). */
  where?: string;
  /** The field is known not to be about a patient (FHIR Practitioner, Organization ...). */
  nonPatient?: boolean;
  /** The record is about a patient: a sibling column is a birth date, MRN, SSN, diagnosis ... */
  patient?: boolean;
  /**
   * The value as meant, when the span's text encodes it: an SQL string body (`O''Brien` is
   * O'Brien), an HL7 phone split into area code and number (`503^9264471`).
   */
  value?: string;
}

/** Column names that make every row of a table a patient record. */
const CLINICAL_COLUMN = /(?:^|_)(?:patient|pt|dob|birth|birthdate|mrn|chart|medical_record|ssn|member|subscriber|beneficiary|insurance|insured|policy|diagnosis|dx|icd|admit|admission|discharge|encounter|medicare|medicaid|allergies|allergy|medication|medications|npi|pcr|epcr)(?:_|$)/;
export const clinicalColumns = (labels: readonly (string | undefined)[]): boolean => labels.some((l) => l !== undefined && CLINICAL_COLUMN.test(l));

/** `owner_mrn`, `donor_patient_id`, `recipient_chart_no`: a prefix that names whose record number it is. */
const RECORD_NUMBER_COLUMN = /^(.+?)_(?:mrn|patient_id|chart(?:_no|_number)?|medical_record(?:_number|_no)?)$/;

/**
 * Columns that share their prefix with a record-number column are about that record's person: with
 * `owner_mrn` in the header, `owner_name` is a patient's name (a cryostorage inventory's specimen
 * owner), although an `owner` column alone names a repository's or a ticket's owner. They are
 * relabelled `owner_patient_name`, which every recognizer reads as a patient's field.
 */
export function ownedByRecord(labels: string[]): string[] {
  const owners = new Set<string>();
  for (const l of labels) {
    const m = RECORD_NUMBER_COLUMN.exec(l);
    if (m && !/(?:^|_)patient$/.test(m[1]!)) owners.add(m[1]!);
  }
  if (owners.size === 0) return labels;
  return labels.map((l) => {
    if (/(?:^|_)patient(?:_|$)/.test(l)) return l;
    for (const o of owners) if (l.startsWith(`${o}_`)) return `${o}_patient_${l.slice(o.length + 1)}`;
    return l;
  });
}

export interface StructureProblem {
  line?: number;
  detail: string;
}

export interface Structure {
  format: string;
  fields: Field[];
  problems: StructureProblem[];
  /** The format is clinical by nature (HL7 v2, FHIR): the whole file is patient context. */
  clinical: boolean;
}

export const lineAt = (text: string, offset: number): number => {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
};
