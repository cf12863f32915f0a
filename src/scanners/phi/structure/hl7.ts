/**
 * HL7 v2: segments and field positions. Which fields identify a patient is data (the table below,
 * from the HL7 v2.5 segment definitions); components are split so names and addresses are judged
 * part by part. Malformed messages (no MSH, non-segment lines, short MSH) are reported as problems.
 */
import type { Field, Structure } from './types.js';

type Comp = { comp: number; label: string };
/** SEG-n -> labels per component (1-based). A bare string labels component 1 (or the whole field). */
const FIELDS: Record<string, Array<Comp> | string> = {
  'PID-2': 'pid_2',
  'PID-3': [{ comp: 1, label: 'pid_3' }],
  'PID-4': [{ comp: 1, label: 'pid_4' }],
  'PID-5': [{ comp: 1, label: 'pid_5' }, { comp: 2, label: 'pid_5' }, { comp: 3, label: 'pid_5' }],
  'PID-6': [{ comp: 1, label: 'mother_s_maiden_name' }],
  'PID-7': [{ comp: 1, label: 'pid_7' }],
  'PID-9': [{ comp: 1, label: 'pid_5' }, { comp: 2, label: 'pid_5' }],
  'PID-11': [{ comp: 1, label: 'pid_11' }, { comp: 3, label: 'address_city' }, { comp: 5, label: 'pid_11_zip' }],
  'PID-13': [{ comp: 1, label: 'pid_13' }, { comp: 4, label: 'email' }],
  'PID-14': [{ comp: 1, label: 'pid_14' }],
  'PID-18': [{ comp: 1, label: 'pid_18' }],
  'PID-19': 'pid_19',
  'PID-20': [{ comp: 1, label: 'pid_20' }],
  'PID-29': [{ comp: 1, label: 'pid_29' }],
  'NK1-2': [{ comp: 1, label: 'nk1_2' }, { comp: 2, label: 'nk1_2' }],
  'NK1-4': [{ comp: 1, label: 'nk1_4' }, { comp: 3, label: 'address_city' }, { comp: 5, label: 'zip' }],
  'NK1-5': [{ comp: 1, label: 'nk1_5' }],
  'NK1-6': [{ comp: 1, label: 'nk1_5' }],
  'PV1-19': [{ comp: 1, label: 'pv1_19' }],
  'PV1-44': [{ comp: 1, label: 'pv1_44' }],
  'PV1-45': [{ comp: 1, label: 'pv1_45' }],
  'IN1-16': [{ comp: 1, label: 'in1_16' }, { comp: 2, label: 'in1_16' }],
  'IN1-18': [{ comp: 1, label: 'date_of_birth' }],
  'IN1-19': [{ comp: 1, label: 'pid_11' }, { comp: 3, label: 'address_city' }, { comp: 5, label: 'zip' }],
  'IN1-36': 'in1_36',
  'IN1-49': [{ comp: 1, label: 'in1_49' }],
  // Orders and results: the order numbers and the times of the patient's own tests.
  'ORC-2': [{ comp: 1, label: 'placer_order_number' }],
  'ORC-3': [{ comp: 1, label: 'filler_order_number' }],
  'ORC-9': [{ comp: 1, label: 'orc_9' }],
  'OBR-2': [{ comp: 1, label: 'placer_order_number' }],
  'OBR-3': [{ comp: 1, label: 'filler_order_number' }],
  'OBR-7': [{ comp: 1, label: 'obr_7' }],
  'OBR-22': [{ comp: 1, label: 'obr_22' }],
  'OBX-14': [{ comp: 1, label: 'obx_14' }],
  'SPM-17': [{ comp: 1, label: 'spm_17' }],
  // Scheduling (SIU): the appointment's ids and when it starts (SCH-11's fourth component, AIS/AIG/AIL/AIP start times).
  'SCH-1': [{ comp: 1, label: 'appointment_id' }],
  'SCH-2': [{ comp: 1, label: 'appointment_id' }],
  'SCH-11': [{ comp: 4, label: 'appointment_date' }],
  'AIS-4': [{ comp: 1, label: 'appointment_date' }],
  'AIG-8': [{ comp: 1, label: 'appointment_date' }],
  'AIL-6': [{ comp: 1, label: 'appointment_date' }],
  'AIP-6': [{ comp: 1, label: 'appointment_date' }],
  // Immunizations (VXU, RSP): when the dose was given; the dates the patient's registry status and protection took effect.
  'RXA-3': [{ comp: 1, label: 'rxa_3' }],
  'RXA-4': [{ comp: 1, label: 'rxa_4' }],
  'PD1-13': [{ comp: 1, label: 'pd1_13' }],
  'PD1-17': [{ comp: 1, label: 'pd1_17' }],
  'PD1-18': [{ comp: 1, label: 'pd1_18' }],
  'GT1-3': [{ comp: 1, label: 'gt1_3' }, { comp: 2, label: 'gt1_3' }],
  'GT1-5': [{ comp: 1, label: 'gt1_5' }, { comp: 3, label: 'address_city' }, { comp: 5, label: 'zip' }],
  'GT1-6': [{ comp: 1, label: 'gt1_6' }],
  'GT1-8': [{ comp: 1, label: 'date_of_birth' }],
  'GT1-12': 'ssn',
  'MRG-1': [{ comp: 1, label: 'pid_3' }],
};

