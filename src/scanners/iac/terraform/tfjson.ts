/**
 * Terraform JSON syntax (`*.tf.json`): resources with their literal values. Interpolations stay as
 * written (`${aws_kms_key.k.arn}`) which is the model's unknown form, so joins still work.
 */
import type { IacResource, Json, JsonObject, ParseProblem } from '../model.js';
import type { LinedDoc } from '../yaml-lines.js';

const REF = /\$\{(?:data\.)?([a-z][a-z0-9_]*\.[A-Za-z0-9_-]+)/g;

export function buildTfJson(doc: LinedDoc, file: string, dir: string, problems: ParseProblem[]): IacResource[] {
  const out: IacResource[] = [];
  const root = doc.value;
  if (!root || typeof root !== 'object' || Array.isArray(root)) {
    problems.push({ file, line: 1, message: 'Terraform JSON must be an object' });
    return out;
  }
  const res = root.resource;
  if (!res || typeof res !== 'object' || Array.isArray(res)) return out;
  for (const [type, byName] of Object.entries(res)) {
    if (!byName || typeof byName !== 'object' || Array.isArray(byName)) continue;
    for (const [name, body] of Object.entries(byName)) {
      const attrs = (Array.isArray(body) ? body[0] : body) as JsonObject;
      const prefix = `resource.${type}.${name}.`;
      const lines: Record<string, number> = {};
      for (const [k, l] of Object.entries(doc.lines)) if (k.startsWith(prefix)) lines[k.slice(prefix.length)] = l;
      const refs = new Set<string>();
      JSON.stringify(attrs ?? {}).replace(REF, (_m, r: string) => (refs.add(r), ''));
      refs.delete(`${type}.${name}`);
      const line = doc.lines[`resource.${type}.${name}`] ?? 1;
      out.push({
        platform: 'terraform',
        type,
        name,
        address: `${type}.${name}`,
        file,
        line,
        endLine: Math.max(line, ...Object.values(lines)),
        attributes: attrs && typeof attrs === 'object' ? attrs : {},
        lines,
        references: [...refs].sort(),
        stack: `tf:${dir}:`,
      });
    }
  }
  return out;
}
export type { Json };
