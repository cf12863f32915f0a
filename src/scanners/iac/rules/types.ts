/**
 * An IaC rule: data (id, title, severity, citations, remediation with a corrected snippet, the
 * resource types it inspects) plus one small `check` over a normalized resource. Citations come from
 * the shared HIPAA mapping (`csv` keys) unless the rule names its own.
 */
import { createRequire } from 'node:module';
import type { RuleMeta, Severity } from '../../../core/types.js';
import type { IacResource } from '../model.js';
import type { ModelIndex } from './context.js';

export interface Violation {
  message: string;
  /** Attribute path that is wrong or missing (its line is reported, else the resource line). */
  path?: string;
  /** Masked excerpt, for rules that see secret-like values. */
  masked?: string;
  /** Raw value to hash (never stored). */
  value?: string;
}

export type CheckResult = Violation | Violation[] | string | undefined | false | null;

export interface IacRuleDef {
  /** `iac/<platform>/<name>` */
  id: string;
  title: string;
  severity: Severity;
  /** Keys into data/hipaa-map.json: `aws:<config rule>`, `azure:<control>`, `gcp:<control>`. */
  csv?: string[];
  /** Citations when the rule has no CSV row (Kubernetes, Dockerfile, Checkov-only checks). */
  hipaa?: string[];
  checkov?: string[];
  /** Resource types inspected (`aws_s3_bucket`, `AWS::S3::Bucket`, `Deployment`, `Dockerfile`). */
  types: string[];
  description?: string;
  /** What to change, followed by a corrected snippet. */
  remediation: string;
  check(res: IacResource, ctx: ModelIndex): CheckResult;
}

export interface IacRule extends IacRuleDef {
  meta: RuleMeta;
}

interface MapEntry {
  hipaa: string[];
  checkable: string;
  checkov: string[];
}
const require = createRequire(import.meta.url);
export const HIPAA_MAP = require('../data/hipaa-map.json') as Record<'aws' | 'azure' | 'gcp', Record<string, MapEntry>>;

export function citationsFor(keys: string[]): string[] {
  const out = new Set<string>();
  for (const k of keys) {
    const i = k.indexOf(':');
    const cloud = k.slice(0, i) as 'aws' | 'azure' | 'gcp';
    const e = HIPAA_MAP[cloud]?.[k.slice(i + 1)];
    if (!e) throw new Error(`unknown HIPAA mapping key ${k}`);
    for (const c of e.hipaa) out.add(c);
  }
  return [...out].sort();
}

export function defineRule(def: IacRuleDef): IacRule {
  const hipaa = def.hipaa ?? citationsFor(def.csv ?? []);
  if (hipaa.length === 0) throw new Error(`${def.id}: no HIPAA citation`);
  const platform = def.id.split('/')[1] ?? 'iac';
  const meta: RuleMeta = {
    id: def.id,
    category: 'iac',
    title: def.title,
    ...(def.description ? { description: def.description } : {}),
    severity: def.severity,
    hipaa,
    remediation: def.remediation,
    helpUri: 'docs/iac.md#built-in-rules',
    tags: ['iac', platform, ...(def.checkov ?? [])],
  };
  return { ...def, meta };
}
