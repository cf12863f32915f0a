/**
 * Terraform configuration -> normalized resources. A directory is a module; directories no other
 * module calls are roots. Variables take (in order) module inputs, then `terraform.tfvars` /
 * `*.auto.tfvars` of a root, then their default; locals resolve lazily with cycle detection;
 * `count`, `for_each` and `dynamic` blocks expand; local module calls (`./x`, `../x`) recurse with
 * cycle and depth limits.
 */
import { posix } from 'node:path';
import { recordLine, unknown, isUnknown, type IacResource, type Json, type JsonObject, type ParseProblem } from '../model.js';
import type { Expr, HclBlock, HclBody } from './hcl.js';
import { evaluate, type Scope } from './eval.js';

export interface TfFile {
  path: string;
  dir: string;
  body: HclBody;
}

export const MAX_INSTANCES = 1000;
const MAX_MODULE_DEPTH = 16;
const META_ATTRS = new Set(['count', 'for_each', 'provider', 'depends_on']);
const META_BLOCKS = new Set(['lifecycle', 'provisioner', 'connection']);
const TYPE_RE = /^[a-z][a-z0-9]*_[a-z0-9_]+$/;

interface ModuleDef {
  dir: string;
  variables: Map<string, { expr?: Expr; line: number; file: string }>;
  locals: Map<string, { expr: Expr; file: string }>;
  resources: Array<{ block: HclBlock; file: string; data: boolean }>;
  calls: Array<{ block: HclBlock; file: string }>;
}

export function buildTerraform(files: TfFile[], tfvars: Map<string, JsonObject>, problems: ParseProblem[]): IacResource[] {
  const modules = new Map<string, ModuleDef>();
  for (const f of files) {
    let m = modules.get(f.dir);
    if (!m) modules.set(f.dir, (m = { dir: f.dir, variables: new Map(), locals: new Map(), resources: [], calls: [] }));
    for (const b of f.body.blocks) {
      if (b.type === 'variable' && b.labels[0]) m.variables.set(b.labels[0], { expr: b.body.attrs.find((a) => a.name === 'default')?.expr, line: b.line, file: f.path });
      else if (b.type === 'locals') for (const a of b.body.attrs) m.locals.set(a.name, { expr: a.expr, file: f.path });
      else if ((b.type === 'resource' || b.type === 'data') && b.labels.length >= 2) m.resources.push({ block: b, file: f.path, data: b.type === 'data' });
      else if (b.type === 'module' && b.labels[0]) m.calls.push({ block: b, file: f.path });
    }
  }
  const called = new Set<string>();
  for (const m of modules.values()) for (const c of m.calls) {
    const d = localSource(m.dir, c.block);
    if (d && d !== m.dir) called.add(d);
  }
  const out: IacResource[] = [];
  const reached = new Set<string>();
  const ctx = { modules, problems, out, reached };
  const roots = [...modules.keys()].filter((d) => !called.has(d)).sort();
  for (const d of roots) evalModule(ctx, d, tfvars.get(d) ?? {}, d, '', []);
  // Modules only reachable through a cycle still get checked on their own.
  for (const d of [...modules.keys()].sort()) if (!reached.has(d)) evalModule(ctx, d, tfvars.get(d) ?? {}, d, '', []);
  return out;
}

