import { ruleCases } from '../cases.js';

const deploy = (container: string, podExtra = '', ns = 'clinic') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: portal
  namespace: ${ns}
spec:
  template:
    spec:
${podExtra}      containers:
        - name: web
          image: registry.example.org/portal:1.4.2
${container}`;
const safe = `          securityContext:
            runAsNonRoot: true
            allowPrivilegeEscalation: false
          resources:
            limits: { cpu: "1", memory: 512Mi }
`;
const netpol = `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: default-deny, namespace: clinic }
spec: { podSelector: {}, policyTypes: [Ingress] }
`;

ruleCases('k8s', [
  { id: 'iac/k8s/privileged-container', valid: [deploy(safe)], invalid: [{ src: deploy('          securityContext:\n            privileged: true\n'), line: 13 }] },
  { id: 'iac/k8s/run-as-root', valid: [deploy(safe), deploy('', '      securityContext:\n        runAsUser: 1000\n')], invalid: [deploy(''), deploy('          securityContext:\n            runAsUser: 0\n')] },
  { id: 'iac/k8s/host-access', valid: [deploy(safe)], invalid: [deploy(safe, '      hostNetwork: true\n'), deploy(safe, '      volumes:\n        - name: host\n          hostPath: { path: /var/run/docker.sock }\n')] },
  { id: 'iac/k8s/secret-in-env', valid: [deploy('          env:\n            - name: DB_PASSWORD\n              valueFrom:\n                secretKeyRef: { name: db, key: password }\n            - name: LOG_LEVEL\n              value: info\n')], invalid: [{ src: deploy('          env:\n            - name: DB_PASSWORD\n              value: "pl41n-' + 'text-pass"\n'), line: 13 }] },
  { id: 'iac/k8s/missing-resource-limits', valid: [deploy(safe)], invalid: [deploy('')] },
  {
    id: 'iac/k8s/ingress-without-tls',
    valid: ['apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: { name: portal }\nspec:\n  tls:\n    - hosts: [portal.example.org]\n      secretName: portal-tls\n  rules:\n    - host: portal.example.org\n'],
    invalid: ['apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: { name: portal }\nspec:\n  rules:\n    - host: portal.example.org\n'],
  },
  { id: 'iac/k8s/missing-network-policy', valid: [deploy(safe) + netpol, { 'a.yaml': deploy(safe), 'b.yaml': netpol.slice(4) }], invalid: [{ src: deploy(safe) + netpol.replace('namespace: clinic', 'namespace: other'), address: 'Deployment/clinic/portal' }] },
]);
