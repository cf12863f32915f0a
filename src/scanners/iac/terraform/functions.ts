/**
 * Terraform built-in functions that are pure and cheap. Anything not here evaluates to unknown.
 * A function returning undefined (or throwing) also means unknown: never a wrong value.
 */
import type { Json, JsonObject } from '../model.js';

type Fn = (a: Json[]) => Json | undefined;

const str = (v: Json | undefined): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined);
const list = (v: Json | undefined): Json[] | undefined => (Array.isArray(v) ? v : undefined);
const obj = (v: Json | undefined): JsonObject | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? v : undefined);
const num = (v: Json | undefined): number | undefined => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)) ? Number(v) : undefined);
const uniq = (xs: Json[]) => xs.filter((x, i) => xs.findIndex((y) => JSON.stringify(y) === JSON.stringify(x)) === i);

function sprintf(fmt: string, args: Json[]): string | undefined {
  let i = 0;
  let bad = false;
  const out = fmt.replace(/%(%|[-+ 0#]*\d*(?:\.\d+)?[sdvqtfeg])/g, (m, spec: string) => {
    if (spec === '%') return '%';
    const a = args[i++];
    if (a === undefined) {
      bad = true;
      return m;
    }
    const conv = spec[spec.length - 1];
    if (conv === 'd') return String(Math.trunc(num(a) ?? NaN));
    if (conv === 'q') return JSON.stringify(str(a) ?? '');
    if (conv === 'f') return (num(a) ?? NaN).toFixed(Number(/\.(\d+)/.exec(spec)?.[1] ?? 6));
    return typeof a === 'object' ? JSON.stringify(a) : String(a);
  });
  return bad ? undefined : out;
}

export const FUNCTIONS: Record<string, Fn> = {
  abs: ([a]) => Math.abs(num(a)!),
  ceil: ([a]) => Math.ceil(num(a)!),
  floor: ([a]) => Math.floor(num(a)!),
  max: (a) => Math.max(...a.map((x) => num(x)!)),
  min: (a) => Math.min(...a.map((x) => num(x)!)),
  pow: ([a, b]) => Math.pow(num(a)!, num(b)!),
  parseint: ([a, b]) => parseInt(str(a)!, num(b)!),
  signum: ([a]) => Math.sign(num(a)!),
  chomp: ([a]) => str(a)?.replace(/(\r?\n)+$/, ''),
  format: ([f, ...rest]) => (typeof f === 'string' ? sprintf(f, rest) : undefined),
  formatlist: ([f, ...rest]) => {
    const n = Math.max(...rest.map((r) => (Array.isArray(r) ? r.length : 1)));
    return typeof f === 'string' ? Array.from({ length: n }, (_, i) => sprintf(f, rest.map((r) => (Array.isArray(r) ? r[i]! : r))) ?? '') : undefined;
  },
  indent: ([n, s]) => str(s)?.replace(/\n/g, `\n${' '.repeat(num(n) ?? 0)}`),
  join: ([sep, ...ls]) => (typeof sep === 'string' ? ls.flatMap((l) => list(l) ?? []).map((x) => str(x) ?? '').join(sep) : undefined),
  lower: ([a]) => str(a)?.toLowerCase(),
  upper: ([a]) => str(a)?.toUpperCase(),
  title: ([a]) => str(a)?.replace(/\b\w/g, (c) => c.toUpperCase()),
  replace: ([s, f, r]) => {
    const a = str(s);
    const b = str(f);
    const c = str(r);
    if (a === undefined || b === undefined || c === undefined) return undefined;
    if (b.length > 2 && b.startsWith('/') && b.endsWith('/')) return undefined;
    return a.split(b).join(c);
  },
  split: ([sep, s]) => (typeof sep === 'string' && typeof s === 'string' ? s.split(sep) : undefined),
  strrev: ([a]) => str(a)?.split('').reverse().join(''),
  substr: ([s, o, l]) => {
    const a = str(s);
    const off = num(o);
    const len = num(l);
    if (a === undefined || off === undefined || len === undefined) return undefined;
    return len < 0 ? a.slice(off) : a.substr(off, len);
  },
  trim: ([s, c]) => {
    const a = str(s);
    const cs = str(c);
    if (a === undefined || cs === undefined) return undefined;
    let i = 0;
    let j = a.length;
    while (i < j && cs.includes(a[i]!)) i++;
    while (j > i && cs.includes(a[j - 1]!)) j--;
    return a.slice(i, j);
  },
  trimprefix: ([s, p]) => (typeof s === 'string' && typeof p === 'string' ? (s.startsWith(p) ? s.slice(p.length) : s) : undefined),
  trimsuffix: ([s, p]) => (typeof s === 'string' && typeof p === 'string' ? (s.endsWith(p) ? s.slice(0, s.length - p.length) : s) : undefined),
  trimspace: ([s]) => str(s)?.trim(),
  startswith: ([s, p]) => (typeof s === 'string' && typeof p === 'string' ? s.startsWith(p) : undefined),
  endswith: ([s, p]) => (typeof s === 'string' && typeof p === 'string' ? s.endsWith(p) : undefined),
  strcontains: ([s, p]) => (typeof s === 'string' && typeof p === 'string' ? s.includes(p) : undefined),
  alltrue: ([l]) => list(l)?.every((x) => x === true || x === 'true'),
  anytrue: ([l]) => list(l)?.some((x) => x === true || x === 'true'),
  coalesce: (a) => a.find((x) => x !== null && x !== '' && !(typeof x === 'string' && /^\$\{[\s\S]*\}$/.test(x))) ?? (a.some((x) => typeof x === 'string' && /^\$\{/.test(x)) ? undefined : null),
  coalescelist: (a) => a.find((x) => Array.isArray(x) && x.length > 0) ?? [],
  compact: ([l]) => list(l)?.filter((x) => x !== null && x !== ''),
  concat: (a) => (a.every(Array.isArray) ? (a as Json[][]).flat() : undefined),
  contains: ([l, v]) => list(l)?.some((x) => JSON.stringify(x) === JSON.stringify(v)),
  distinct: ([l]) => (list(l) ? uniq(list(l)!) : undefined),
  element: ([l, i]) => {
    const a = list(l);
    const n = num(i);
    return a && n !== undefined && a.length > 0 ? a[((n % a.length) + a.length) % a.length] : undefined;
  },
  flatten: ([l]) => {
    const f = (x: Json): Json[] => (Array.isArray(x) ? x.flatMap(f) : [x]);
    return list(l) ? f(l!) : undefined;
  },
  index: ([l, v]) => list(l)?.findIndex((x) => JSON.stringify(x) === JSON.stringify(v)),
  keys: ([m]) => (obj(m) ? Object.keys(obj(m)!).sort() : undefined),
  values: ([m]) => (obj(m) ? Object.keys(obj(m)!).sort().map((k) => obj(m)![k]!) : undefined),
  length: ([v]) => (Array.isArray(v) ? v.length : obj(v) ? Object.keys(v as JsonObject).length : typeof v === 'string' ? [...v].length : undefined),
  lookup: ([m, k, d]) => {
    const o = obj(m);
    const key = str(k);
    if (!o || key === undefined) return undefined;
    return key in o ? o[key] : d;
  },
  merge: (a) => (a.every((x) => x === null || obj(x)) ? Object.assign({}, ...a.filter((x) => x !== null)) : undefined),
  one: ([l]) => (Array.isArray(l) ? (l.length === 0 ? null : l.length === 1 ? l[0] : undefined) : undefined),
  range: (a) => {
    const n = a.map((x) => num(x)!);
    const [start, end, stepN] = n.length === 1 ? [0, n[0]!, 1] : [n[0]!, n[1]!, n[2] ?? 1];
    if (!stepN || Math.abs((end - start) / stepN) > 10_000) return undefined;
    const out: number[] = [];
    for (let i = start; stepN > 0 ? i < end : i > end; i += stepN) out.push(i);
    return out;
  },
  reverse: ([l]) => list(l)?.slice().reverse(),
  setproduct: () => undefined,
  slice: ([l, a, b]) => list(l)?.slice(num(a), num(b)),
  sort: ([l]) => list(l)?.map((x) => str(x) ?? '').sort(),
  sum: ([l]) => list(l)?.reduce<number>((s, x) => s + (num(x) ?? NaN), 0),
  toset: ([l]) => (list(l) ? uniq(list(l)!) : undefined),
  tolist: ([l]) => list(l),
  tomap: ([m]) => obj(m),
  tostring: ([v]) => (v === null ? null : str(v)),
  tonumber: ([v]) => (v === null ? null : num(v)),
  tobool: ([v]) => (typeof v === 'boolean' ? v : v === 'true' ? true : v === 'false' ? false : undefined),
  zipmap: ([k, v]) => {
    const ks = list(k);
    const vs = list(v);
    return ks && vs ? Object.fromEntries(ks.map((x, i) => [str(x) ?? '', vs[i] ?? null])) : undefined;
  },
  jsonencode: ([v]) => JSON.stringify(v),
  jsondecode: ([s]) => (typeof s === 'string' ? (JSON.parse(s) as Json) : undefined),
  base64encode: ([s]) => (typeof s === 'string' ? Buffer.from(s, 'utf8').toString('base64') : undefined),
  base64decode: ([s]) => (typeof s === 'string' ? Buffer.from(s, 'base64').toString('utf8') : undefined),
  try: (a) => a.find((x) => !(typeof x === 'string' && /^\$\{[\s\S]*\}$/.test(x))),
  can: (a) => (a.some((x) => typeof x === 'string' && /^\$\{[\s\S]*\}$/.test(x)) ? undefined : true),
};
