/**
 * What a rule may ask about the rest of the model: resources by type within the same stack, and
 * which resources point at which (the joins behind split S3 settings, KMS keys, security groups).
 */
import { isUnknown, type IacResource, type Json } from '../model.js';

const TF_REF = /\$\{(?:module\.[A-Za-z0-9_-]+\.)*(data\.)?([a-z][a-z0-9_]*)\.([A-Za-z0-9_-]+)/g;
const CFN_REF = /\$\{([A-Za-z0-9]+)(?:[.}])/g;

export class ModelIndex {
  private readonly byStackType = new Map<string, IacResource[]>();
  private readonly byStackAddr = new Map<string, IacResource[]>();

  constructor(readonly resources: IacResource[]) {
    for (const r of resources) {
      push(this.byStackType, `${r.stack}\u0000${r.type}`, r);
      const base = r.platform === 'cloudformation' ? r.name : `${r.type.startsWith('data.') ? '' : ''}${r.type}.${r.name}`;
      push(this.byStackAddr, `${r.stack}\u0000${base}`, r);
    }
  }

  /** Resources of these types in the same stack as `res`. */
  sameStack(res: IacResource, ...types: string[]): IacResource[] {
    return types.flatMap((t) => this.byStackType.get(`${res.stack}\u0000${t}`) ?? []);
  }

  /** Every resource of these types in the whole model (Kubernetes namespaces span files). */
  ofType(...types: string[]): IacResource[] {
    const set = new Set(types);
    return this.resources.filter((r) => set.has(r.type));
  }

  /** The resources a value refers to (`${aws_kms_key.k.arn}`, `${MyKey}`, `${MyKey.Arn}`). */
  deref(from: IacResource, v: Json | undefined): IacResource[] {
    if (typeof v !== 'string') return [];
    const out: IacResource[] = [];
    if (from.platform === 'cloudformation') {
      for (const m of v.matchAll(CFN_REF)) out.push(...(this.byStackAddr.get(`${from.stack}\u0000${m[1]}`) ?? []));
    } else {
      for (const m of v.matchAll(TF_REF)) {
        const type = m[1] ? `data.${m[2]}` : m[2]!;
        out.push(...(this.byStackAddr.get(`${from.stack}\u0000${type}.${m[3]}`) ?? []));
      }
    }
    return out;
  }

  /** Whether `v` points at `target`: by reference, or by literal name/ARN/id (plan JSON, hard-coded names). */
  pointsAt(from: IacResource, v: Json | undefined, target: IacResource): boolean {
    if (v === undefined || v === null) return false;
    if (Array.isArray(v)) return v.some((x) => this.pointsAt(from, x, target));
    if (typeof v !== 'string') return false;
    if (this.deref(from, v).includes(target)) return true;
    if (v === '') return false;
    const a = target.attributes;
    const names = [a.bucket, a.name, a.id, a.arn, a.BucketName, a.identifier, a.cluster_identifier, a.function_name].filter((x): x is string => typeof x === 'string' && x !== '');
    // The same unresolved expression on both sides (`bucket = var.name`) names the same bucket.
    if (isUnknown(v)) return names.includes(v);
    return names.some((x) => !isUnknown(x) && (x === v || v.endsWith(`:${x}`) || v.endsWith(`/${x}`)));
  }

  /** Resources of `types` in the same stack whose attribute `attr` (dotted; any of them) points at `target`. */
  referrers(target: IacResource, types: string[], attrs: string[]): IacResource[] {
    return this.sameStack(target, ...types).filter((r) => attrs.some((p) => this.pointsAt(r, getPath(r.attributes, p), target)));
  }
}

function getPath(o: Json, path: string): Json | undefined {
  let cur: Json | undefined = o;
  for (const k of path.split('.')) {
    if (Array.isArray(cur)) cur = cur.flatMap((x) => (x && typeof x === 'object' && !Array.isArray(x) && x[k] !== undefined ? [x[k]!] : []));
    else if (cur && typeof cur === 'object') cur = cur[k];
    else return undefined;
    if (cur === undefined) return undefined;
  }
  return cur;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const a = m.get(k);
  if (a) a.push(v);
  else m.set(k, [v]);
}