/**
 * Fields that name staff (attending, referring, admitting, ordering providers, result interpreters,
 * authors) or an organisation (the insurer's name, address, phone and contact in IN1-4..7): a name,
 * address or number the free-text rules find in them is not the patient's.
 */
const NON_PATIENT_FIELDS = new Set([
  'PV1-7', 'PV1-8', 'PV1-9', 'PV1-17', 'PV1-52', 'ORC-10', 'ORC-11', 'ORC-12', 'OBR-16', 'OBR-28', 'OBR-32', 'OBR-33', 'OBR-34', 'OBX-16',
  'TXA-5', 'TXA-9', 'TXA-10', 'ROL-4', 'PRD-2', 'IN1-4', 'IN1-5', 'IN1-6', 'IN1-7', 'EVN-5', 'PD1-3', 'PD1-4', 'OBR-10', 'ORC-19',
]);

/** Telephone fields (XTN) of FIELDS whose number may sit in components 6-7 instead of 1. */
const PHONE_FIELDS = new Set(['PID-13', 'PID-14', 'NK1-5', 'NK1-6', 'GT1-6']);

/** PID-3 repetitions carry their identifier type in component 5 (HL7 table 0203). */
const ID_TYPE_LABEL: Record<string, string> = { SS: 'ssn', MB: 'member_id', MA: 'medicaid_id', MC: 'medicare_id', DL: 'dl', AN: 'account_number', NPI: 'npi', PPN: 'passport', MR: 'pid_3', PI: 'pid_3', PT: 'pid_3' };

export const looksLikeHl7 = (text: string): boolean => /^MSH\|/.test(text.trimStart()) || /(?:^|[\r\n])MSH\|[\^~\\&]{4}/.test(text);

export function hl7Fields(text: string, opts: { embedded?: boolean } = {}): Structure {
  const fields: Field[] = [];
  const problems: Structure['problems'] = [];
  let message = 0;
  let sawMsh = false;
  let fs = '|';
  let cs = '^';
  let rs = '~';
  let offset = 0;
  let lineNo = 0;
  const segRe = /^[A-Z][A-Z0-9]{2}$/;
  for (const raw of text.split(/(?<=\r\n|\r|\n)/)) {
    lineNo++;
    const seg = raw.replace(/[\r\n]+$/, '');
    const base = offset;
    offset += raw.length;
    if (seg.trim() === '') continue;
    const name = seg.slice(0, 3);
    if (name === 'MSH') {
      message++;
      sawMsh = true;
      if (seg.length < 8) {
        problems.push({ line: lineNo, detail: 'MSH segment is truncated (no encoding characters)' });
        continue;
      }
      fs = seg[3]!;
      cs = seg[4]!;
      rs = seg[5]!;
      continue;
    }
    if (!segRe.test(name) || seg[3] !== fs) {
      // Inside a log or text file, other lines are not HL7 and not a problem.
      if (!opts.embedded && problems.length < 5) problems.push({ line: lineNo, detail: `not an HL7 segment: line does not start with a segment id and "${fs}"` });
      continue;
    }
    segmentFields(seg, name, base, { fs, cs, rs }, `m${message}`, fields);
  }
  if (!sawMsh && !opts.embedded) problems.unshift({ line: 1, detail: 'no MSH segment: not a complete HL7 v2 message' });
  return { format: 'hl7', fields, problems, clinical: true };
}

