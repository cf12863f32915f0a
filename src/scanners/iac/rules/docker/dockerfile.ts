/** Dockerfile rules: root user, secrets in ENV/ARG, unpinned base images, ADD from URLs, HEALTHCHECK. */
import type { IacResource, Json, JsonObject } from '../../model.js';
import { defineRule } from '../types.js';
import { v } from '../helpers.js';
import { literalSecret, maskValue } from '../aws/compute.js';

interface Ins {
  cmd: string;
  value: string;
  line: number;
  vars?: Array<{ name: string; value: string | null; line: number }>;
}

const instructions = (r: IacResource) => ((r.attributes.instructions ?? []) as Json[]).map((x) => x as unknown as Ins);
const stages = (r: IacResource) => ((r.attributes.stages ?? []) as JsonObject[]);

/** Instructions of the final build stage (what the image runs with). */
function finalStage(r: IacResource): Ins[] {
  const all = instructions(r);
  let start = 0;
  all.forEach((x, i) => {
    if (x.cmd === 'FROM') start = i;
  });
  return all.slice(start);
}

const at = (r: IacResource, line: number) => `instructions.${instructions(r).findIndex((x) => x.line === line)}`;
const DOCKER_ACCESS = ['164.312(a)(1)', '164.308(a)(4)(ii)(B)'];

export const rootUser = defineRule({
  id: 'iac/docker/root-user',
  title: 'Image runs as root (no non-root USER in the final stage)',
  severity: 'high',
  hipaa: DOCKER_ACCESS,
  checkov: ['CKV_DOCKER_3', 'CKV_DOCKER_8'],
  types: ['Dockerfile'],
  remediation: `RUN addgroup --system app && adduser --system --ingroup app app
USER app`,
  check: (r) => {
    const fin = finalStage(r);
    if (fin.length === 0 || /^scratch$/i.test(fin[0]!.value.trim())) return undefined;
    const users = fin.filter((x) => x.cmd === 'USER');
    const last = users[users.length - 1];
    if (!last) return v('no USER instruction: the container runs as root', at(r, fin[0]!.line));
    const u = last.value.trim().split(':')[0]!;
    return u === 'root' || u === '0' ? v(`USER ${u}`, at(r, last.line)) : undefined;
  },
});

export const secretInEnv = defineRule({
  id: 'iac/docker/secret-in-env',
  title: 'Secret baked into the image with ENV or ARG',
  severity: 'high',
  hipaa: ['164.312(a)(1)', '164.312(d)'],
  checkov: ['CKV_DOCKER_SECRETS'],
  types: ['Dockerfile'],
  remediation: `Pass secrets at run time, or with BuildKit secrets during the build:
RUN --mount=type=secret,id=npm_token NPM_TOKEN=$(cat /run/secrets/npm_token) npm ci`,
  check: (r) => instructions(r).flatMap((x) => {
    if (x.cmd !== 'ENV' && x.cmd !== 'ARG') return [];
    return (x.vars ?? []).filter((p) => literalSecret(p.name, p.value ?? undefined)).map((p) => ({
      message: `${x.cmd} ${p.name} holds a literal credential (it stays in the image history)`,
      path: at(r, x.line),
      value: String(p.value),
      masked: `${p.name}=${maskValue(String(p.value))}`,
    }));
  }),
});

export const unpinnedBase = defineRule({
  id: 'iac/docker/unpinned-base-image',
  title: 'Base image is not pinned (no tag, or :latest)',
  severity: 'medium',
  hipaa: ['164.308(a)(1)(ii)(B)', '164.308(a)(5)(ii)(B)'],
  checkov: ['CKV_DOCKER_7'],
  types: ['Dockerfile'],
  remediation: `FROM node:20.18.1-bookworm-slim@sha256:<digest>   # a version tag, ideally with its digest`,
  check: (r) => {
    const aliases = new Set(stages(r).map((s) => String(s.alias ?? '').toLowerCase()).filter(Boolean));
    return stages(r).flatMap((s) => {
      const name = String(s.name ?? '');
      if (!name || name.toLowerCase() === 'scratch' || aliases.has(name.toLowerCase()) || /^\$/.test(name)) return [];
      if (s.digest) return [];
      if (!s.tag || String(s.tag) === 'latest') return [v(`FROM ${String(s.image)} is not pinned to a version`, at(r, Number(s.line)))];
      return [];
    });
  },
});

export const addUrl = defineRule({
  id: 'iac/docker/add-from-url',
  title: 'ADD downloads from a URL without verification',
  severity: 'medium',
  hipaa: ['164.308(a)(1)(ii)(B)', '164.312(c)(1)'],
  checkov: ['CKV_DOCKER_4'],
  types: ['Dockerfile'],
  remediation: `RUN curl -fsSLo /tmp/tool.tgz https://example.org/tool.tgz \\
 && echo "<sha256>  /tmp/tool.tgz" | sha256sum -c -`,
  check: (r) => instructions(r).filter((x) => x.cmd === 'ADD' && /(^|\s)https?:\/\//i.test(x.value) && !/--checksum=/.test(x.value)).map((x) => v('ADD fetches a remote URL with no checksum', at(r, x.line))),
});

export const healthcheck = defineRule({
  id: 'iac/docker/missing-healthcheck',
  title: 'Image has no HEALTHCHECK',
  severity: 'low',
  hipaa: ['164.308(a)(7)(ii)(C)'],
  checkov: ['CKV_DOCKER_2'],
  types: ['Dockerfile'],
  remediation: `HEALTHCHECK --interval=30s --timeout=3s CMD curl -fsS http://localhost:8080/healthz || exit 1`,
  check: (r) => {
    const fin = finalStage(r);
    if (fin.length === 0) return undefined;
    const hc = instructions(r).filter((x) => x.cmd === 'HEALTHCHECK');
    if (hc.length === 0) return v('no HEALTHCHECK instruction', at(r, fin[0]!.line));
    const last = hc[hc.length - 1]!;
    return /^none$/i.test(last.value.trim()) ? v('HEALTHCHECK NONE', at(r, last.line)) : undefined;
  },
});

export default [rootUser, secretInEnv, unpinnedBase, addUrl, healthcheck];
