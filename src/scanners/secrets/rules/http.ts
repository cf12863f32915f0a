import { CITE_TRANSPORT, raw } from '../build.js';
import type { SecretRule } from '../types.js';

const WEAK = /^(?:pass(?:word)?|passwd|pwd|secret|changeme|user(?:name)?|test|token|guest|admin|x+|y+|\*+)$/i;

function basicDecodes(b64: string): boolean {
  const s = Buffer.from(b64, 'base64').toString('utf8');
  // Basic credentials are `user:password` in printable text; a JSON object is something else (e.g. a JWT).
  return s.includes(':') && !s.startsWith('{');
}

/** `curl ...` possibly continued over `\\` lines, then a header option and its opening quote. */
const CURL_H = String.raw`\bcurl\b[^\n]{0,400}?(?:\\?\r?\n[^\n]{0,400}?){0,6}[ \t](?:-H|--header)(?:=|[ \t]{1,5})["']`;

export const rules: SecretRule[] = [
  {
    ...raw({
      name: 'curl-auth-user',
      title: 'Password passed to curl with -u/--user',
      provider: 'curl',
      hipaa: CITE_TRANSPORT,
      rotate: 'on the service the command authenticates to',
      regex: /\bcurl\b[^\n]{0,400}?(?:\\?\r?\n[^\n]{0,400}?){0,6}[ \t](?:-u|--user)(?:=|[ \t]{1,5})(?:"([^"\s]{0,100}:[^"]{1,200})"|'([^'\s]{0,100}:[^']{1,200})'|((?:"[^"\n]{1,100}"|'[^'\n]{1,100}'|[\w$@.{}-]{1,100}):(?:"[^"\n]{1,200}"|'[^'\n]{1,200}'|[^\s"'\\]{1,200})))(?=\s|$)/,
      kw: ['curl'],
      window: { before: 10, after: 3000 },
    }),
    // The secret is the part after the first colon; the user name is not secret.
    passwordAfterColon: true,
    allow: { regexes: [WEAK] },
  },
  raw({
    name: 'curl-auth-header',
    title: 'Credential passed to curl in an Authorization or API-key header',
    provider: 'curl',
    hipaa: CITE_TRANSPORT,
    rotate: 'on the service the command authenticates to',
    regex: new RegExp(`${CURL_H}(?:[Aa]uthorization:[ \\t]{0,5}(?:(?:[Bb]earer|(?:[Aa]pi-)?[Tt]oken)[ \\t]([\\w=~@.+/-]{8,2000})|(?![Bb]asic[ \\t])([\\w=~@.+/-]{8,400}))|(?:(?:[Xx]-(?:[A-Za-z]{1,20}-)?)?(?:[Aa]pi-?)?(?:[Kk]ey|[Tt]oken)):[ \\t]{0,5}([\\w=~@.+/-]{8,400}))["']`),
    kw: ['curl'],
    entropy: 2.75,
    window: { before: 10, after: 3000 },
  }),
  raw({
    name: 'authorization-bearer-literal',
    title: 'Bearer token hard-coded in an Authorization header',
    provider: 'HTTP API',
    confidence: 'medium',
    hipaa: CITE_TRANSPORT,
    rotate: 'on the service that issued the token',
    // A quoted literal right after `Bearer`: `${token}` and `" + token` are not literals and do not match.
    regex: /[Aa]uthorization["']?[ \t]{0,5}[:=,][ \t]{0,5}(?:["'`][ \t]{0,5})?(?:f?["'`])?[Bb]earer[ \t]{1,5}([A-Za-z0-9._~+/-]{20,1000}={0,2})["'`]/,
    kw: ['bearer'],
    entropy: 3.5,
    window: { before: 80, after: 1100 },
  }),
  {
    ...raw({
      name: 'curl-basic-auth-header',
      title: 'Basic credentials passed to curl in an Authorization header',
      provider: 'curl',
      hipaa: CITE_TRANSPORT,
      rotate: 'on the service the command authenticates to',
      regex: new RegExp(`${CURL_H}[Aa]uthorization:[ \\t]{0,5}[Bb]asic[ \\t]([A-Za-z0-9+/]{8,400}={0,3})["']`),
      kw: ['curl'],
      secretGroup: 1,
      window: { before: 10, after: 3000 },
    }),
    validate: basicDecodes,
  },
];
