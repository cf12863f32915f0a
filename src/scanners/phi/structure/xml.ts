/**
 * XML (FHIR XML, CDA and other clinical XML): elements are keys, `value="..."` attributes and leaf
 * text are values, siblings give hints as in JSON. A regex tokenizer (linear, no entity expansion,
 * so hostile XML cannot blow up); mismatched or unclosed tags are reported with their line.
 */
import { fieldLabel, HINT_KEYS, NON_PATIENT_RESOURCES } from './hints.js';
import { lineAt, type Field, type Structure } from './types.js';

interface Frame {
  name: string;
  entries: Array<{ key: string; start: number; end: number }>;
  hints: string[];
  hasChild: boolean;
  textStart: number;
  record: string;
  nonPatient: boolean;
  /** Inside the encounter or the body of a CDA document (see CDA_CARE). */
  careBody: boolean;
  /** The value's name from an attribute (NAMING_ATTR_RE), used as its key instead of the element's. */
  named?: string;
}

function namedBy(attrs: string): { named?: string } {
  const m = NAMING_ATTR_RE.exec(attrs);
  const v = m ? (m[2] ?? m[3])! : undefined;
  return v && /^[A-Za-z][\w .-]*$/.test(v) ? { named: v } : {};
}

const TAG_RE = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<![^>]*>/g;
const VALUE_ATTR_RE = /\s(value|extension|code|root)\s*=\s*("([^"]*)"|'([^']*)')/g;

/**
 * CDA and C-CDA elements that hold a clinician, an organisation or a device rather than the patient
 * (the patient is under recordTarget/patientRole; guardians and participants stay patient data).
 */
/**
 * The clinical part of a CDA document: the encounter and the service event it documents, and the sections of its body.
 * An effectiveTime there dates an encounter, a problem, a procedure or a result of the patient; the
 * document's own effectiveTime (its creation) sits in the header, outside these.
 */
const CDA_CARE = new Set(['encompassingEncounter', 'structuredBody', 'serviceEvent']);
const CARE_TIME_PARTS = new Set(['low', 'high', 'center']);
const CDA_STAFF = new Set([
  'assignedAuthor', 'assignedEntity', 'assignedCustodian', 'representedCustodianOrganization', 'representedOrganization', 'serviceProviderOrganization', 'providerOrganization', 'manufacturedModel', 'legalAuthenticator', 'authenticator', 'dataEnterer',
  // NCPDP SCRIPT (e-prescribing): the prescriber, the pharmacy, a supervisor or agent are not the patient.
  'Prescriber', 'Pharmacy', 'Supervisor', 'PrescriberAgent', 'Pharmacist',
]);

/**
 * NEMSIS 3 (the US EMS patient care report standard) names its elements by number: `ePatient.02`
 * is the patient's last name, `eTimes.03` the time the unit was alerted. The identifying elements of
 * its data dictionary, as the labels the recognizers know. Coded values (city, county and state
 * codes, gender) are left out: they identify no one on their own.
 */
const NEMSIS = new Map<string, string>([
  ['eRecord.01', 'pcr_number'], ['eResponse.03', 'incident_number'], ['eResponse.04', 'run_number'],
  ['ePatient.01', 'mrn'], ['ePatient.02', 'last_name'], ['ePatient.03', 'first_name'], ['ePatient.04', 'middle_name'],
  ['ePatient.05', 'address'], ['ePatient.09', 'zip'], ['ePatient.12', 'ssn'], ['ePatient.15', 'age'], ['ePatient.17', 'dob'],
  ['ePatient.18', 'phone'], ['ePatient.19', 'email'], ['ePatient.21', 'drivers_license_number'],
  ...Array.from({ length: 17 }, (_, i) => [`eTimes.${String(i + 1).padStart(2, '0')}`, 'incident_date'] as [string, string]),
  ['eArrest.14', 'arrest_date'], ['eDisposition.20', 'discharge_date'],
]);
/**
 * NAACCR XML (cancer registry abstracts) names each `<Item>` by its `naaccrId`: the identifying
 * items of its data dictionary, as the labels the recognizers know. Physicians' NPIs are reported
 * as NPIs; the registry's and the facility's own numbers are not the patient's.
 */
