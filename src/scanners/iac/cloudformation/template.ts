/**
 * CloudFormation (YAML or JSON) -> normalized resources. Intrinsics resolve where the template
 * alone decides them: parameter defaults, mappings, conditions, `Fn::Sub`/`Join`/`Select`/`Split`/
 * `If`. A reference to another resource stays as the unknown marker `${Logical}` or
 * `${Logical.Attr}` and is recorded in `references`.
 */
import { isUnknown, unknown, type IacResource, type Json, type JsonObject, type ParseProblem } from '../model.js';
import type { LinedDoc } from '../yaml-lines.js';

export const MAX_RESOURCES_PER_TEMPLATE = 50_000;
const TYPE_RE = /^(AWS|Alexa)::[A-Za-z0-9]+::[A-Za-z0-9:]+$|^Custom::[A-Za-z0-9_@-]+$/;
const NO_VALUE = Symbol('NoValue');

export function looksLikeCloudFormation(v: Json): boolean {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  if ('AWSTemplateFormatVersion' in v) return true;
  const r = v.Resources;
  if (!r || typeof r !== 'object' || Array.isArray(r)) return false;
  return Object.values(r).some((x) => x && typeof x === 'object' && !Array.isArray(x) && typeof x.Type === 'string' && /^(AWS|Custom|Alexa)::/.test(x.Type));
}

interface Ctx {
  params: JsonObject;
  mappings: JsonObject;
  conditions: JsonObject;
  condCache: Map<string, boolean | undefined>;
  resources: Set<string>;
  refs: Set<string>;
}

export function buildCloudFormation(doc: LinedDoc, file: string, problems: ParseProblem[]): IacResource[] {
  const t = doc.value as JsonObject;
  const resources = (t.Resources ?? {}) as JsonObject;
  const params: JsonObject = {};
  for (const [k, p] of Object.entries((t.Parameters ?? {}) as JsonObject)) {
    const d = p && typeof p === 'object' && !Array.isArray(p) ? p.Default : undefined;
    params[k] = d === undefined ? unknown(k) : d;
  }
  const ctx: Ctx = {
    params,
    mappings: (t.Mappings ?? {}) as JsonObject,
    conditions: (t.Conditions ?? {}) as JsonObject,
    condCache: new Map(),
    resources: new Set(Object.keys(resources)),
    refs: new Set(),
  };
  const globals = ((t.Globals ?? {}) as JsonObject) ?? {};
  const out: IacResource[] = [];
  const entries = Object.entries(resources);
  if (entries.length > MAX_RESOURCES_PER_TEMPLATE) {
    problems.push({ file, line: doc.lines.Resources ?? 1, message: `template has ${entries.length} resources; only the first ${MAX_RESOURCES_PER_TEMPLATE} are checked` });
  }
  const linesByRes = new Map<string, Array<[string, number]>>();
  for (const [k, l] of Object.entries(doc.lines)) {
    if (!k.startsWith('Resources.')) continue;
    const rest = k.slice('Resources.'.length);
    const dot = rest.indexOf('.');
    const rn = dot < 0 ? rest : rest.slice(0, dot);
    let a = linesByRes.get(rn);
    if (!a) linesByRes.set(rn, (a = []));
    a.push([dot < 0 ? '' : rest.slice(dot + 1), l]);
  }
  for (const [name, r] of entries.slice(0, MAX_RESOURCES_PER_TEMPLATE)) {
    const line = doc.lines[`Resources.${name}`] ?? 1;
    if (!r || typeof r !== 'object' || Array.isArray(r) || typeof r.Type !== 'string') {
      problems.push({ file, line, message: `resource ${name} has no Type` });
      continue;
    }
    const type = r.Type;
    if (!TYPE_RE.test(type)) {
      problems.push({ file, line, message: `unknown resource type "${type}"` });
      continue;
    }
    ctx.refs = new Set();
    let props = (r.Properties ?? {}) as Json;
    // SAM Globals apply to every serverless resource of the kind.
    const g = type.startsWith('AWS::Serverless::') ? (globals as JsonObject)[type.slice('AWS::Serverless::'.length)] : undefined;
    if (g && typeof g === 'object' && !Array.isArray(g) && props && typeof props === 'object' && !Array.isArray(props)) props = deepMerge(g, props);
    const resolved = resolve(props, ctx, 0);
    const attributes = (resolved && typeof resolved === 'object' && !Array.isArray(resolved) ? resolved : {}) as JsonObject;
    const lines: Record<string, number> = {};
    let endLine = line;
    for (const [k, l] of linesByRes.get(name) ?? []) {
      if (k.startsWith('Properties.')) lines[k.slice('Properties.'.length)] = l;
      if (l > endLine) endLine = l;
    }
    ctx.refs.delete(name);
    out.push({
      platform: 'cloudformation',
      type,
      name,
      address: `${type}.${name}`,
      file,
      line,
      endLine,
      attributes,
      lines,
      references: [...ctx.refs].sort(),
      stack: `cfn:${file}`,
    });
  }
  return out;
}

