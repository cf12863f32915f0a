/**
 * A tolerant JSON walker that keeps offsets (JSON.parse loses them): every string or number value
 * becomes a Field labelled by its container key, its own key and sibling hints (FHIR `system`).
 * Malformed input stops the walk with a problem at the line of the error; fields found before it
 * are kept and the caller still scans the file as text.
 */
import { normalizeLabel } from '../labels.js';
import { fieldLabel, HINT_KEYS, NON_PATIENT_RESOURCES, staffContainer } from './hints.js';
import { lineAt, type Field, type Structure } from './types.js';

interface Frame {
  kind: 'obj' | 'arr';
  /** Key under which this container sits (for arrays: the array's key, inherited by elements). */
  key?: string;
  pendingKey?: string;
  entries: Array<{ key: string; start: number; end: number }>;
  hints: string[];
  resourceType?: string;
  record: string;
  path: string;
  /** This container or one above it sits under a staff or organisation key (hints.ts staffContainer). */
  staff: boolean;
}

const VALUE_KEY = /^(?:value|Value)$/;
/** Keys whose value names what kind of thing the object is. */
const ENTITY_KEY = /^(?:model|type|kind|entity|entityType|entity_type|_type|__typename|@type|objectType|object_type)$/;
const PAIR_NAME_KEY = /^(?:key|Key|name|Name|field|parameter|param)$/;

/** Extended JSON type operators: `$date`, `$numberLong`, `$numberInt`, `$numberDecimal`. */
const EJSON_KEY = /^\$(?:date|numberLong|numberInt|numberDecimal|numberDouble)$/;

/** After blanks (written or escaped), the string opens an object or array: `{`, `[`, `\\n  {`. */
function embeddedJsonStart(text: string, s: number, e: number): boolean {
  let i = s;
  while (i < e) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) i++;
    else if (c === 92 && /[nrt]/.test(text[i + 1] ?? '')) i += 2;
    else break;
  }
  const c = text[i];
  if (c !== '{' && c !== '[') return false;
  // Within the string only: a search to the end of the document for every `{...}` string (i18n
  // templates) would make a large file quadratic.
  return text.slice(i, e).includes('\\"');
}

/**
 * The characters of a JSON string body [s, e) with escapes resolved, and for each character the
 * offset in `text` where it was written (one more entry for the end). Undefined for a bad escape.
 */
export function unescapeJsonString(text: string, s: number, e: number): { text: string; map: number[] } | undefined {
  const out: string[] = [];
  const map: number[] = [];
  const SIMPLE: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
  for (let i = s; i < e; ) {
    const c = text[i]!;
    map.push(i);
    if (c !== '\\') {
      out.push(c);
      i++;
      continue;
    }
    const x = text[i + 1] ?? '';
    if (x === 'u') {
      const hex = text.slice(i + 2, i + 6);
      if (!/^[0-9A-Fa-f]{4}$/.test(hex)) return undefined;
      out.push(String.fromCharCode(parseInt(hex, 16)));
      i += 6;
    } else if (SIMPLE[x] !== undefined) {
      out.push(SIMPLE[x]!);
      i += 2;
    } else return undefined;
  }
  map.push(e);
  return { text: out.join(''), map };
}

class JsonError extends Error {
  constructor(readonly offset: number, message: string) {
    super(message);
  }
}