function localSource(dir: string, block: HclBlock): string | undefined {
  const src = block.body.attrs.find((a) => a.name === 'source')?.expr;
  if (!src || src.k !== 'lit' || typeof src.v !== 'string') return undefined;
  if (!/^\.\.?\//.test(src.v)) return undefined;
  return posix.normalize(posix.join(dir, src.v)).replace(/\/$/, '');
}

interface Ctx {
  modules: Map<string, ModuleDef>;
  problems: ParseProblem[];
  out: IacResource[];
  reached: Set<string>;
}

function evalModule(ctx: Ctx, dir: string, inputs: JsonObject, rootDir: string, prefix: string, stack: string[]): void {
  const m = ctx.modules.get(dir);
  if (!m) return;
  ctx.reached.add(dir);
  const base: Scope = { vars: {}, local: (n) => unknown(`local.${n}`), modulePrefix: prefix, dir };
  const vars: JsonObject = {};
  for (const [name, v] of m.variables) {
    if (name in inputs) vars[name] = inputs[name]!;
    else if (v.expr) vars[name] = evaluate(v.expr, base);
  }
  const cache = new Map<string, Json>();
  const resolving = new Set<string>();
  const scope: Scope = {
    vars,
    modulePrefix: prefix,
    dir,
    local: (n) => {
      if (cache.has(n)) return cache.get(n)!;
      const def = m.locals.get(n);
      if (!def || resolving.has(n)) return unknown(`local.${n}`);
      resolving.add(n);
      const v = evaluate(def.expr, scope);
      resolving.delete(n);
      cache.set(n, v);
      return v;
    },
  };
  for (const r of m.resources) expandResource(ctx, r, scope, prefix, `tf:${rootDir}:${prefix}`);
  for (const c of m.calls) {
    const name = c.block.labels[0]!;
    const target = localSource(dir, c.block);
    if (!target) continue;
    if (!ctx.modules.has(target)) {
      ctx.problems.push({ file: c.file, line: c.block.line, message: `module "${name}": source directory ${target} has no Terraform files in the scan` });
      continue;
    }
    if (stack.includes(target) || target === dir) {
      ctx.problems.push({ file: c.file, line: c.block.line, message: `module "${name}": module cycle (${[...stack, dir, target].join(' -> ')})` });
      continue;
    }
    if (stack.length >= MAX_MODULE_DEPTH) {
      ctx.problems.push({ file: c.file, line: c.block.line, message: `module "${name}": nesting deeper than ${MAX_MODULE_DEPTH}` });
      continue;
    }
    const countAttr = c.block.body.attrs.find((a) => a.name === 'count');
    if (countAttr && evaluate(countAttr.expr, scope) === 0) continue;
    const eachAttr = c.block.body.attrs.find((a) => a.name === 'for_each');
    const each = eachAttr ? firstEach(evaluate(eachAttr.expr, scope)) : undefined;
    const s: Scope = each ? { ...scope, each } : countAttr ? { ...scope, count: { index: 0 } } : scope;
    const childInputs: JsonObject = {};
    for (const a of c.block.body.attrs) if (!['source', 'version', 'count', 'for_each', 'providers', 'depends_on'].includes(a.name)) childInputs[a.name] = evaluate(a.expr, s);
    evalModule(ctx, target, childInputs, rootDir, `${prefix}module.${name}.`, [...stack, dir]);
  }
}

function firstEach(v: Json): { key: Json; value: Json } | undefined {
  if (Array.isArray(v) && v.length > 0) return { key: v[0]!, value: v[0]! };
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const k = Object.keys(v)[0];
    if (k !== undefined) return { key: k, value: v[k]! };
  }
  return undefined;
}

function expandResource(ctx: Ctx, r: ModuleDef['resources'][number], scope: Scope, prefix: string, stack: string): void {
  const [type, name] = r.block.labels as [string, string];
  if (!TYPE_RE.test(type)) {
    ctx.problems.push({ file: r.file, line: r.block.line, message: `unknown resource type "${type}"` });
    return;
  }
  const countAttr = r.block.body.attrs.find((a) => a.name === 'count');
  const eachAttr = r.block.body.attrs.find((a) => a.name === 'for_each');
  const baseAddr = `${prefix}${r.data ? 'data.' : ''}${type}.${name}`;
  const instances: Array<{ suffix: string; scope: Scope }> = [];
  if (countAttr) {
    const c = evaluate(countAttr.expr, scope);
    const n = typeof c === 'number' ? c : typeof c === 'boolean' ? Number(c) : undefined;
    if (n === undefined) instances.push({ suffix: '', scope: { ...scope, count: { index: unknown('count.index') } } });
    else {
      if (n > MAX_INSTANCES) ctx.problems.push({ file: r.file, line: countAttr.line, message: `${baseAddr}: count = ${n}; only the first ${MAX_INSTANCES} instances are checked` });
      for (let i = 0; i < Math.min(n, MAX_INSTANCES); i++) instances.push({ suffix: `[${i}]`, scope: { ...scope, count: { index: i } } });
    }
  } else if (eachAttr) {
    const v = evaluate(eachAttr.expr, scope);
    const entries: Array<[string, Json]> = Array.isArray(v) ? v.map((x) => [typeof x === 'string' ? x : JSON.stringify(x), x]) : v && typeof v === 'object' ? Object.entries(v) : [];
    if (isUnknown(v) || entries.length === 0 && typeof v === 'string') instances.push({ suffix: '', scope: { ...scope, each: { key: unknown('each.key'), value: unknown('each.value') } } });
    else {
      if (entries.length > MAX_INSTANCES) ctx.problems.push({ file: r.file, line: eachAttr.line, message: `${baseAddr}: for_each has ${entries.length} keys; only the first ${MAX_INSTANCES} are checked` });
      for (const [k, val] of entries.slice(0, MAX_INSTANCES)) instances.push({ suffix: `[${JSON.stringify(k)}]`, scope: { ...scope, each: { key: k, value: val } } });
    }
  } else instances.push({ suffix: '', scope });

  for (const inst of instances) {
    const refs = new Set<string>();
    const lines: Record<string, number> = {};
    const s: Scope = { ...inst.scope, refs };
    const attributes = bodyToAttrs(r.block.body, s, '', lines, true);
    refs.delete(baseAddr);
    ctx.out.push({
      platform: 'terraform',
      type: r.data ? `data.${type}` : type,
      name,
      address: `${baseAddr}${inst.suffix}`,
      file: r.file,
      line: r.block.line,
      endLine: r.block.endLine,
      attributes,
      lines,
      references: [...refs].sort(),
      ...(prefix ? { module: prefix.slice(0, -1) } : {}),
      stack,
    });
  }
}