function deepMerge(a: JsonObject, b: JsonObject): JsonObject {
  const o: JsonObject = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const av = o[k];
    o[k] = av && v && typeof av === 'object' && typeof v === 'object' && !Array.isArray(av) && !Array.isArray(v) ? deepMerge(av, v) : v;
  }
  return o;
}

function resolve(v: Json, ctx: Ctx, depth: number): Json {
  const r = resolveInner(v, ctx, depth);
  return r === NO_VALUE ? null : r;
}

function resolveInner(v: Json, ctx: Ctx, depth: number): Json | typeof NO_VALUE {
  if (depth > 100) return unknown('too-deep');
  if (Array.isArray(v)) return v.map((x) => resolveInner(x, ctx, depth + 1)).filter((x): x is Json => x !== NO_VALUE);
  if (!v || typeof v !== 'object') return v;
  const keys = Object.keys(v);
  if (keys.length === 1) {
    const k = keys[0]!;
    const arg = v[k]!;
    if (k === 'Ref') return ref(arg, ctx);
    if (k === 'Condition' && typeof arg === 'string') return v;
    if (k.startsWith('Fn::')) return intrinsic(k.slice(4), arg, ctx, depth);
  }
  const o: JsonObject = {};
  for (const [k, x] of Object.entries(v)) {
    const r = resolveInner(x, ctx, depth + 1);
    if (r !== NO_VALUE) o[k] = r;
  }
  return o;
}

function ref(arg: Json, ctx: Ctx): Json | typeof NO_VALUE {
  if (typeof arg !== 'string') return unknown('Ref');
  if (arg === 'AWS::NoValue') return NO_VALUE;
  if (arg in ctx.params) return ctx.params[arg]!;
  if (ctx.resources.has(arg)) ctx.refs.add(arg);
  return unknown(arg);
}

function cond(name: string, ctx: Ctx, depth: number): boolean | undefined {
  if (ctx.condCache.has(name)) return ctx.condCache.get(name);
  ctx.condCache.set(name, undefined);
  const c = ctx.conditions[name];
  const r = c === undefined ? undefined : condValue(c, ctx, depth + 1);
  ctx.condCache.set(name, r);
  return r;
}

function condValue(v: Json, ctx: Ctx, depth: number): boolean | undefined {
  if (depth > 50 || !v || typeof v !== 'object' || Array.isArray(v)) return typeof v === 'boolean' ? v : undefined;
  if ('Condition' in v && typeof v.Condition === 'string') return cond(v.Condition, ctx, depth);
  const r = resolveInner(v, ctx, depth);
  return typeof r === 'boolean' ? r : r === 'true' ? true : r === 'false' ? false : undefined;
}

function str(v: Json | typeof NO_VALUE): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

