/**
 * Policy as code: teams write IaC rules in YAML with a CEL condition over the normalized model
 * (`resource`, and `resources` = every resource of the same stack). The condition is true when the
 * resource VIOLATES the rule. Rules carry the same metadata as built-ins plus their own
 * valid/invalid cases (`hipaa-gate rules test DIR`). Anything that does not compile is a
 * HipaaGateError naming the file and line.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { celEnv, isCelError, parse, plan } from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';
import { HipaaGateError } from '../../../core/errors.js';
import { SEVERITIES, type Severity } from '../../../core/types.js';
import type { IacResource, Json } from '../model.js';
import type { ModelIndex } from '../rules/context.js';
import { defineRule, type IacRule } from '../rules/types.js';

export interface CustomCase {
  code: string;
  path?: string;
  /** invalid only: expected number of findings (default: at least one) and first line. */
  count?: number;
  line?: number;
}

export interface CustomRule extends IacRule {
  file: string;
  line: number;
  tests: { valid: CustomCase[]; invalid: CustomCase[] };
}

const ID_RE = /^iac\/[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9-]*$/;
const CITATION_RE = /^164\.\d{3}(\([a-zA-Z0-9]+\))*$/;
const env = celEnv({ funcs: strings });
const cache = new Map<string, CustomRule[]>();

type Compiled = (ctx: Record<string, unknown>) => unknown;

/** JSON -> CEL input: objects become Maps, integers stay numbers (CEL double; `==` works across). */
export function toCel(v: Json | undefined): unknown {
  if (Array.isArray(v)) return v.map(toCel);
  if (v && typeof v === 'object') return new Map(Object.entries(v).map(([k, x]) => [k, toCel(x)]));
  return v === undefined ? null : v;
}

export function resourceToJson(r: IacResource): Json {
  return { platform: r.platform, type: r.type, name: r.name, address: r.address, file: r.file, line: r.line, attributes: r.attributes, references: r.references, module: r.module ?? '' };
}

function ruleFiles(p: string): string[] {
  if (!existsSync(p)) throw new HipaaGateError('E_RULE', 'custom rule path does not exist', { file: p });
  if (statSync(p).isFile()) return [p];
  return readdirSync(p)
    .sort()
    .flatMap((n) => {
      const f = join(p, n);
      if (statSync(f).isDirectory()) return ruleFiles(f);
      return /\.ya?ml$/i.test(n) ? [f] : [];
    });
}

/** Load and compile every rule under `paths` (files or directories, relative to `root`). */
export function loadCustomRules(paths: string[], root: string): CustomRule[] {
  const out: CustomRule[] = [];
  const seen = new Map<string, string>();
  for (const p of paths) {
    const abs = isAbsolute(p) ? p : resolve(root, p);
    for (const f of ruleFiles(abs)) {
      let rules = cache.get(f);
      if (!rules) {
        rules = parseRuleFile(readFileSync(f, 'utf8'), relative(process.cwd(), f) || f);
        cache.set(f, rules);
      }
      for (const r of rules) {
        const prev = seen.get(r.id);
        if (prev) throw new HipaaGateError('E_RULE', `duplicate custom rule id ${r.id} (also in ${prev})`, { file: r.file, line: r.line });
        seen.set(r.id, r.file);
        out.push(r);
      }
    }
  }
  return out;
}

export function parseRuleFile(text: string, file: string): CustomRule[] {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    throw new HipaaGateError('E_RULE', `invalid YAML: ${e.message.split('\n')[0]}`, { file, line: e.linePos?.[0]?.line });
  }
  const lineOf = (n: unknown) => {
    const r = (n as YamlNode | null | undefined)?.range;
    return r ? lc.linePos(r[0]).line : 1;
  };
  const root = doc.contents as YamlNode | null;
  let items: YamlNode[];
  if (isMap(root) && root.has('rules')) {
    const list = root.get('rules', true) as YamlNode;
    if (!isSeq(list)) throw new HipaaGateError('E_RULE', '`rules` must be a list', { file, line: lineOf(list) });
    items = list.items as YamlNode[];
  } else if (isMap(root)) items = [root];
  else throw new HipaaGateError('E_RULE', 'a rule file holds one rule (a mapping) or `rules:` (a list of them)', { file, line: 1 });
  return items.map((node) => compileRule(node, file, lineOf));
}

