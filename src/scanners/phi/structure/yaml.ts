/** YAML via the `yaml` package's CST ranges: each scalar becomes a Field labelled by its key path. */
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node as YamlNode } from 'yaml';
import { fieldLabel, HINT_KEYS, staffContainer } from './hints.js';
import { lineAt, type Field, type Structure } from './types.js';

export function yamlFields(text: string): Structure {
  const fields: Field[] = [];
  const problems: Structure['problems'] = [];
  let records = 0;
  let docs;
  try {
    docs = parseAllDocuments(text, { uniqueKeys: false, prettyErrors: false });
  } catch (e) {
    return { format: 'yaml', fields, problems: [{ detail: `invalid YAML: ${(e as Error).message.split('\n')[0]}` }], clinical: false };
  }
  const list = Array.isArray(docs) ? docs : [];
  for (const doc of list) {
    if (doc.errors.length > 0) {
      const err = doc.errors[0]!;
      problems.push({ line: err.linePos?.[0]?.line ?? (err.pos ? lineAt(text, err.pos[0]) : undefined), detail: `invalid YAML: ${err.message.split('\n')[0]}` });
    }
    // `staff`: under a key that holds staff or organisations (`providers:`), every value is theirs.
    const walk = (node: unknown, containerKey: string | undefined, record: string, depth: number, staff: boolean): void => {
      if (depth > 64) return;
      if (isMap(node)) {
        const rec = depth <= 2 ? `y${records++}` : record;
        const hints: string[] = [];
        for (const p of node.items) {
          if (isPair(p) && isScalar(p.key) && isScalar(p.value) && HINT_KEYS.has(String(p.key.value)) && typeof p.value.value === 'string') hints.push(p.value.value);
        }
        for (const p of node.items) {
          if (!isPair(p)) continue;
          const key = isScalar(p.key) ? String(p.key.value) : '';
          const v = p.value as YamlNode | null;
          if (isScalar(v) && v.range && (typeof v.value === 'string' || typeof v.value === 'number')) {
            const [s, e] = scalarSpan(text, v.range[0], v.range[1]);
            if (e > s) fields.push({ label: fieldLabel(containerKey, key, hints), start: s, end: e, record: rec, where: key, ...(staff ? { nonPatient: true } : {}) });
          } else {
            walk(v, key, rec, depth + 1, staff || staffContainer(key));
          }
        }
      } else if (isSeq(node)) {
        for (const item of node.items) {
          if (isScalar(item) && item.range && (typeof item.value === 'string' || typeof item.value === 'number')) {
            const [s, e] = scalarSpan(text, item.range[0], item.range[1]);
            if (e > s) fields.push({ label: fieldLabel(undefined, containerKey ?? '', []), start: s, end: e, record, where: containerKey, ...(staff ? { nonPatient: true } : {}) });
          } else {
            walk(item, containerKey, record, depth + 1, staff);
          }
        }
      }
    };
    walk(doc.contents, undefined, 'y', 0, false);
  }
  return { format: 'yaml', fields, problems, clinical: false };
}

/** Strip quotes from a scalar's source range so the span covers the value only. */
function scalarSpan(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if ((text[s] === '"' || text[s] === "'") && text[e - 1] === text[s] && e - s >= 2) {
    s++;
    e--;
  }
  return [s, e];
}
