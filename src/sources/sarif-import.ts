import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import picomatch from 'picomatch';
import { LineCounter, parseDocument } from 'yaml';
import { HipaaGateError } from '../core/errors.js';
import type { Finding, RuleMeta, Severity, Skipped } from '../core/types.js';
import { SEVERITIES } from '../core/types.js';
import { sha256Hex } from '../core/hash.js';
import { maskSecret } from '../core/mask.js';
import type { ResolvedConfig } from '../config/config.js';
import { defaultMapping, toolFamily, type GitlabKind } from './sarif-defaults.js';

/**
 * Bring other scanners' SARIF 2.1.0 results into the same gate, waivers and evidence. Findings
 * become `imported/<tool>/<ruleId>`; citations and severities come from the mapping file, then the
 * built-in defaults per tool family. Snippets are treated as sensitive and only kept masked.
 */
export interface ImportResult {
  findings: Finding[];
  rules: RuleMeta[];
  skipped: Skipped[];
}

export interface MappingRule {
  tool?: string;
  id: string;
  hipaa?: string[];
  severity?: Severity;
  gitlab?: GitlabKind;
  line?: number;
}

const MAX_SARIF_BYTES = 512 * 1024 * 1024;
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);

export function loadMapping(file: string): MappingRule[] {
  if (!existsSync(file)) throw new HipaaGateError('E_CONFIG', 'import mapping file not found', { file });
  const lc = new LineCounter();
  const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter: lc, uniqueKeys: true });
  if (doc.errors.length) throw new HipaaGateError('E_CONFIG', `invalid YAML: ${doc.errors[0]!.message.split('\n')[0]}`, { file, line: doc.errors[0]!.linePos?.[0]?.line });
  const raw = doc.toJS() as unknown;
  const list = isObj(raw) ? raw.rules : undefined;
  if (!Array.isArray(list)) throw new HipaaGateError('E_CONFIG', 'the mapping needs a "rules:" list', { file, line: 1 });
  const seq = doc.get('rules', true) as { items?: Array<{ range?: [number] }> } | undefined;
  return list.map((r, i) => {
    const line = seq?.items?.[i]?.range ? lc.linePos(seq.items[i]!.range![0]).line : undefined;
    const fail = (m: string) => new HipaaGateError('E_CONFIG', `rules[${i}]: ${m}`, { file, line });
    if (!isObj(r)) throw fail('must be a mapping');
    for (const k of Object.keys(r)) if (!['tool', 'id', 'hipaa', 'severity', 'gitlab'].includes(k)) throw fail(`unknown key "${k}"`);
    if (!str(r.id)) throw fail('"id" (a glob over the tool\'s rule ids) is required');
    if (r.hipaa !== undefined && (!Array.isArray(r.hipaa) || !r.hipaa.every((h) => typeof h === 'string' && /^164\.\d{3}/.test(h)))) throw fail('"hipaa" must be a list of citations like 164.312(d)');
    if (r.severity !== undefined && !SEVERITIES.includes(r.severity as Severity)) throw fail(`"severity" must be one of ${SEVERITIES.join(', ')}`);
    if (r.gitlab !== undefined && !['secret_detection', 'sast', 'dependency_scanning', 'container_scanning'].includes(r.gitlab as string)) throw fail('"gitlab" must be secret_detection, sast, dependency_scanning or container_scanning');
    if (r.tool !== undefined && !str(r.tool)) throw fail('"tool" must be a string');
    return { ...(r as unknown as MappingRule), line };
  });
}

/** SARIF `security-severity` is a CVSS-like score (GitHub's bands). */
export function severityFromScore(score: number): Severity {
  return score >= 9 ? 'critical' : score >= 7 ? 'high' : score >= 4 ? 'medium' : score > 0 ? 'low' : 'info';
}
const LEVEL: Record<string, Severity> = { error: 'high', warning: 'medium', note: 'low', none: 'info' };

/** Long token-like runs in messages may be the matched secret; mask them the way scanners do. */
export function maskTokens(text: string): string {
  return text.replace(/[A-Za-z0-9+/=_\-.]{20,}/g, (t) => (/^[a-z.\-_/]+$/.test(t) ? t : maskSecret(t)));
}

function parseError(file: string, text: string, e: Error): HipaaGateError {
  const pos = /position (\d+)/.exec(e.message);
  const line = pos ? text.slice(0, Number(pos[1])).split('\n').length : undefined;
  return new HipaaGateError('E_PARSE', `not valid SARIF JSON: ${e.message.replace(/ in JSON at position \d+.*$/, '').slice(0, 120)}`, { file, line });
}