function recordExprLines(e: Expr, path: string, lines: Record<string, number>): void {
  if (e.k === 'object') {
    for (const it of e.items) {
      const k = it.key.k === 'lit' ? String(it.key.v) : it.key.text;
      recordLine(lines, `${path}.${k}`, it.line);
      recordExprLines(it.val, `${path}.${k}`, lines);
    }
  } else if (e.k === 'tuple') e.items.forEach((x, i) => {
    recordLine(lines, `${path}.${i}`, x.line);
    recordExprLines(x, `${path}.${i}`, lines);
  });
}

function bodyToAttrs(body: HclBody, scope: Scope, path: string, lines: Record<string, number>, top: boolean): JsonObject {
  const o: JsonObject = {};
  for (const a of body.attrs) {
    if (top && META_ATTRS.has(a.name)) {
      if (a.name === 'depends_on') evaluate(a.expr, scope);
      continue;
    }
    o[a.name] = evaluate(a.expr, scope);
    recordLine(lines, `${path}${a.name}`, a.line);
    recordExprLines(a.expr, `${path}${a.name}`, lines);
  }
  for (const b of body.blocks) {
    if (top && META_BLOCKS.has(b.type)) continue;
    if (b.type === 'dynamic' && b.labels[0]) {
      expandDynamic(b, scope, path, lines, o);
      continue;
    }
    const arr = (o[b.type] ??= []) as Json[];
    const p = `${path}${b.type}.${arr.length}`;
    recordLine(lines, p, b.line);
    arr.push(bodyToAttrs(b.body, scope, `${p}.`, lines, false));
  }
  return o;
}

function expandDynamic(b: HclBlock, scope: Scope, path: string, lines: Record<string, number>, o: JsonObject): void {
  const label = b.labels[0]!;
  const iterName = (() => {
    const it = b.body.attrs.find((a) => a.name === 'iterator')?.expr;
    return it && it.k === 'var' ? it.name : label;
  })();
  const content = b.body.blocks.find((x) => x.type === 'content');
  const fe = b.body.attrs.find((a) => a.name === 'for_each');
  if (!content || !fe) return;
  const coll = evaluate(fe.expr, scope);
  const arr = (o[label] ??= []) as Json[];
  const items: Array<[Json, Json]> = isUnknown(coll)
    ? [[unknown(`${iterName}.key`), unknown(`${iterName}.value`)]]
    : Array.isArray(coll)
      ? coll.slice(0, MAX_INSTANCES).map((v, i) => [i, v])
      : coll && typeof coll === 'object'
        ? Object.entries(coll).slice(0, MAX_INSTANCES)
        : [];
  for (const [k, v] of items) {
    const p = `${path}${label}.${arr.length}`;
    recordLine(lines, p, b.line);
    arr.push(bodyToAttrs(content.body, { ...scope, iter: { ...(scope.iter ?? {}), [iterName]: { key: k, value: v } } }, `${p}.`, lines, false));
  }
}