const NAACCR = new Map<string, string>([
  ['patientIdNumber', 'patient_id'], ['medicalRecordNumber', 'mrn'], ['accessionNumberHosp', 'accession_number'], ['socialSecurityNumber', 'ssn'],
  ['nameLast', 'last_name'], ['nameFirst', 'first_name'], ['nameMiddle', 'middle_name'], ['nameMaiden', 'maiden_name'], ['nameAlias', 'patient_name'],
  ['nameBirthSurname', 'last_name'], ['nameSpouseParent', 'guardian_name'], ['followUpContactName', 'emergency_contact_name'],
  ['dateOfBirth', 'dob'], ['telephone', 'phone'], ['medicareBeneficiaryIdentifier', 'mbi'],
  ['addrAtDxNoStreet', 'street_address'], ['addrCurrentNoStreet', 'street_address'], ['addrAtDxPostalCode', 'zip'], ['addrCurrentPostalCode', 'zip'],
  ['followUpContactNoSt', 'street_address'], ['followUpContactPostal', 'zip'],
  ['dateOfDiagnosis', 'diagnosis_date'], ['dateOfLastContact', 'visit_date'], ['dateOf1stContact', 'visit_date'], ['dateOfInptAdm', 'admission_date'],
  ['dateOfInptDisch', 'discharge_date'], ['dateConclusiveDx', 'diagnosis_date'], ['dateOfDeathCanada', 'date_of_death'],
  ...['rxDateSurgery', 'rxDateMostDefinSurg', 'rxDateRadiation', 'rxDateChemo', 'rxDateHormone', 'rxDateBrm', 'rxDateOther', 'rxDateSystemic', 'dateInitialRxSeer', 'dateRegionalLNDissection'].map((id) => [id, 'procedure_date'] as [string, string]),
  ...['npiPhysicianManaging', 'npiPhysicianFollowUp', 'npiPhysicianPrimarySurg', 'npiPhysician3', 'npiPhysician4', 'npiReportingFacility', 'npiInstitutionReferredFrom', 'npiInstitutionReferredTo'].map((id) => [id, 'npi'] as [string, string]),
]);
/**
 * Attributes that name the element's value, as a key names a JSON value: NAACCR's `<Item
 * naaccrId="nameLast">`, `<field name="dob">`, `<property key="mrn">`.
 */
const NAMING_ATTR_RE = /\s(naaccrId|name|key|field|fieldName|property|column)\s*=\s*(?:"([^"]{1,60})"|'([^']{1,60})')/;

/** Crew members and the agency's own numbers: staff, not the patient. */
const NEMSIS_STAFF = /^(?:eCrew|eAgency|eResponse\.0[125]|eOther)\./;

