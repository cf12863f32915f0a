import { CITE, remediation } from '../build.js';
import { shannon } from '../entropy.js';
import type { SecretRule } from '../types.js';

/**
 * `.env` files are where applications keep their secrets: any secret-named key with a literal value
 * in one that is committed is a finding. Example/template files (`.env.example`) are excluded.
 */
const ENV_PATH = /(?:^|\/)\.env(?:\.(?!example|sample|template|dist|defaults?|tpl|schema)[\w.-]+)?$/i;

export const rules: SecretRule[] = [
  {
    id: 'secret/dotenv-secret',
    title: 'Secret value committed in a .env file',
    provider: '.env',
    severity: 'high',
    hipaa: CITE,
    remediation: remediation('service', 'wherever it was issued') + ' Commit only a `.env.example` with empty values and add `.env` to .gitignore.',
    keywords: ['pass', 'secret', 'token', 'key', 'auth', 'credential', 'pwd', 'dsn'],
    regex: /^[ \t]{0,20}(?:export[ \t]{1,20})?([A-Za-z0-9_.]{0,60}(?:PASS(?:WORD|WD)?|SECRET|TOKEN|KEY|AUTH|CREDENTIALS?|PWD|DSN)[A-Za-z0-9_]{0,30})[ \t]{0,20}=[ \t]{0,20}(["']?)([^\s"'#]{6,400})\2[ \t]{0,20}(?:#[^\n]{0,400})?$/gim,
    secretGroup: 3,
    path: ENV_PATH,
    priority: 80,
    window: { before: 100, after: 500 },
    score: (secret, match) => {
      const key = /^[ \t]{0,20}(?:export[ \t]{1,20})?([A-Za-z0-9_.]+)/.exec(match)?.[1] ?? '';
      if (/(?:_ID|_NAME|_URL|_URI|_PATH|_FILE|_REGION|_HOST|_PORT|_USER|_USERNAME|_EXPIRES?|_TTL|_ALGORITHM|_TYPE)$/i.test(key)) return null;
      if (/^(?:true|false|\d+)$/i.test(secret)) return null;
      // Publishable/public keys are meant to ship to browsers (Stripe pk_, NEXT_PUBLIC_*).
      if (/PUBLIC|PUBLISHABLE|(?:^|_)PUB(?:_|$)/i.test(key) || /^pk_(?:live|test)_/.test(secret)) return null;
      const h = shannon(secret);
      if (h < 2.5) return null;
      return h >= 3.5 ? 'high' : 'medium';
    },
  },
];