type Separators = { fs: string; cs: string; rs: string };

/** Where component `k` (0-based) starts inside its repetition. */
const compOffset = (comps: string[], k: number): number => comps.slice(0, k).reduce((n, x) => n + x.length + 1, 0);

/** The identifying fields of one segment (`seg` starts with its id at offset `base` of the text). */
function segmentFields(seg: string, name: string, base: number, { fs, cs, rs }: Separators, record: string, fields: Field[]): void {
  const parts = seg.split(fs);
  let pos = base + 4;
  for (let f = 1; f < parts.length; f++) {
    const value = parts[f]!;
    const spec = FIELDS[`${name}-${f}`];
    if (value && NON_PATIENT_FIELDS.has(`${name}-${f}`)) {
      fields.push({ label: 'provider', start: pos, end: pos + value.length, record, where: `${name}-${f}`, nonPatient: true });
      // A provider's id (XCN-1) of ten digits is an NPI: still reported as one (its check digit decides).
      let repStart = pos;
      for (const rep of value.split(rs)) {
        const id = rep.split(cs)[0]!;
        if (/^\d{10}$/.test(id)) fields.push({ label: 'npi', start: repStart, end: repStart + 10, record, where: `${name}-${f}.1`, nonPatient: true });
        repStart += rep.length + 1;
      }
    }
    if (spec && value) {
      let repStart = pos;
      for (const rep of value.split(rs)) {
        const comps = rep.split(cs);
        const idType = name === 'PID' && (f === 3 || f === 2 || f === 4) ? comps[4] : undefined;
        const specs: Comp[] = typeof spec === 'string' ? [{ comp: 1, label: spec }] : spec;
        for (const { comp, label } of specs) {
          const c = comps[comp - 1];
          if (!c) continue;
          const start = repStart + compOffset(comps, comp - 1);
          const whole = typeof spec === 'string';
          const end = whole ? repStart + rep.length : start + c.length;
          fields.push({ label: idType && ID_TYPE_LABEL[idType] ? ID_TYPE_LABEL[idType]! : label, start: whole ? repStart : start, end, record: record, where: `${name}-${f}${comp > 1 ? `.${comp}` : ''}` });
        }
        // HL7 v2.5 telephone (XTN): an empty first component, then country, area code and number in 5-7.
        if (PHONE_FIELDS.has(`${name}-${f}`) && !comps[0] && comps[5] && comps[6]) {
          const a = repStart + compOffset(comps, 5);
          fields.push({ label: 'phone', start: a, end: a + comps[5].length + 1 + comps[6].length, record, where: `${name}-${f}.6`, value: `${comps[4] ? `+${comps[4]} ` : ''}${comps[5]}-${comps[6]}` });
        }
        repStart += rep.length + 1;
      }
    }
    pos += value.length + 1;
  }
}

/**
 * HL7 segments pasted into other files: a test's string literal, a fixture, a comment (`'PID|1||...'`).
 * Each run from a patient segment id to the end of the line or the closing quote is read with the
 * standard separators; an MSH or PID starts a new record.
 */
const EMBEDDED_SEGMENT_RE = /(?<![A-Za-z0-9])(MSH|PID|NK1|GT1|IN1|PV1|MRG)\|[^\r\n'"`]*/g;
export function embeddedHl7Fields(text: string): Structure | undefined {
  if (!text.includes('PID|')) return undefined;
  const fields: Field[] = [];
  let record = 0;
  for (const m of text.matchAll(EMBEDDED_SEGMENT_RE)) {
    const name = m[1]!;
    if (name === 'MSH' || name === 'PID') record++;
    if (name !== 'MSH') segmentFields(m[0], name, m.index!, { fs: '|', cs: '^', rs: '~' }, `m${record}`, fields);
  }
  // The segments are patient data; the rest of the file (code around them) is not thereby clinical.
  return fields.length > 0 ? { format: 'hl7', fields, problems: [], clinical: false } : undefined;
}