function intrinsic(fn: string, arg: Json, ctx: Ctx, depth: number): Json | typeof NO_VALUE {
  const R = (x: Json) => resolveInner(x, ctx, depth + 1);
  const args = Array.isArray(arg) ? arg : [arg];
  switch (fn) {
    case 'GetAtt': {
      const parts = Array.isArray(arg) ? arg.map((x) => str(R(x)) ?? '?') : typeof arg === 'string' ? [arg] : ['?'];
      if (parts[0] && ctx.resources.has(parts[0])) ctx.refs.add(parts[0]);
      return unknown(parts.join('.'));
    }
    case 'Sub': {
      const tmpl = Array.isArray(arg) ? arg[0] : arg;
      const vars = Array.isArray(arg) && arg[1] && typeof arg[1] === 'object' && !Array.isArray(arg[1]) ? arg[1] : {};
      if (typeof tmpl !== 'string') return unknown('Fn::Sub');
      return tmpl.replace(/\$\{([^!}][^}]*)\}/g, (m, name: string) => {
        if (name in vars) {
          const x = R((vars as JsonObject)[name]!);
          return str(x) ?? m;
        }
        if (name in ctx.params) return str(ctx.params[name]!) ?? m;
        const root = name.split('.')[0]!;
        if (ctx.resources.has(root)) ctx.refs.add(root);
        return m;
      });
    }
    case 'Join': {
      const [sep, list] = args;
      const l = R(list ?? []);
      if (typeof sep !== 'string' || !Array.isArray(l)) return unknown('Fn::Join');
      return l.map((x) => str(x) ?? JSON.stringify(x)).join(sep);
    }
    case 'Select': {
      const i = Number(str(R(args[0] ?? 0)));
      const l = R(args[1] ?? []);
      return Array.isArray(l) && Number.isInteger(i) && l[i] !== undefined ? l[i]! : unknown('Fn::Select');
    }
    case 'Split': {
      const s = str(R(args[1] ?? ''));
      return typeof args[0] === 'string' && s !== undefined && !isUnknown(s) ? s.split(args[0]) : unknown('Fn::Split');
    }
    case 'FindInMap': {
      const [m, a, b] = args.map((x) => str(R(x)));
      const mm = m !== undefined ? ctx.mappings[m] : undefined;
      const row = mm && typeof mm === 'object' && !Array.isArray(mm) && a !== undefined ? mm[a] : undefined;
      const val = row && typeof row === 'object' && !Array.isArray(row) && b !== undefined ? row[b] : undefined;
      return val !== undefined ? R(val) : unknown('Fn::FindInMap');
    }
    case 'If': {
      const [c, t, f] = args;
      const b = typeof c === 'string' ? cond(c, ctx, depth) : undefined;
      if (b === true) return R(t ?? null);
      if (b === false) return R(f ?? null);
      // Undecidable: check the branch that is worse for the rule is impossible to know, so keep both visible.
      const rt = R(t ?? null);
      R(f ?? null);
      return rt;
    }
    case 'Equals': {
      const [a, b] = args.map(R);
      if (a === NO_VALUE || b === NO_VALUE || isUnknown(a) || isUnknown(b)) return unknown('Fn::Equals');
      return JSON.stringify(a) === JSON.stringify(b) || str(a) === str(b);
    }
    case 'Not': {
      const b = condValue(args[0] ?? null, ctx, depth + 1);
      return b === undefined ? unknown('Fn::Not') : !b;
    }
    case 'And':
    case 'Or': {
      const bs = args.map((x) => condValue(x, ctx, depth + 1));
      if (fn === 'And') return bs.includes(false) ? false : bs.every((x) => x === true) ? true : unknown('Fn::And');
      return bs.includes(true) ? true : bs.every((x) => x === false) ? false : unknown('Fn::Or');
    }
    case 'Base64':
      return R(arg);
    default:
      R(arg);
      return unknown(`Fn::${fn}`);
  }
}
