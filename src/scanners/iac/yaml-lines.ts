/**
 * YAML (and JSON, which the `yaml` package parses as YAML 1.2 flow syntax) to plain values with
 * the line of every key. CloudFormation short-form intrinsics (`!Ref`, `!Sub` ...) are declared as
 * custom tags so they parse without warnings and come out in their long JSON form.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node as YamlNode, type Tags } from 'yaml';
import { recordLine, type Json } from './model.js';

const INTRINSICS = ['Ref', 'Condition', 'Base64', 'Cidr', 'FindInMap', 'GetAtt', 'GetAZs', 'ImportValue', 'Join', 'Select', 'Split', 'Sub', 'Transform', 'And', 'Equals', 'If', 'Not', 'Or', 'ToJsonString', 'Length'];

/** Identity tags: the node is kept; `toValue` reads `node.tag` and builds the `Fn::X` form. */
export const CFN_TAGS: Tags = INTRINSICS.flatMap((name) => [
  { tag: `!${name}`, resolve: (s: string) => s },
  { tag: `!${name}`, collection: 'seq' as const, resolve: (v: unknown) => v as never },
  { tag: `!${name}`, collection: 'map' as const, resolve: (v: unknown) => v as never },
]) as unknown as Tags;

export interface LinedDoc {
  value: Json;
  lines: Record<string, number>;
  /** 1-based line where the document starts. */
  line: number;
  endLine: number;
  error?: { line: number; message: string };
}

export function parseYamlDocs(text: string, opts: { cfnTags?: boolean } = {}): LinedDoc[] {
  const lc = new LineCounter();
  const docs = parseAllDocuments(text, {
    lineCounter: lc,
    customTags: opts.cfnTags ? CFN_TAGS : [],
    uniqueKeys: false,
    prettyErrors: false,
    strict: false,
  });
  const list = Array.isArray(docs) ? docs : [];
  if (!Array.isArray(docs)) {
    // EmptyStream: nothing to parse.
    return [];
  }
  return list.map((d) => convertDoc(d, lc));
}

function convertDoc(d: Document.Parsed, lc: LineCounter): LinedDoc {
  const lines: Record<string, number> = {};
  const ln = (off: number | undefined) => (off === undefined ? 1 : lc.linePos(off).line);
  const start = ln(d.range?.[0]);
  const end = ln(d.range?.[2] ?? d.range?.[1]);
  if (d.errors.length > 0) {
    const e = d.errors[0]!;
    return { value: null, lines, line: start, endLine: end, error: { line: e.linePos?.[0]?.line ?? ln(e.pos[0]), message: e.message.split('\n')[0]! } };
  }
  // Aliases are expanded by hand, so cap them (a "billion laughs" document must not hang the scan).
  let aliases = 0;
  const toValue = (n: YamlNode | null | undefined, path: string, depth: number): Json => {
    if (!n || depth > 200) return null;
    if (isAlias(n)) return ++aliases > 10_000 ? null : toValue(n.resolve(d) as YamlNode | undefined, path, depth + 1);
    let v: Json;
    if (isScalar(n)) {
      const s = n.value;
      v = s === undefined ? null : s instanceof Date ? s.toISOString() : typeof s === 'bigint' ? Number(s) : (s as Json);
      if (typeof v === 'number' && !Number.isFinite(v)) v = String(n.source ?? v);
    } else if (isMap(n)) {
      const o: Record<string, Json> = {};
      for (const it of n.items) {
        if (!isPair(it)) continue;
        const key = isScalar(it.key) ? String(it.key.value) : String(it.key);
        const p = path ? `${path}.${key}` : key;
        const kr = (it.key as YamlNode | null)?.range;
        if (kr) recordLine(lines, p, ln(kr[0]));
        if (key === '<<' && isMap(it.value)) Object.assign(o, toValue(it.value as YamlNode, path, depth + 1) as object);
        else o[key] = toValue(it.value as YamlNode | null, p, depth + 1);
      }
      v = o;
    } else if (isSeq(n)) {
      v = n.items.map((x, i) => {
        const p = path ? `${path}.${i}` : String(i);
        const r = (x as YamlNode | null)?.range;
        if (r) recordLine(lines, p, ln(r[0]));
        return toValue(x as YamlNode | null, p, depth + 1);
      });
    } else v = null;
    const tag = n.tag;
    if (tag && tag.startsWith('!') && !tag.startsWith('!!')) {
      const name = tag.slice(1);
      if (INTRINSICS.includes(name)) {
        if (name === 'Ref' || name === 'Condition') return { [name]: v };
        if (name === 'GetAtt' && typeof v === 'string') {
          const i = v.indexOf('.');
          return { 'Fn::GetAtt': i < 0 ? [v] : [v.slice(0, i), v.slice(i + 1)] };
        }
        return { [`Fn::${name}`]: v };
      }
    }
    return v;
  };
  return { value: toValue(d.contents as YamlNode | null, '', 0), lines, line: start, endLine: end };
}
