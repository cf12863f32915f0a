/**
 * A tolerant JSON walker that keeps offsets (JSON.parse loses them): every string or number value
 * becomes a Field labelled by its container key, its own key and sibling hints (FHIR `system`).
 * Malformed input stops the walk with a problem at the line of the error; fields found before it
 * are kept and the caller still scans the file as text.
 */
import { fieldLabel, HINT_KEYS, NON_PATIENT_RESOURCES } from './hints.js';
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
  const closeObject = (f: Frame) => {
    const nonPatient = f.resourceType !== undefined && NON_PATIENT_RESOURCES.has(f.resourceType);
    for (const e of f.entries) {
      if (fields.length >= max) break;
      const inherited = stack.some((s) => s.resourceType !== undefined && NON_PATIENT_RESOURCES.has(s.resourceType));
      fields.push({ label: fieldLabel(f.key, e.key, f.hints), start: e.start, end: e.end, record: f.record, where: `${f.path}.${e.key}`, ...(nonPatient || inherited ? { nonPatient: true } : {}) });
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
        const nonPatient = stack.some((s) => s.resourceType !== undefined && NON_PATIENT_RESOURCES.has(s.resourceType));
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
        stack.push({ kind: c === '{' ? 'obj' : 'arr', key: parentKey, entries: [], hints: [], record, path: `${f?.path ?? '$'}${parentKey && f?.kind !== 'arr' ? `.${parentKey}` : inArray ? '[]' : ''}` });
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
      } else {
        const m = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|^(?:true|false|null)/.exec(text.slice(i, i + 64));
        if (!m) throw new JsonError(i, `unexpected ${JSON.stringify(c)}`);
        if (/^-?\d/.test(m[0])) scalar(i, i + m[0].length, false);
        else if (f?.kind === 'obj') f.pendingKey = undefined;
        i += m[0].length;
      }
    } while (stack.length > 0 || i < n);
    if (stack.length > 0) throw new JsonError(n, 'unexpected end of input (truncated JSON)');
    return { format: 'json', fields, problems: [], clinical };
  } catch (e) {
    if (!(e instanceof JsonError)) throw e;
    // Keep what the complete objects gave; report where parsing stopped.
    for (let k = stack.length - 1; k >= 0; k--) if (stack[k]!.kind === 'obj') closeObject(stack.pop()!);
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
  return out;
}
