/**
 * Kubernetes manifests (plain, or rendered Helm/kustomize output: many documents per file, `List`
 * kinds) -> one resource per object. Address `Kind/namespace/name`.
 */
import type { IacResource, Json, JsonObject, ParseProblem } from '../model.js';
import type { LinedDoc } from '../yaml-lines.js';

export function isK8sObject(v: Json): v is JsonObject {
  return !!v && typeof v === 'object' && !Array.isArray(v) && typeof v.apiVersion === 'string' && typeof v.kind === 'string';
}

export function buildKubernetes(docs: LinedDoc[], file: string, problems: ParseProblem[]): IacResource[] {
  const out: IacResource[] = [];
  for (const d of docs) {
    if (d.error) {
      problems.push({ file, line: d.error.line, message: `invalid YAML: ${d.error.message}` });
      continue;
    }
    if (!isK8sObject(d.value)) continue;
    if (d.value.kind === 'List' || /List$/.test(d.value.kind as string)) {
      const items = Array.isArray(d.value.items) ? d.value.items : [];
      items.forEach((it, i) => {
        if (!isK8sObject(it)) return;
        const prefix = `items.${i}.`;
        const lines: Record<string, number> = {};
        for (const [k, l] of Object.entries(d.lines)) if (k.startsWith(prefix)) lines[k.slice(prefix.length)] = l;
        out.push(make(it, file, d.lines[`items.${i}`] ?? d.line, d.endLine, lines));
      });
      continue;
    }
    const first = Math.min(d.lines.apiVersion ?? Infinity, d.lines.kind ?? Infinity, d.lines.metadata ?? Infinity);
    out.push(make(d.value, file, Number.isFinite(first) ? first : d.line, d.endLine, d.lines));
  }
  return out;
}

function make(o: JsonObject, file: string, line: number, endLine: number, lines: Record<string, number>): IacResource {
  const md = (o.metadata && typeof o.metadata === 'object' && !Array.isArray(o.metadata) ? o.metadata : {}) as JsonObject;
  const name = typeof md.name === 'string' ? md.name : typeof md.generateName === 'string' ? `${md.generateName}*` : '<unnamed>';
  const ns = typeof md.namespace === 'string' ? md.namespace : 'default';
  const kind = o.kind as string;
  return { platform: 'kubernetes', type: kind, name, address: `${kind}/${ns}/${name}`, file, line, endLine, attributes: o, lines, references: [], stack: 'k8s' };
}
