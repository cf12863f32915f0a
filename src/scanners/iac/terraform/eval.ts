/**
 * A small, total evaluator for Terraform expressions. It never throws on user input: anything it
 * cannot compute (a resource attribute known only after apply, an unsupported function) becomes
 * the unknown marker `${expression text}`, and every resource the expression mentions is recorded
 * as a reference so cross-resource rules can join on it.
 */
import { isUnknown, unknown, type Json, type JsonObject } from '../model.js';
import type { Expr } from './hcl.js';
import { FUNCTIONS } from './functions.js';

export interface Scope {
  vars: JsonObject;
  /** Lazily evaluated locals (name -> value); getter handles cycles. */
  local: (name: string) => Json;
  each?: { key: Json; value: Json };
  count?: { index: Json };
  /** Extra iteration variables from for expressions and dynamic blocks. */
  iter?: Record<string, Json>;
  /** Module path (`module.a.`) prefixed to recorded references. */
  modulePrefix: string;
  /** Directory of the module (for path.module). */
  dir: string;
  /** Resource types known to exist (any `<type>.<name>` root that is not one of these is still treated as a resource ref). */
  refs?: Set<string>;
}

const MAX_DEPTH = 64;
const ROOTS = new Set(['var', 'local', 'each', 'count', 'path', 'self', 'terraform', 'module', 'data']);

export function evaluate(e: Expr, scope: Scope, depth = 0): Json {
  if (depth > MAX_DEPTH) return unknown(e.text);
  const ev = (x: Expr) => evaluate(x, scope, depth + 1);
  switch (e.k) {
    case 'lit':
      return e.v;
    case 'raw':
      return unknown(e.text);
    case 'tmpl': {
      let out = '';
      for (const p of e.parts) {
        if (typeof p === 'string') out += p;
        else {
          const v = ev(p);
          out += typeof v === 'string' ? v : v === null ? '' : typeof v === 'object' ? unknown(p.text) : String(v);
        }
      }
      return out;
    }
    case 'tuple':
      return e.items.map(ev);
    case 'object': {
      const o: JsonObject = {};
      for (const it of e.items) {
        const k = ev(it.key);
        o[typeof k === 'string' ? k : JSON.stringify(k)] = ev(it.val);
      }
      return o;
    }
    case 'var':
    case 'attr':
    case 'index':
    case 'splat':
      return reference(e, scope, depth);
    case 'call': {
      const fn = FUNCTIONS[e.name.replace(/^provider::[^:]+::/, '')];
      let args = e.args.map(ev);
      if (e.expand && args.length > 0 && Array.isArray(args[args.length - 1])) args = [...args.slice(0, -1), ...(args[args.length - 1] as Json[])];
      if (!fn) return unknown(e.text);
      // try()/can() decide on their own what an unknown argument means.
      if (e.name !== 'try' && e.name !== 'can' && e.name !== 'coalesce' && args.some(hasUnknown)) return unknown(e.text);
      try {
        const r = fn(args);
        return r === undefined ? unknown(e.text) : r;
      } catch {
        return unknown(e.text);
      }
    }
    case 'cond': {
      const c = ev(e.c);
      if (typeof c === 'boolean') return c ? ev(e.t) : ev(e.f);
      if (c === 'true' || c === 'false') return c === 'true' ? ev(e.t) : ev(e.f);
      ev(e.t);
      ev(e.f);
      return unknown(e.text);
    }
    case 'un': {
      const v = ev(e.e);
      if (isUnknown(v)) return unknown(e.text);
      if (e.op === '!') return typeof v === 'boolean' ? !v : unknown(e.text);
      if (e.op === '-') return typeof v === 'number' ? -v : unknown(e.text);
      return unknown(e.text);
    }
    case 'bin':
      return binary(e.op, ev(e.l), ev(e.r), e.text);
    case 'for':
      return forExpr(e, scope, depth);
  }
}

function hasUnknown(v: Json): boolean {
  if (isUnknown(v)) return true;
  if (Array.isArray(v)) return v.some(hasUnknown);
  if (v && typeof v === 'object') return Object.values(v).some(hasUnknown);
  return false;
}

function binary(op: string, l: Json, r: Json, text: string): Json {
  if (op === '&&' || op === '||') {
    if (typeof l === 'boolean' && typeof r === 'boolean') return op === '&&' ? l && r : l || r;
    if (op === '&&' && (l === false || r === false)) return false;
    if (op === '||' && (l === true || r === true)) return true;
    return unknown(text);
  }
  if (isUnknown(l) || isUnknown(r)) return unknown(text);
  switch (op) {
    case '==':
      return JSON.stringify(l) === JSON.stringify(r);
    case '!=':
      return JSON.stringify(l) !== JSON.stringify(r);
  }
  const a = typeof l === 'string' ? Number(l) : l;
  const b = typeof r === 'string' ? Number(r) : r;
  if (typeof a !== 'number' || typeof b !== 'number' || Number.isNaN(a) || Number.isNaN(b)) return unknown(text);
  switch (op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '/': return b === 0 ? unknown(text) : a / b;
    case '%': return b === 0 ? unknown(text) : a % b;
    case '<': return a < b;
    case '>': return a > b;
    case '<=': return a <= b;
    case '>=': return a >= b;
  }
  return unknown(text);
}

