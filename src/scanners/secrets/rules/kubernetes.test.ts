import { generate, runFamily } from '../../../testing/secret-samples.js';

const g = (src: string, seed = 7) => generate(src, seed);
const kubeconfig = (user: string) => `apiVersion: v1\nkind: Config\nclusters:\n- name: prod\n  cluster:\n    server: https://10.0.0.1:6443\nusers:\n- name: admin\n  user:\n${user}\n`;
const secretManifest = (kind: string, value: string) => `apiVersion: v1\nkind: ${kind}\nmetadata:\n  name: db\ntype: Opaque\ndata:\n  password: ${value}\n`;

runFamily('kubernetes', {
  'secret/kubeconfig-client-key': {
    invalid: [{ code: kubeconfig(`    client-certificate-data: ${g('[A-Za-z0-9+/]{200}', 2)}\n    client-key-data: ${g('[A-Za-z0-9+/]{600}', 3)}=`), path: 'ops/kubeconfig', findings: [{ line: 11, severity: 'critical' }] }],
    valid: [{ code: kubeconfig('    client-key-data: ${CLIENT_KEY}'), path: 'ops/kubeconfig' }],
  },
  'secret/kubeconfig-token': {
    invalid: [{ code: kubeconfig(`    token: ${g('[A-Za-z0-9._-]{120}', 4)}`), path: '.kube/config', findings: [{ line: 10 }] }],
    valid: [{ name: 'not a kubeconfig path', code: kubeconfig(`    token: ${g('[A-Za-z0-9._-]{120}', 4)}`), path: 'src/app.ts' }, { code: kubeconfig('    token: ${K8S_TOKEN}'), path: 'kubeconfig' }],
  },
  'secret/kubernetes-secret-yaml': {
    invalid: [{ code: secretManifest('Secret', Buffer.from(g('[A-Za-z0-9!#%]{18}', 5)).toString('base64')), path: 'k8s/db-secret.yaml', findings: [{ line: 7 }] }],
    valid: [
      { name: 'ConfigMap', code: secretManifest('ConfigMap', 'bm90LWEtc2VjcmV0LXZhbHVl'), path: 'k8s/cm.yaml' },
      { name: 'ExternalSecret', code: secretManifest('ExternalSecret', 'bm90LWEtc2VjcmV0LXZhbHVl'), path: 'k8s/es.yaml' },
      { name: 'templated value', code: secretManifest('Secret', '{{ .Values.password }}'), path: 'chart/templates/secret.yaml' },
    ],
  },
});
