/**
 * Most checks are "this attribute must be true / set / at least N" on one resource. `attrRule`
 * turns such a spec into a rule, with a Terraform side and a CloudFormation side when the CSV
 * lists both.
 */
import type { IacResource, Json } from '../model.js';
import { defineRule, type CheckResult, type IacRule, type IacRuleDef } from './types.js';
import { asBool, asNumber, at, isSet, isUnknown, v } from './helpers.js';

export interface AttrSpec {
  types: string[];
  path: string;
  /** true: must be true; false: must not be true; set: non-empty; min: number >= min; eq: one of `values`. */
  is: 'true' | 'false' | 'set' | 'min' | 'eq' | 'neq';
  /** What an absent attribute means: the provider default. */
  absent?: 'pass' | 'fail';
  min?: number;
  values?: Json[];
  message: string;
}

export function checkAttr(r: IacResource, s: AttrSpec): CheckResult {
  const x = at(r, s.path);
  const absent = x === undefined || x === null;
  if (absent) return (s.absent ?? (s.is === 'false' || s.is === 'neq' ? 'pass' : 'fail')) === 'fail' ? v(s.message, s.path) : undefined;
  if (isUnknown(x)) return undefined;
  switch (s.is) {
    case 'true':
      return asBool(x) === false ? v(s.message, s.path) : undefined;
    case 'false':
      return asBool(x) === true ? v(s.message, s.path) : undefined;
    case 'set':
      return isSet(x) ? undefined : v(s.message, s.path);
    case 'min': {
      const n = asNumber(x);
      return n !== undefined && n >= (s.min ?? 1) ? undefined : v(s.message, s.path);
    }
    case 'eq':
      return (s.values ?? []).some((y) => String(y).toLowerCase() === String(x).toLowerCase()) ? undefined : v(s.message, s.path);
    case 'neq':
      return (s.values ?? []).some((y) => String(y).toLowerCase() === String(x).toLowerCase()) ? v(s.message, s.path) : undefined;
  }
}

export function attrRule(def: Omit<IacRuleDef, 'types' | 'check'> & { specs: AttrSpec[] }): IacRule {
  const { specs, ...rest } = def;
  const types = [...new Set(specs.flatMap((s) => s.types))];
  return defineRule({
    ...rest,
    types,
    check: (r) => {
      const out = specs.filter((s) => s.types.includes(r.type)).map((s) => checkAttr(r, s)).filter(Boolean);
      return out.length ? (out as Exclude<CheckResult, string | false | null | undefined>[]).flat() : undefined;
    },
  });
}