function uriToPath(uri: string | undefined, root: string): string | undefined {
  if (!uri) return undefined;
  let p = uri;
  try {
    if (/^file:/i.test(uri)) p = fileURLToPath(uri);
    else p = decodeURIComponent(uri);
  } catch {
    p = uri;
  }
  if (isAbsolute(p)) {
    const rel = relative(root, p);
    p = rel.startsWith('..') ? p : rel;
  }
  return p.split(sep).join('/').replace(/^\.\//, '');
}

export async function importSarifFiles(files: string[], opts: { root: string; config: ResolvedConfig }): Promise<ImportResult> {
  const mapping = opts.config.imports.mapping ? loadMapping(isAbsolute(opts.config.imports.mapping) ? opts.config.imports.mapping : resolve(opts.root, opts.config.imports.mapping)) : [];
  const out: ImportResult = { findings: [], rules: [], skipped: [] };
  const rules = new Map<string, RuleMeta>();
  for (const file of files) importOne(file, opts.root, mapping, out, rules);
  out.rules = [...rules.values()];
  return out;
}

function importOne(file: string, root: string, mapping: MappingRule[], out: ImportResult, rules: Map<string, RuleMeta>): void {
  if (!existsSync(file)) throw new HipaaGateError('E_PATH', 'SARIF file to import not found', { file });
  if (statSync(file).size > MAX_SARIF_BYTES) throw new HipaaGateError('E_PARSE', 'SARIF file is larger than 512 MB', { file });
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw parseError(file, text, e as Error);
  }
  const bad = (m: string) => new HipaaGateError('E_PARSE', `not a SARIF 2.1.0 log: ${m}`, { file });
  if (!isObj(doc)) throw bad('the top level is not an object');
  if (doc.version !== '2.1.0') throw bad(`version is ${JSON.stringify(doc.version)}, expected "2.1.0"`);
  if (!Array.isArray(doc.runs)) throw bad('"runs" is missing or not a list');
  const display = relative(root, file).startsWith('..') ? file : relative(root, file);
  doc.runs.forEach((run, ri) => {
    if (!isObj(run) || !isObj(run.tool) || !isObj(run.tool.driver) || !str(run.tool.driver.name)) throw bad(`runs[${ri}].tool.driver.name is missing`);
    const driver = run.tool.driver as Obj;
    const toolName = str(driver.name)!;
    const family = toolFamily(toolName);
    const ruleList = [driver, ...(Array.isArray(run.tool.extensions) ? run.tool.extensions : [])].flatMap((c) => (isObj(c) && Array.isArray(c.rules) ? c.rules : []));
    const byId = new Map<string, Obj>();
    ruleList.forEach((r) => isObj(r) && str(r.id) && byId.set(r.id as string, r));
    if (Array.isArray(run.invocations) && run.invocations.some((inv) => isObj(inv) && inv.executionSuccessful === false)) {
      out.skipped.push({ path: display, reason: 'error', detail: `${toolName} reported an unsuccessful run (runs[${ri}]); its results may be incomplete` });
    }
    if (run.results === undefined || run.results === null) return;
    if (!Array.isArray(run.results)) throw bad(`runs[${ri}].results is not a list`);
    run.results.forEach((res, i) => {
      if (!isObj(res)) throw bad(`runs[${ri}].results[${i}] is not an object`);
      const ruleObj = isObj(res.rule) ? res.rule : undefined;
      const idx = typeof res.ruleIndex === 'number' ? res.ruleIndex : typeof ruleObj?.index === 'number' ? (ruleObj.index as number) : undefined;
      const ruleId = str(res.ruleId) ?? str(ruleObj?.id) ?? (idx !== undefined && isObj(ruleList[idx]) ? str((ruleList[idx] as Obj).id) : undefined);
      if (!ruleId) {
        out.skipped.push({ path: display, reason: 'parse-error', detail: `runs[${ri}].results[${i}] has no rule id; not imported` });
        return;
      }
      const rule = byId.get(ruleId) ?? (idx !== undefined && isObj(ruleList[idx]) ? (ruleList[idx] as Obj) : undefined);
      out.findings.push(toFinding({ res, rule, ruleId, toolName, family, root, mapping, rules, sarif: display }));
    });
  });
}

interface Ctx {
  res: Obj;
  rule?: Obj;
  ruleId: string;
  toolName: string;
  family: string;
  root: string;
  mapping: MappingRule[];
  rules: Map<string, RuleMeta>;
  sarif: string;
}

function text(v: unknown): string | undefined {
  return isObj(v) ? str(v.text) ?? str(v.markdown) : undefined;
}