export function jsonFields(text: string, opts: { maxFields?: number } = {}): Structure {
  const fields: Field[] = [];
  const max = opts.maxFields ?? 200_000;
  const stack: Frame[] = [];
  let i = 0;
  let objects = 0;
  const n = text.length;
  let clinical = false;

  const ws = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else break;
    }
  };
  const readString = (): [number, number] => {
    const start = ++i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) return [start, i++];
      if (c === 92) i += 2;
      else if (c === 10) throw new JsonError(i, 'unterminated string');
      else i++;
    }
    throw new JsonError(start, 'unterminated string');
  };
  const top = () => stack[stack.length - 1];
  /**
   * A name/value pair object (`{"key": "lastName", "value": "Haddad"}` in a Postman query, `{"name":
   * "PATIENT_DOB", "value": ...}` in a Kubernetes env list, `{"Key": ..., "Value": ...}` AWS tags):
   * the name is the value's label.
   */
  const namedValue = (f: Frame): string | undefined => {
    if (f.entries.length > 4 || !f.entries.some((e) => VALUE_KEY.test(e.key))) return undefined;
    const n = f.entries.find((e) => PAIR_NAME_KEY.test(e.key));
    if (!n || n.end - n.start > 48) return undefined;
    const name = text.slice(n.start, n.end);
    return /^[A-Za-z][\w .-]*$/.test(name) ? normalizeLabel(name) : undefined;
  };
  /**
   * A JSON document escaped into a string: a Postman request body (`"raw": "{\\n  \\"firstName\\": ..."`),
   * a HAR post body or response text, a message payload in a log event. It is read as JSON in its
   * own right, and its fields are mapped back to where their escaped text sits.
   */
  const embedded = (s: number, e: number, f: Frame): void => {
    const inner = unescapeJsonString(text, s, e);
    if (!inner) return;
    const doc = jsonFields(inner.text, { maxFields: max - fields.length });
    // Something else that starts with a brace (a template, code): not read as data.
    if (doc.problems.length > 0) return;
    clinical ||= doc.clinical;
    for (const g of doc.fields) {
      const start = inner.map[g.start]!;
      const end = inner.map[g.end]!;
      const escaped = end - start !== g.end - g.start;
      fields.push({ ...g, start, end, record: `${f.record}/${g.record}`, where: `${f.path}(json)${g.where?.slice(1) ?? ''}`, ...(g.value === undefined && escaped ? { value: inner.text.slice(g.start, g.end) } : {}) });
    }
  };
  /**
   * MongoDB Extended JSON (`"dob": {"$date": "1985-05-30T00:00:00Z"}`, `{"$numberLong": "77302"}`):
   * the operator names the type, the key above it names the value. A `$date` in epoch milliseconds
   * is judged as the date it stands for.
   */
  const extendedJson = (field: Field, f: Frame, op: string): void => {
    // Called once `f` is popped: stack[k] holds `f` under `key`. Operators nest
    // (`{"$date": {"$numberLong": "-3620..."}}`), so climb while the key is one.
    let k = stack.length - 1;
    let key = f.key;
    let isDate = op === '$date';
    while (key !== undefined && EJSON_KEY.test(key) && k >= 0) {
      isDate ||= key === '$date';
      key = stack[k]!.key;
      k--;
    }
    if (key === undefined) return;
    const holder = stack[k];
    field.label = fieldLabel(holder?.key, key, holder?.hints ?? []);
    const raw = text.slice(field.start, field.end);
    // 8.64e15 ms is the range of a JavaScript Date.
    if (isDate && /^-?\d{1,16}$/.test(raw) && Math.abs(Number(raw)) <= 8.64e15) field.value = new Date(Number(raw)).toISOString().slice(0, 10);
  };
  /**
   * An object that says what it is (`"model": "registry.provider"` in a Django fixture, a GraphQL
   * `__typename`, a `type`): staff or an organisation when that names one.
   */
  const staffEntity = (f: Frame | undefined): boolean =>
    f !== undefined && f.kind === 'obj' && f.entries.some((e) => ENTITY_KEY.test(e.key) && e.end - e.start <= 60 && staffContainer(text.slice(e.start, e.end).replace(/^.*[./:]/, '')));
  const closeObject = (f: Frame) => {
    const nonPatient = (f.resourceType !== undefined && NON_PATIENT_RESOURCES.has(f.resourceType)) || staffEntity(f);
    const pairLabel = namedValue(f);
    for (const e of f.entries) {
      if (fields.length >= max) break;
      const inherited = f.staff || stack.some((s) => s.resourceType !== undefined && NON_PATIENT_RESOURCES.has(s.resourceType));
      const label = pairLabel && VALUE_KEY.test(e.key) ? pairLabel : fieldLabel(f.key, e.key, f.hints);
      // A Patient resource's server id, and a reference to it (`"reference": "Patient/pt-00231218"`), identify the patient.
      const patientRef = e.key === 'reference' && text.startsWith('Patient/', e.start) ? e.start + 8 : e.key === 'id' && f.resourceType === 'Patient' ? e.start : -1;
      if (patientRef >= 0 && e.end > patientRef) {
        fields.push({ label: 'patient_reference', start: patientRef, end: e.end, record: f.record, where: `${f.path}.${e.key}`, patient: true });
        continue;
      }
      const field: Field = { label, start: e.start, end: e.end, record: f.record, where: `${f.path}.${e.key}`, ...(nonPatient || inherited ? { nonPatient: true } : {}) };
      if (EJSON_KEY.test(e.key)) extendedJson(field, f, e.key);
      fields.push(field);
    }
    const parent = top();
    // Hints bubble up one level: identifier.type.coding[].code describes identifier.value.
    if (parent && !f.resourceType) parent.hints.push(...f.hints.slice(0, 8));
  };
  const scalar = (start: number, end: number, isString: boolean) => {
    const f = top();
    if (!f) return;
    if (f.kind === 'obj') {
      const key = f.pendingKey ?? '';
      f.pendingKey = undefined;
      if (isString && end - start < 80 && HINT_KEYS.has(key)) f.hints.push(text.slice(start, end));
      if (key === 'resourceType' && isString) {
        f.resourceType = text.slice(start, end);
        if (/^(?:Patient|RelatedPerson|Person|Bundle|Encounter|Observation|Condition|Coverage|Claim|ExplanationOfBenefit)$/.test(f.resourceType)) clinical = true;
        return;
      }
      f.entries.push({ key, start, end });
    } else {
      const parent = stack[stack.length - 2];
      const key = f.key ?? '';
      if (parent?.kind === 'obj' || stack.length === 1) {
        const nonPatient = f.staff || stack.some((s) => s.resourceType !== undefined && NON_PATIENT_RESOURCES.has(s.resourceType));
        if (fields.length < max) fields.push({ label: fieldLabel(parent?.key, key, parent?.hints ?? []), start, end, record: f.record, where: `${f.path}[]`, ...(nonPatient ? { nonPatient: true } : {}) });
      }
    }
  };

  try {
    ws();
    if (i >= n) return { format: 'json', fields, problems: [], clinical };
    do {
      ws();
      if (i >= n) break;
      const c = text[i]!;
      const f = top();
      if (f?.kind === 'obj' && f.pendingKey === undefined && c !== '}') {
        if (c === ',') {
          i++;
          continue;
        }
        if (c !== '"') throw new JsonError(i, `expected a key, found ${JSON.stringify(c)}`);
        const [s, e] = readString();
        f.pendingKey = text.slice(s, e);
        ws();
        if (text[i] !== ':') throw new JsonError(i, 'expected ":" after a key');
        i++;
        continue;
      }
      if (c === '{' || c === '[') {
        const parentKey = f?.kind === 'obj' ? f.pendingKey : f?.key;
        if (f?.kind === 'obj') f.pendingKey = undefined;
        const inArray = f?.kind === 'arr';
        const record = c === '{' && (inArray || !f) && (!f || stack.length <= 3) ? `o${objects}` : (f?.record ?? 'o0');
        if (c === '{') objects++;
        stack.push({ kind: c === '{' ? 'obj' : 'arr', key: parentKey, entries: [], hints: [], record, staff: (f?.staff ?? false) || staffContainer(parentKey) || staffEntity(f), path: `${f?.path ?? '$'}${parentKey && f?.kind !== 'arr' ? `.${parentKey}` : inArray ? '[]' : ''}` });
        i++;
      } else if (c === '}' || c === ']') {
        const fr = stack.pop();
        if (!fr || (fr.kind === 'obj') !== (c === '}')) throw new JsonError(i, `unexpected "${c}"`);
        if (fr.kind === 'obj') closeObject(fr);
        i++;
      } else if (c === ',') {
        i++;
      } else if (c === '"') {
        const [s, e] = readString();
        scalar(s, e, true);
        if (f && e - s >= 8 && embeddedJsonStart(text, s, e)) embedded(s, e, f);
      } else {
        const m = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|^(?:true|false|null)/.exec(text.slice(i, i + 64));
        if (!m) throw new JsonError(i, `unexpected ${JSON.stringify(c)}`);
        if (/^-?\d/.test(m[0])) scalar(i, i + m[0].length, false);
        else if (f?.kind === 'obj') f.pendingKey = undefined;
        i += m[0].length;
      }
    } while (stack.length > 0 || i < n);
    if (stack.length > 0) throw new JsonError(n, 'unexpected end of input (truncated JSON)');
    personRecords(fields);
    return { format: 'json', fields, problems: [], clinical };
  } catch (e) {
    if (!(e instanceof JsonError)) throw e;
    // Keep what the complete objects gave; report where parsing stopped.
    for (let k = stack.length - 1; k >= 0; k--) if (stack[k]!.kind === 'obj') closeObject(stack.pop()!);
    personRecords(fields);
    return { format: 'json', fields, problems: [{ line: lineAt(text, e.offset), detail: `invalid JSON: ${e.message}` }], clinical };
  }
}

