import { AN, kv, tok } from '../build.js';
import type { SecretRule } from '../types.js';

const rotate = 'in Bitbucket (Personal settings > App passwords / workspace OAuth consumers)';

export const rules: SecretRule[] = [
  kv({ name: 'bitbucket-client-id', title: 'Bitbucket OAuth client ID', provider: 'Bitbucket', severity: 'medium', rotate, keys: ['bitbucket'], value: `[${AN}]{32}` }),
  kv({ name: 'bitbucket-client-secret', title: 'Bitbucket OAuth client secret', provider: 'Bitbucket', rotate, keys: ['bitbucket'], value: `[${AN}=_-]{64}` }),
  tok({ name: 'bitbucket-app-password', title: 'Bitbucket app password / API token', provider: 'Bitbucket', severity: 'critical', rotate, re: String.raw`ATBB[a-zA-Z0-9]{32}[A-F0-9]{8}`, kw: ['atbb'], entropy: 3.5 }),
];
