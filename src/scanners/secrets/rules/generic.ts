import { CITE, remediation } from '../build.js';
import { shannon } from '../entropy.js';
import type { Confidence } from '../../../core/types.js';
import type { SecretRule } from '../types.js';

/**
 * `password|secret|token|api_key|... = "value"` anywhere, scored by Shannon entropy and context.
 * It is the catch-all for providers without a recognisable token format, so it is deliberately
 * conservative: the value must be quoted (or sit in a config-style file), look random rather than
 * like an identifier, path or URL, and the key must not merely describe a secret (`token_url`).
 */

const KEYWORD = String.raw`(?:passw(?:or)?d|secret|token|api[_.-]?key|apikey|access[_.-]?key|private[_.-]?key|client[_.-]?secret|credentials?|auth[_.-]?key|signing[_.-]?key|encryption[_.-]?key|master[_.-]?key|session[_.-]?key|pass(?:phrase)?)`;

// The regex starts at the keyword (so the engine tries it only where a keyword is, never at every
// position of the window); the rest of the key name before the keyword is recovered in `keyBefore`.
// Quoted value in any file; unquoted value only in config-style files (checked in `scoreGeneric`).
const REGEX = new RegExp(
  String.raw`${KEYWORD}([A-Za-z0-9_.-]{0,30})["']?[ \t]{0,5}(?:=|:|:=|=>|\?=|\|\|=)[ \t]{0,5}(?:(["'\x60])([^"'\x60\s\\:]{8,200})\2|([^"'\x60\s\\:,;{}()<>\[\]]{8,200})(?=[ \t]{0,20}(?:#[^\n]{0,400})?$))`,
  'gim',
);

/** The whole key name: identifier characters before the keyword, the keyword, and its suffix. */
function keyOf(m: RegExpExecArray): string | null {
  const input = m.input;
  let i = m.index;
  const stop = Math.max(0, i - 40);
  while (i > stop && /[A-Za-z0-9_.-]/.test(input[i - 1]!)) i--;
  if (i === stop && i > 0 && /[A-Za-z0-9_]/.test(input[i - 1]!)) return null; // part of a longer word
  const own = /^[A-Za-z0-9_.-]+/.exec(m[0])?.[0] ?? '';
  return input.slice(i, m.index) + own;
}

/** Key names that describe or point to a secret rather than hold one. */
const NOT_A_VALUE_KEY = /(?:^|[_.-])(?:name|names|id|ids|url|uri|urls|endpoint|path|file|filename|dir|length|len|size|type|types|header|field|prefix|suffix|format|regex|pattern|policy|provider|ref|env|var|key[_.-]?id|label|hint|placeholder|description|desc|version|count|expires?|expiry|ttl|timeout|mode|store|storage|manager|param|params|arn|hash|salt|required|enabled|min|max|input|selector|class|style|type)$/i;
const CODE_VALUE = /^(?:this\.|self\.|props\.|config\.|settings\.|options\.|opts\.|env\.|process\.|params\.|args\.|req\.|request\.|window\.|document\.|new |function|=>|\$)|\(\)?$|^[A-Z_][A-Z0-9_]{2,}$/;
const CONFIG_FILE = /(?:^|\/)(?:\.env(?:\.[\w-]+)?|[^/]*\.(?:env|ya?ml|properties|ini|cfg|conf|toml|tfvars))$/i;
const PASSWORD_KEY = /passw(?:or)?d|pass(?:phrase)?$|^pass$/i;
/** Pagination and sync cursors named "token" (S3's NextContinuationToken, Google's nextPageToken): opaque, not credentials. */
const CURSOR_KEY = /(?:continuation|next[_.-]?page|next|page|sync|resume|start[_.-]?after|cursor|pagination|marker)[_.-]?token$/i;

export function scoreGeneric(key: string, value: string, quoted: boolean, path: string): Confidence | null {
  if (!quoted && !CONFIG_FILE.test(path)) return null;
  if (NOT_A_VALUE_KEY.test(key) || CURSOR_KEY.test(key)) return null;
  if (/^[a-zA-Z_.-]+$/.test(value)) return null; // a word or identifier
  if (/^\d+$/.test(value) || /^[\d.:-]+$/.test(value)) return null; // numbers, versions, dates
  if (/^(?:https?:)?\/\/|^\.{0,2}\/|^[a-z]:\\|^[\w-]+\.(?:com|org|net|io|json|ya?ml|txt|pem|key|crt|js|ts)$/i.test(value)) return null;
  if (CODE_VALUE.test(value)) return null;
  // Fixture values that spell out what they stand for: 'secret123', 'my-password-1', 'pa$$word'.
  if (/secret|passw|pa\$\$|token|apikey|api_key/i.test(value)) return null;
  const h = shannon(value);
  if (PASSWORD_KEY.test(key)) {
    // Human passwords are short and low-entropy; require a mix of character classes instead.
    const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(value)).length;
    if (h < 2.5 || classes < 2) return null;
    if (h >= 3.5 && value.length >= 12) return 'high';
    return classes >= 3 ? 'medium' : 'low';
  }
  // Short random-looking values in code are mostly ids, hashes and fixtures; real keys are longer.
  if (h < 3.0 || value.length < 20) return null;
  // Words joined by punctuation (`?NonExpressionParenEnd`) are identifiers; random keys almost always contain a digit.
  if (!/\d/.test(value) && h < 4.3) return null;
  if (h >= 4.0 && value.length >= 20) return 'high';
  if (h >= 3.5) return 'medium';
  return 'low';
}

export const rules: SecretRule[] = [
  {
    id: 'secret/generic-assignment',
    title: 'Hard-coded secret assigned to a password/secret/token/API-key variable',
    provider: 'generic',
    severity: 'high',
    hipaa: CITE,
    remediation: remediation('service', 'wherever it was issued'),
    keywords: ['passw', 'secret', 'token', 'api_key', 'apikey', 'api-key', 'api.key', 'access_key', 'accesskey', 'access-key', 'private_key', 'privatekey', 'credential', 'auth_key', 'authkey', 'signing_key', 'encryption_key', 'master_key', 'session_key', 'pass', 'passphrase'],
    regex: REGEX,
    secretGroup: [3, 4],
    path: /^(?!.*(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|\.min\.js|\.map|go\.sum|Cargo\.lock|poetry\.lock|composer\.lock|Gemfile\.lock)$)/,
    priority: 90,
    window: { before: 80, after: 300 },
    scoreMatch: (m, path) => {
      const key = keyOf(m);
      return key === null ? null : scoreGeneric(key, m[3] ?? m[4] ?? '', m[3] !== undefined, path);
    },
  },
];
