/**
 * `terraform show -json` plan output -> normalized resources with exact (planned) values. Lines
 * point at each resource's entry in the JSON. References come from the plan's `configuration`
 * section, so joins work even where values are only known after apply.
 */
import type { IacResource, Json, JsonObject } from '../model.js';
import type { LinedDoc } from '../yaml-lines.js';

export function looksLikePlan(v: Json): boolean {
  return !!v && typeof v === 'object' && !Array.isArray(v) && typeof v.format_version === 'string' && ('planned_values' in v || 'resource_changes' in v);
}

const obj = (v: Json | undefined): JsonObject => (v && typeof v === 'object' && !Array.isArray(v) ? v : {});

export function buildPlan(doc: LinedDoc, file: string): IacResource[] {
  const plan = obj(doc.value);
  const refs = new Map<string, Set<string>>();
  collectConfigRefs(obj(obj(plan.configuration).root_module), '', refs);
  const out: IacResource[] = [];
  const walk = (mod: JsonObject, path: string) => {
    const rs = Array.isArray(mod.resources) ? mod.resources : [];
    rs.forEach((r, i) => {
      const o = obj(r);
      if (o.mode === 'data' || typeof o.type !== 'string' || typeof o.address !== 'string') return;
      const p = `${path}.resources.${i}`;
      const line = doc.lines[p] ?? 1;
      const lines: Record<string, number> = {};
      const vp = `${p}.values.`;
      for (const [k, l] of Object.entries(doc.lines)) if (k.startsWith(vp)) lines[k.slice(vp.length)] = l;
      const moduleAddr = typeof mod.address === 'string' ? mod.address : '';
      const cfgAddr = `${moduleAddr ? `${moduleAddr.replace(/\[[^\]]*\]/g, '')}.` : ''}${o.type}.${String(o.name)}`;
      out.push({
        platform: 'terraform-plan',
        type: o.type,
        name: String(o.name),
        address: o.address,
        file,
        line,
        endLine: Math.max(line, ...Object.values(lines)),
        attributes: obj(o.values),
        lines,
        references: [...(refs.get(cfgAddr) ?? [])].sort(),
        ...(moduleAddr ? { module: moduleAddr } : {}),
        stack: `plan:${file}`,
      });
    });
    const kids = Array.isArray(mod.child_modules) ? mod.child_modules : [];
    kids.forEach((c, i) => walk(obj(c), `${path}.child_modules.${i}`));
  };
  walk(obj(obj(plan.planned_values).root_module), 'planned_values.root_module');
  return out;
}

function collectConfigRefs(mod: JsonObject, prefix: string, out: Map<string, Set<string>>): void {
  for (const r of Array.isArray(mod.resources) ? mod.resources : []) {
    const o = obj(r);
    const set = new Set<string>();
    const scan = (v: Json | undefined): void => {
      if (Array.isArray(v)) v.forEach(scan);
      else if (v && typeof v === 'object') {
        if (Array.isArray(v.references)) for (const x of v.references) if (typeof x === 'string' && /^[a-z][a-z0-9_]*\.[^.]+$/.test(x)) set.add(`${prefix}${x}`);
        Object.values(v).forEach(scan);
      }
    };
    scan(o.expressions);
    out.set(`${prefix}${String(o.address)}`, set);
  }
  for (const [name, call] of Object.entries(obj(mod.module_calls))) collectConfigRefs(obj(obj(call).module), `${prefix}module.${name}.`, out);
}