function compileRule(node: YamlNode, file: string, lineOf: (n: unknown) => number): CustomRule {
  if (!isMap(node)) throw new HipaaGateError('E_RULE', 'a rule must be a mapping', { file, line: lineOf(node) });
  const line = lineOf(node);
  const raw = node.toJSON() as Record<string, unknown>;
  const keyLine = (k: string) => {
    const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === k);
    return pair ? lineOf(pair.key) : line;
  };
  const fail = (msg: string, key?: string): never => {
    throw new HipaaGateError('E_RULE', msg, { file, line: key ? keyLine(key) : line });
  };
  const known = new Set(['id', 'title', 'description', 'severity', 'hipaa', 'remediation', 'resource_types', 'condition', 'message', 'tests', 'help_uri']);
  for (const k of Object.keys(raw)) if (!known.has(k)) fail(`unknown key "${k}" (known: ${[...known].join(', ')})`, k);
  const id = raw.id;
  if (typeof id !== 'string' || !ID_RE.test(id)) fail('id must look like iac/<platform>/<name> (lowercase, dashes)', 'id');
  if (typeof raw.title !== 'string' || !raw.title.trim()) fail('title is required', 'title');
  if (!SEVERITIES.includes(raw.severity as Severity)) fail(`severity must be one of ${SEVERITIES.join(', ')}`, 'severity');
  const hipaa = raw.hipaa;
  if (!Array.isArray(hipaa) || hipaa.length === 0 || !hipaa.every((c) => typeof c === 'string' && CITATION_RE.test(c))) fail('hipaa must list at least one citation like 164.312(a)(2)(iv)', 'hipaa');
  if (typeof raw.remediation !== 'string' || !raw.remediation.trim()) fail('remediation is required', 'remediation');
  const types = raw.resource_types === undefined ? [] : raw.resource_types;
  if (!Array.isArray(types) || !types.every((t) => typeof t === 'string')) fail('resource_types must be a list of resource types', 'resource_types');
  if (typeof raw.condition !== 'string' || !raw.condition.trim()) fail('condition (a CEL expression, true = violation) is required', 'condition');
  const condition = raw.condition as string;
  let compiled: Compiled;
  try {
    compiled = plan(env, parse(condition)) as Compiled;
  } catch (e) {
    const m = /<input>:(\d+):(\d+): (.*)/.exec((e as Error).message);
    const block = /^BLOCK/.test(String((node.get('condition', true) as { type?: string } | undefined)?.type ?? ''));
    const condLine = keyLine('condition') + (m ? Number(m[1]) - 1 + (block ? 1 : 0) : 0);
    throw new HipaaGateError('E_RULE', `condition does not compile: ${m ? `column ${m[2]}: ${m[3]}` : (e as Error).message.split('\n')[0]}`, { file, line: condLine, cause: e });
  }
  const wantsAll = /\bresources\b/.test(condition);
  const message = typeof raw.message === 'string' ? raw.message : (raw.title as string);
  const tests = parseTests(raw.tests, fail);
  const rule = defineRule({
    id: id as string,
    title: raw.title as string,
    ...(typeof raw.description === 'string' ? { description: raw.description } : {}),
    severity: raw.severity as Severity,
    hipaa: hipaa as string[],
    remediation: raw.remediation as string,
    types: types as string[],
    check: (res: IacResource, m: ModelIndex) => {
      const ctx: Record<string, unknown> = { resource: toCel(resourceToJson(res)) };
      if (wantsAll) ctx.resources = m.resources.filter((x) => x.stack === res.stack).map((x) => toCel(resourceToJson(x)));
      const r = compiled(ctx);
      // An evaluation error (a missing key without has()) means "does not apply", not a violation.
      if (isCelError(r) || r !== true) return undefined;
      return { message };
    },
  });
  if (typeof raw.help_uri === 'string') rule.meta.helpUri = raw.help_uri;
  rule.meta.tags = ['iac', 'custom'];
  return { ...rule, file, line, tests };
}

function parseTests(t: unknown, fail: (m: string, k?: string) => never): CustomRule['tests'] {
  if (t === undefined) return { valid: [], invalid: [] };
  if (!t || typeof t !== 'object' || Array.isArray(t)) return fail('tests must be a mapping with valid: and invalid: lists', 'tests');
  const o = t as Record<string, unknown>;
  const list = (k: string): CustomCase[] => {
    const v = o[k] ?? [];
    if (!Array.isArray(v)) fail(`tests.${k} must be a list`, 'tests');
    return (v as unknown[]).map((c) => {
      if (typeof c === 'string') return { code: c };
      if (!c || typeof c !== 'object' || typeof (c as CustomCase).code !== 'string') fail(`each tests.${k} case needs code:`, 'tests');
      return c as CustomCase;
    });
  };
  return { valid: list('valid'), invalid: list('invalid') };
}

/** The file name a test case is parsed as, when it does not say. */
export function guessPath(code: string): string {
  if (/AWSTemplateFormatVersion|Type:\s*['"]?AWS::/.test(code)) return 'template.yaml';
  if (/^\s*apiVersion:/m.test(code)) return 'manifest.yaml';
  if (/^\s*FROM\s/im.test(code) && !/^\s*(resource|variable|module)\s/m.test(code)) return 'Dockerfile';
  if (/^\s*\{/.test(code) && /"format_version"/.test(code)) return 'plan.json';
  return 'main.tf';
}
