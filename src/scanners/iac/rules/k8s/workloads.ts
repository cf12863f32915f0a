/**
 * Kubernetes workloads: privileged or root containers, host access, literal secrets in env,
 * missing limits, ingress TLS, namespaces without a NetworkPolicy.
 */
import type { IacResource, Json, JsonObject } from '../../model.js';
import type { ModelIndex } from '../context.js';
import { defineRule } from '../types.js';
import { asBool, get, getAll, isSet, v } from '../helpers.js';
import { literalSecret, maskValue } from '../aws/compute.js';

export const WORKLOADS = ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob'];

/** Path of the pod spec inside each workload kind. */
export function podSpecPath(kind: string): string {
  if (kind === 'Pod') return 'spec';
  if (kind === 'CronJob') return 'spec.jobTemplate.spec.template.spec';
  return 'spec.template.spec';
}

interface ContainerRef {
  c: JsonObject;
  path: string;
}

export function containers(r: IacResource): ContainerRef[] {
  const base = podSpecPath(r.type);
  const spec = get(r.attributes, base);
  const out: ContainerRef[] = [];
  for (const k of ['initContainers', 'containers', 'ephemeralContainers']) {
    getAll(spec, k).forEach((c, i) => {
      if (c && typeof c === 'object' && !Array.isArray(c)) out.push({ c, path: `${base}.${k}.${i}` });
    });
  }
  return out;
}

const podSpec = (r: IacResource): Json | undefined => get(r.attributes, podSpecPath(r.type));
const name = (c: JsonObject) => String(c.name ?? '?');
const K8S_ACCESS = ['164.312(a)(1)', '164.308(a)(3)(i)', '164.308(a)(4)(ii)(B)'];

export const privileged = defineRule({
  id: 'iac/k8s/privileged-container',
  title: 'Container runs privileged or allows privilege escalation',
  severity: 'critical',
  hipaa: K8S_ACCESS,
  checkov: ['CKV_K8S_16', 'CKV_K8S_20'],
  types: WORKLOADS,
  remediation: `securityContext:
  privileged: false
  allowPrivilegeEscalation: false
  capabilities: { drop: ["ALL"] }`,
  check: (r) => containers(r).flatMap(({ c, path }) => {
    const sc = get(c, 'securityContext');
    if (asBool(get(sc, 'privileged')) === true) return [v(`container ${name(c)} is privileged`, `${path}.securityContext.privileged`)];
    if (asBool(get(sc, 'allowPrivilegeEscalation')) === true) return [v(`container ${name(c)} allows privilege escalation`, `${path}.securityContext.allowPrivilegeEscalation`)];
    const caps = getAll(sc, 'capabilities.add').map(String);
    if (caps.some((x) => /^(ALL|SYS_ADMIN|NET_ADMIN)$/i.test(x))) return [v(`container ${name(c)} adds capability ${caps.join(',')}`, `${path}.securityContext.capabilities`)];
    return [];
  }),
});

export const runAsRoot = defineRule({
  id: 'iac/k8s/run-as-root',
  title: 'Container may run as root',
  severity: 'high',
  hipaa: K8S_ACCESS,
  checkov: ['CKV_K8S_23', 'CKV_K8S_40'],
  types: WORKLOADS,
  remediation: `securityContext:          # pod or container level
  runAsNonRoot: true
  runAsUser: 10001`,
  check: (r) => {
    const psc = get(podSpec(r), 'securityContext');
    return containers(r).flatMap(({ c, path }) => {
      const sc = get(c, 'securityContext');
      const user = get(sc, 'runAsUser') ?? get(psc, 'runAsUser');
      if (user === 0) return [v(`container ${name(c)} sets runAsUser: 0`, `${path}.securityContext.runAsUser`)];
      const nonRoot = get(sc, 'runAsNonRoot') ?? get(psc, 'runAsNonRoot');
      if (asBool(nonRoot) === true || (typeof user === 'number' && user > 0)) return [];
      return [v(`container ${name(c)} does not set runAsNonRoot: true or a non-zero runAsUser`, path)];
    });
  },
});

export const hostAccess = defineRule({
  id: 'iac/k8s/host-access',
  title: 'Pod mounts host paths or shares host namespaces',
  severity: 'high',
  hipaa: K8S_ACCESS,
  checkov: ['CKV_K8S_17', 'CKV_K8S_18', 'CKV_K8S_19'],
  types: WORKLOADS,
  remediation: `Use a PersistentVolumeClaim or emptyDir instead of hostPath, and leave hostNetwork/hostPID/hostIPC unset:
volumes:
  - name: data
    persistentVolumeClaim: { claimName: portal-data }`,
  check: (r) => {
    const spec = podSpec(r);
    const base = podSpecPath(r.type);
    const out = [];
    for (const k of ['hostNetwork', 'hostPID', 'hostIPC']) if (asBool(get(spec, k)) === true) out.push(v(`${k}: true`, `${base}.${k}`));
    getAll(spec, 'volumes').forEach((vol, i) => {
      const hp = get(vol, 'hostPath.path');
      if (hp !== undefined) out.push(v(`volume ${String(get(vol, 'name') ?? i)} mounts host path ${String(hp)}`, `${base}.volumes.${i}`));
    });
    return out;
  },
});