/** JSON Lines / NDJSON: one document per line; a bad line is a problem, the rest still parse. */
export function jsonLinesFields(text: string): Structure {
  const out: Structure = { format: 'jsonl', fields: [], problems: [], clinical: false };
  let offset = 0;
  let lineNo = 0;
  for (const line of text.split('\n')) {
    lineNo++;
    if (line.trim()) {
      const s = jsonFields(line);
      for (const f of s.fields) out.fields.push({ ...f, start: f.start + offset, end: f.end + offset, record: `l${lineNo}` });
      if (s.problems.length && out.problems.length < 5) out.problems.push({ line: lineNo, detail: s.problems[0]!.detail });
      out.clinical ||= s.clinical;
    }
    offset += line.length + 1;
  }
  // A line is one event's record: one that names its member or patient puts the rest of it in view.
  personRecords(out.fields);
  return out;
}

/** Labels that name the person a record is about (not `insurance` or `npi`: a config has those). */
const PERSON_COLUMN = /(?:^|_)(?:patient|pt|dob|birth|birthdate|date_of_birth|mrn|ssn|member|subscriber|beneficiary|insured|enrollee)(?:_|$)/;

/**
 * An object in an array that names its person (`member_name`, `member_dob`) is that person's record,
 * nested objects and all (`variables.trips[].trip_date`, `.pickup` of an NEMT request): its fields
 * are judged with a patient in view. The document's top level is not a record of one person.
 */
function personRecords(fields: Field[]): void {
  const person = new Set<string>();
  for (const f of fields) if (f.record !== 'o0' && !f.nonPatient && PERSON_COLUMN.test(f.label)) person.add(f.record);
  if (person.size === 0) return;
  for (const f of fields) if (!f.nonPatient && f.patient === undefined && person.has(f.record)) f.patient = true;
}