function forExpr(e: Extract<Expr, { k: 'for' }>, scope: Scope, depth: number): Json {
  const coll = evaluate(e.coll, scope, depth + 1);
  if (isUnknown(coll) || coll === null || typeof coll !== 'object') return unknown(e.text);
  const entries: Array<[Json, Json]> = Array.isArray(coll) ? coll.map((v, i) => [i, v]) : Object.entries(coll);
  const outList: Json[] = [];
  const outObj: JsonObject = {};
  for (const [k, v] of entries.slice(0, 10_000)) {
    const iter = { ...(scope.iter ?? {}), [e.valVar]: v, ...(e.keyVar ? { [e.keyVar]: k } : {}) };
    const s: Scope = { ...scope, iter };
    if (e.cond) {
      const c = evaluate(e.cond, s, depth + 1);
      if (c === false) continue;
      if (c !== true) return unknown(e.text);
    }
    const val = evaluate(e.valExpr, s, depth + 1);
    if (e.object) {
      const key = evaluate(e.keyExpr!, s, depth + 1);
      if (isUnknown(key)) return unknown(e.text);
      const ks = typeof key === 'string' ? key : JSON.stringify(key);
      if (e.group) ((outObj[ks] ??= []) as Json[]).push(val);
      else outObj[ks] = val;
    } else outList.push(val);
  }
  return e.object ? outObj : outList;
}

/** Flatten a traversal (`a.b[0].c`) into its root name and steps. */
function traversal(e: Expr): { root: string; steps: Array<string | Expr>; splat: boolean } | undefined {
  const steps: Array<string | Expr> = [];
  let cur: Expr = e;
  let splat = false;
  for (;;) {
    if (cur.k === 'var') return { root: cur.name, steps: steps.reverse(), splat };
    if (cur.k === 'attr') steps.push(cur.name);
    else if (cur.k === 'index') steps.push(cur.idx);
    else if (cur.k === 'splat') {
      splat = true;
      steps.push(...[...cur.rest].reverse().map(String));
    } else return undefined;
    cur = (cur as { obj: Expr }).obj;
  }
}

function walk(v: Json, steps: Array<string | Expr>, scope: Scope, depth: number, text: string): Json {
  let cur = v;
  for (const s of steps) {
    if (isUnknown(cur)) return unknown(text);
    const key = typeof s === 'string' ? s : evaluate(s, scope, depth + 1);
    if (isUnknown(key)) return unknown(text);
    if (Array.isArray(cur)) {
      const i = typeof key === 'number' ? key : Number(key);
      if (!Number.isInteger(i)) return unknown(text);
      cur = cur[i] ?? unknown(text);
    } else if (cur && typeof cur === 'object') {
      cur = cur[String(key)] ?? unknown(text);
    } else return unknown(text);
  }
  return cur;
}

function reference(e: Expr, scope: Scope, depth: number): Json {
  const t = traversal(e);
  if (!t) return unknown(e.text);
  const { root, steps } = t;
  if (scope.iter && root in scope.iter) return walk(scope.iter[root]!, steps, scope, depth, e.text);
  // `True`/`False` are not HCL literals, but hand-written configs use them and mean the booleans.
  if (steps.length === 0 && (root === 'True' || root === 'False')) return root === 'True';
  const first = typeof steps[0] === 'string' ? steps[0] : undefined;
  switch (root) {
    case 'var':
      return first !== undefined && first in scope.vars ? walk(scope.vars[first]!, steps.slice(1), scope, depth, e.text) : unknown(e.text);
    case 'local':
      return first !== undefined ? walk(scope.local(first), steps.slice(1), scope, depth, e.text) : unknown(e.text);
    case 'each':
      if (!scope.each || first === undefined) return unknown(e.text);
      return walk(first === 'key' ? scope.each.key : first === 'value' ? scope.each.value : unknown(e.text), steps.slice(1), scope, depth, e.text);
    case 'count':
      return scope.count && first === 'index' ? scope.count.index : unknown(e.text);
    case 'path':
      return first === 'module' || first === 'root' || first === 'cwd' ? scope.dir || '.' : unknown(e.text);
    case 'data': {
      const second = typeof steps[1] === 'string' ? steps[1] : undefined;
      if (first && second) scope.refs?.add(`${scope.modulePrefix}data.${first}.${second}`);
      return unknown(e.text);
    }
    case 'module':
      if (first) scope.refs?.add(`${scope.modulePrefix}module.${first}`);
      return unknown(e.text);
  }
  if (!ROOTS.has(root) && first !== undefined) scope.refs?.add(`${scope.modulePrefix}${root}.${first}`);
  return unknown(e.text);
}