export const secretEnv = defineRule({
  id: 'iac/k8s/secret-in-env',
  title: 'Secret written as a literal environment value',
  severity: 'high',
  hipaa: ['164.312(a)(1)', '164.312(d)'],
  checkov: ['CKV_K8S_35'],
  types: WORKLOADS,
  remediation: `env:
  - name: DB_PASSWORD
    valueFrom:
      secretKeyRef: { name: db-credentials, key: password }`,
  check: (r) => containers(r).flatMap(({ c, path }) => {
    const env = c.env;
    if (!Array.isArray(env)) return [];
    return env.flatMap((e, i) => {
      const n = String(get(e, 'name') ?? '');
      const val = get(e, 'value');
      if (!literalSecret(n, val)) return [];
      return [{ message: `container ${name(c)} sets ${n} to a literal value`, path: `${path}.env.${i}`, value: String(val), masked: `${n}=${maskValue(String(val))}` }];
    });
  }),
});

export const limits = defineRule({
  id: 'iac/k8s/missing-resource-limits',
  title: 'Container has no CPU or memory limit',
  severity: 'low',
  hipaa: ['164.308(a)(1)(ii)(B)', '164.308(a)(7)(ii)(C)'],
  checkov: ['CKV_K8S_11', 'CKV_K8S_13'],
  types: WORKLOADS,
  remediation: `resources:
  requests: { cpu: 100m, memory: 256Mi }
  limits:   { cpu: "1",  memory: 512Mi }`,
  check: (r) => containers(r).filter(({ path }) => !path.includes('initContainers') && !path.includes('ephemeralContainers')).flatMap(({ c, path }) => {
    const lim = get(c, 'resources.limits');
    const missing = ['memory', 'cpu'].filter((k) => !isSet(get(lim, k)));
    return missing.length ? [v(`container ${name(c)} has no ${missing.join('/')} limit (one pod can starve the PHI services beside it)`, `${path}.resources`)] : [];
  }),
});

export const ingressTls = defineRule({
  id: 'iac/k8s/ingress-without-tls',
  title: 'Ingress serves hosts without TLS',
  severity: 'high',
  hipaa: ['164.312(e)(1)', '164.312(e)(2)(ii)'],
  types: ['Ingress'],
  remediation: `spec:
  tls:
    - hosts: [portal.example.org]
      secretName: portal-tls`,
  check: (r) => {
    const tls = getAll(r.attributes, 'spec.tls');
    if (tls.length === 0) return v('no spec.tls', 'spec');
    const covered = new Set(getAll(r.attributes, 'spec.tls.hosts').map(String));
    const hosts = getAll(r.attributes, 'spec.rules.host').map(String);
    const open = hosts.filter((h) => !covered.has(h) && ![...covered].some((c) => c.startsWith('*.') && h.endsWith(c.slice(1))));
    return open.length && covered.size > 0 ? v(`hosts without TLS: ${open.join(', ')}`, 'spec.tls') : undefined;
  },
});

const ns = (r: IacResource) => String(get(r.attributes, 'metadata.namespace') ?? 'default');

export const networkPolicy = defineRule({
  id: 'iac/k8s/missing-network-policy',
  title: 'Namespace has workloads but no NetworkPolicy',
  severity: 'medium',
  hipaa: ['164.312(a)(1)', '164.312(e)(1)'],
  types: WORKLOADS,
  remediation: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: default-deny, namespace: <ns> }
spec: { podSelector: {}, policyTypes: [Ingress, Egress] }`,
  check: (r, m: ModelIndex) => {
    const n = ns(r);
    if (n === 'kube-system') return undefined;
    if (m.ofType('NetworkPolicy').some((p) => ns(p) === n)) return undefined;
    // One finding per namespace: on its first workload.
    const first = m.ofType(...WORKLOADS).filter((w) => ns(w) === n).sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line)[0];
    return first === r ? v(`namespace ${n} has no NetworkPolicy: every pod accepts traffic from every other pod`) : undefined;
  },
});

export default [privileged, runAsRoot, hostAccess, secretEnv, limits, ingressTls, networkPolicy];
