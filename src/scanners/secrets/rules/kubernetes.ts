import { B64, CITE_TRANSPORT, raw } from '../build.js';
import type { SecretRule } from '../types.js';

const rotate = 'by re-issuing the client certificate / service-account token and removing the kubeconfig from the repository';

export const rules: SecretRule[] = [
  raw({
    name: 'kubeconfig-client-key',
    title: 'Kubernetes client private key in a kubeconfig',
    provider: 'Kubernetes',
    severity: 'critical',
    hipaa: CITE_TRANSPORT,
    rotate,
    regex: new RegExp(String.raw`client-key-data:[ \t]{0,10}["']?([${B64}]{40,12000}={0,2})`),
    kw: ['client-key-data'],
    secretGroup: 1,
    window: { before: 50, after: 12100 },
    entropy: 4,
  }),
  raw({
    name: 'kubeconfig-token',
    title: 'Kubernetes bearer token in a kubeconfig',
    provider: 'Kubernetes',
    severity: 'critical',
    rotate,
    // The `user:` stanza of a kubeconfig; only inside files that look like one.
    regex: /^[ \t]{2,12}token:[ \t]{0,10}["']?([A-Za-z0-9._~+/-]{20,4000}={0,2})["']?[ \t]{0,20}$/m,
    kw: ['token:'],
    secretGroup: 1,
    entropy: 3.5,
    path: /(?:^|\/)(?:kubeconfig[^/]*|\.kube\/config|[^/]*\.kubeconfig|kube-?config\.ya?ml|config)$/i,
  }),
  raw({
    name: 'kubernetes-secret-yaml',
    title: 'Kubernetes Secret manifest with inline data',
    provider: 'Kubernetes',
    rotate: 'by rotating the values it holds and keeping them in an external secret store (External Secrets, Sealed Secrets, SOPS)',
    path: /\.ya?ml$/i,
    // The engine checks the manifest kind separately (see kubernetesSecretManifest below).
    regex: /^[ \t]{0,20}data:[ \t]{0,20}\r?\n(?:[ \t]{0,20}#[^\n]{0,200}\r?\n){0,3}[ \t]{1,20}[\w.-]{1,100}:[ \t]{0,20}(?:[|>][-+]?[ \t]{0,20}\r?\n[ \t]{1,20})?["']?([A-Za-z0-9+/]{10,8000}={0,3})["']?[ \t]{0,20}$/m,
    kw: ['data:'],
    secretGroup: 1,
    window: { before: 10, after: 9000 },
    noPlaceholderCheck: true,
    priority: 40,
  }),
].map((r) => (r.id === 'secret/kubernetes-secret-yaml' ? { ...r, check: kubernetesSecretManifest } : r));

/** `kind: Secret` (exactly: not ExternalSecret, SopsSecret, SealedSecret) in the same YAML document as the match. */
export function kubernetesSecretManifest(text: string, matchStart: number): boolean {
  const docStart = text.lastIndexOf('\n---', matchStart);
  const nextDoc = text.indexOf('\n---', matchStart);
  const doc = text.slice(docStart < 0 ? 0 : docStart, nextDoc < 0 ? text.length : nextDoc);
  return /^[ \t]{0,20}kind:[ \t]{0,20}["']?Secret["']?[ \t]{0,20}$/im.test(doc);
}