function toFinding(c: Ctx): Finding {
  const { res, rule } = c;
  const props = { ...(isObj(rule?.properties) ? rule.properties : {}), ...(isObj(res.properties) ? res.properties : {}) };
  const tags = Array.isArray(props.tags) ? props.tags.filter((t): t is string => typeof t === 'string') : [];
  const title = (text(rule?.shortDescription) ?? str(rule?.name) ?? c.ruleId).slice(0, 200);
  const override = c.mapping.find((m) => (!m.tool || picomatch.isMatch(c.family, m.tool) || picomatch.isMatch(c.toolName, m.tool)) && picomatch.isMatch(c.ruleId, m.id, { dot: true }));
  const def = defaultMapping(c.family, c.ruleId, `${c.ruleId} ${title} ${tags.join(' ')}`);
  const score = Number(props['security-severity']);
  const level = str(res.level) ?? (isObj(rule?.defaultConfiguration) ? str(rule.defaultConfiguration.level) : undefined) ?? 'warning';
  const severity: Severity = override?.severity ?? (Number.isFinite(score) && props['security-severity'] !== undefined ? severityFromScore(score) : LEVEL[level] ?? 'medium');
  const hipaa = override?.hipaa?.length ? override.hipaa : def.hipaa;
  const id = `imported/${c.family}/${c.ruleId}`;
  const helpUri = str(rule?.helpUri);
  const remediation = (text(rule?.help) ?? text(rule?.fullDescription) ?? `See the ${c.toolName} documentation for ${c.ruleId}.`).slice(0, 2000);
  if (!c.rules.has(id)) {
    c.rules.set(id, { id, category: 'imported', title, severity, hipaa, remediation, ...(helpUri && /^https?:\/\//.test(helpUri) ? { helpUri } : {}), tags: ['imported', c.family, ...tags.slice(0, 10)] });
  }
  const loc0 = Array.isArray(res.locations) && isObj(res.locations[0]) ? (res.locations[0] as Obj) : undefined;
  const phys = isObj(loc0?.physicalLocation) ? (loc0!.physicalLocation as Obj) : undefined;
  const region = isObj(phys?.region) ? (phys!.region as Obj) : {};
  const path = uriToPath(isObj(phys?.artifactLocation) ? str(phys!.artifactLocation.uri) : undefined, c.root) ?? c.sarif;
  const num = (v: unknown, d: number) => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : d);
  const startLine = num(region.startLine, 1);
  const startColumn = num(region.startColumn, 1);
  const snippet = text(region.snippet) ?? (isObj(phys?.contextRegion) ? text((phys!.contextRegion as Obj).snippet) : undefined);
  const message = maskTokens(text(res.message) ?? title).slice(0, 1000);
  const pf = isObj(res.partialFingerprints) ? Object.keys(res.partialFingerprints).sort().map((k) => `${k}=${String((res.partialFingerprints as Obj)[k])}`).join('\n') : '';
  const logical = Array.isArray(loc0?.logicalLocations) && isObj(loc0!.logicalLocations[0]) ? str((loc0!.logicalLocations[0] as Obj).fullyQualifiedName) ?? str((loc0!.logicalLocations[0] as Obj).name) : undefined;
  const supp = Array.isArray(res.suppressions) ? res.suppressions.find((s) => isObj(s) && (s.status === undefined || s.status === 'accepted')) : undefined;
  const finding: Finding = {
    ruleId: id,
    category: 'imported',
    severity,
    title,
    message,
    location: { path, startLine, startColumn, endLine: num(region.endLine, startLine), endColumn: num(region.endColumn, startColumn), ...(logical ? { resource: logical } : {}) },
    // The snippet is the other tool's copy of the matched text: never kept, only masked and hashed.
    excerpt: snippet ? maskSecret(snippet.trim()) : '',
    valueHash: sha256Hex(pf || snippet || `${c.ruleId}\0${message}`),
    fingerprint: '',
    hipaa: [...hipaa],
    confidence: 'medium',
    remediation,
    ...(helpUri && /^https?:\/\//.test(helpUri) ? { helpUri } : {}),
    properties: {
      tool: c.toolName,
      toolRuleId: c.ruleId,
      sarif: c.sarif,
      gitlab: override?.gitlab ?? def.gitlab,
      ...(def.advisory ? { advisory: def.advisory } : {}),
      ...(tags.length ? { tags: tags.slice(0, 20) } : {}),
    },
  };
  if (supp) finding.inlineAllow = { reason: `suppressed in ${c.toolName}${isObj(supp) && str(supp.justification) ? `: ${str(supp.justification)}` : ''}` };
  return finding;
}