export function xmlFields(text: string): Structure {
  const fields: Field[] = [];
  const problems: Structure['problems'] = [];
  const stack: Frame[] = [];
  let records = 0;
  let clinical = /xmlns="http:\/\/hl7\.org\/fhir"|urn:hl7-org:v3/.test(text.slice(0, 4096));
  TAG_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let lastEnd = 0;
  while ((m = TAG_RE.exec(text)) !== null) {
    if (m[2] === undefined) {
      lastEnd = TAG_RE.lastIndex;
      continue;
    }
    const local = m[2].replace(/^.*:/, '');
    const closing = m[1] === '/';
    const selfClosing = m[4] === '/';
    if (closing) {
      const f = stack.pop();
      if (!f || f.name !== local) {
        problems.push({ line: lineAt(text, m.index), detail: `mismatched closing tag </${local}>${f ? ` (open: <${f.name}>)` : ''}` });
        return { format: 'xml', fields, problems, clinical };
      }
      if (!f.hasChild && m.index > f.textStart) {
        const raw = text.slice(f.textStart, m.index);
        const s = f.textStart + (raw.length - raw.trimStart().length);
        const e = m.index - (raw.length - raw.trimEnd().length);
        if (e > s && !raw.includes('<')) stack[stack.length - 1]?.entries.push({ key: f.named ?? local, start: s, end: e });
      }
      close(f);
      lastEnd = TAG_RE.lastIndex;
      continue;
    }
    const parent = stack[stack.length - 1];
    if (parent) parent.hasChild = true;
    const attrs = m[3] ?? '';
    VALUE_ATTR_RE.lastIndex = 0;
    let a: RegExpExecArray | null;
    const attrBase = m.index + 1 + m[1]!.length + m[2].length;
    let valueEntry: { key: string; start: number; end: number } | undefined;
    while ((a = VALUE_ATTR_RE.exec(attrs)) !== null) {
      const v = a[3] ?? a[4] ?? '';
      const vs = attrBase + a.index + a[0].indexOf(a[2]!) + 1;
      if (a[1] === 'value' || a[1] === 'extension') valueEntry = { key: local, start: vs, end: vs + v.length };
      else if (v.length < 80) (parent?.hints ?? []).push(v);
    }
    if (valueEntry && parent) {
      if (HINT_KEYS.has(local)) parent.hints.push(text.slice(valueEntry.start, valueEntry.end));
      else parent.entries.push(trimScheme(text, valueEntry));
    }
    const isResource = /^[A-Z]/.test(local) && (stack.length <= 1 || stack[stack.length - 1]?.name === 'resource');
    if (isResource && /^(?:Patient|RelatedPerson|Person|Encounter|Observation|Condition|Coverage|Claim)$/.test(local)) clinical = true;
    if (!selfClosing) {
      stack.push({
        name: local,
        entries: [],
        hints: [],
        hasChild: false,
        textStart: TAG_RE.lastIndex,
        record: isResource || stack.length <= 1 ? `x${records++}` : (parent?.record ?? 'x'),
        nonPatient: (parent?.nonPatient ?? false) || (isResource && NON_PATIENT_RESOURCES.has(local)) || CDA_STAFF.has(local),
        careBody: (parent?.careBody ?? false) || CDA_CARE.has(local),
        ...namedBy(attrs),
      });
    }
    lastEnd = TAG_RE.lastIndex;
  }
  void lastEnd;
  if (stack.length > 0) {
    problems.push({ line: lineAt(text, text.length), detail: `unexpected end of document: <${stack[stack.length - 1]!.name}> is not closed (truncated XML?)` });
    // The elements that did close before the cut still say what their values are.
    while (stack.length > 0) close(stack.pop()!);
  }
  return { format: 'xml', fields, problems, clinical };

  function close(f: Frame) {
    for (const e of f.entries) {
      const nemsis = NEMSIS.get(e.key) ?? NAACCR.get(e.key);
      const staff = f.nonPatient || NEMSIS_STAFF.test(e.key);
      const careTime = f.careBody && !staff && (e.key === 'effectiveTime' || (f.name === 'effectiveTime' && CARE_TIME_PARTS.has(e.key)));
      fields.push({ label: nemsis ?? (careTime ? 'service_date' : fieldLabel(f.name, e.key, f.hints)), start: e.start, end: e.end, record: f.record, where: `${f.name}/${e.key}`, ...(staff ? { nonPatient: true } : {}), ...(nemsis ? { patient: true } : {}) });
    }
    const parent = stack[stack.length - 1];
    if (parent) parent.hints.push(...f.hints.slice(0, 8));
  }
}

/** `tel:+1-555...` and `mailto:a@b` carry a scheme before the value. */
function trimScheme(text: string, e: { key: string; start: number; end: number }) {
  const m = /^(?:tel|mailto|fax):/i.exec(text.slice(e.start, Math.min(e.end, e.start + 8)));
  return m ? { ...e, start: e.start + m[0].length } : e;
}
