import { kv, raw, tok } from '../build.js';
import type { SecretRule } from '../types.js';

/** The marker is only worth a finding when the key itself is not reported (redacted or split files). */
const keyPresent = (text: string): boolean => /"private_key"\s{0,5}:\s{0,5}"-----BEGIN/.test(text);
/** Documentation templates: `"private_key": "your-private-key"` (or `<...>`, `${...}`, `...`) a little after the marker. */
const templated = (text: string, at: number): boolean =>
  /"private_key"\s{0,5}:\s{0,5}"(?:your[-_ ]|<|\$\{|\.\.\.|x{3}|replace|insert|enter|paste)[^"]{0,60}"/i.test(text.slice(at, at + 1500));

const list: SecretRule[] = [
  tok({
    name: 'gcp-api-key',
    title: 'Google Cloud API key',
    provider: 'Google Cloud',
    rotate: 'in the Google Cloud console (APIs & Services > Credentials) and add API restrictions',
    re: String.raw`AIza[\w-]{35}`,
    kw: ['aiza'],
    entropy: 4,
  }),
  raw({
    name: 'gcp-service-account-key',
    title: 'Google Cloud service account private key (JSON)',
    provider: 'Google Cloud',
    severity: 'critical',
    rotate: 'in IAM > Service accounts > Keys (delete the key, prefer workload identity federation)',
    // The JSON key file: the private_key field carries a PEM body; report the field, not the whole file.
    regex: /"private_key"\s{0,5}:\s{0,5}"(-----BEGIN (?:RSA )?PRIVATE KEY-----\\n[A-Za-z0-9+/=\\]{64,4096}?-----END (?:RSA )?PRIVATE KEY-----(?:\\n)?)"/,
    kw: ['"private_key"'],
    secretGroup: 1,
    window: { before: 50, after: 4200 },
    noPlaceholderCheck: true,
  }),
  raw({
    name: 'gcp-service-account',
    title: 'Google Cloud service account key file',
    provider: 'Google Cloud',
    severity: 'high',
    rotate: 'in IAM > Service accounts > Keys',
    // The marker line of a key file; the key itself is reported by gcp-service-account-key when present.
    regex: /"type"\s{0,5}:\s{0,5}"(service_account)"/,
    kw: ['service_account'],
    secretGroup: 1,
    confidence: 'medium',
    priority: 30,
    noPlaceholderCheck: true,
  }),
  tok({
    name: 'gcp-oauth-client-secret',
    title: 'Google OAuth client secret',
    provider: 'Google Cloud',
    rotate: 'in the Google Cloud console (Credentials > OAuth 2.0 Client IDs > reset secret)',
    re: String.raw`GOCSPX-[\w-]{28}`,
    kw: ['gocspx-'],
    entropy: 3,
  }),
  kv({
    name: 'gcp-oauth-refresh-token',
    title: 'Google OAuth refresh token',
    provider: 'Google Cloud',
    keys: ['refresh_token'],
    value: String.raw`1//0[\w-]{40,200}`,
    entropy: 3.5,
  }),
];

export const rules: SecretRule[] = list.map((r) => (r.id === 'secret/gcp-service-account' ? { ...r, check: (text: string, at: number) => !keyPresent(text) && !templated(text, at) } : r));
