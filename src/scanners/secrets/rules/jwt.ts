import { raw } from '../build.js';
import type { Confidence } from '../../../core/types.js';
import type { SecretRule } from '../types.js';

/** Decode the JOSE header; a real JWT's header is a JSON object with an `alg`. */
export function jwtHeaderAlg(token: string): string | null {
  const head = token.slice(0, token.indexOf('.'));
  try {
    const json = JSON.parse(Buffer.from(head.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8')) as unknown;
    if (json && typeof json === 'object' && typeof (json as { alg?: unknown }).alg === 'string') return (json as { alg: string }).alg;
  } catch {
    // not JSON: not a JWT header
  }
  return null;
}

/**
 * Documentation tokens say so in their claims: AWS writes `EXAMPLE...` values and the account
 * 111111111111; zero-filled ids and one-digit runs are placeholders, not issued identities.
 */
export function examplePayload(token: string): boolean {
  const body = token.split('.')[1] ?? '';
  const text = Buffer.from(body.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
  return /EXAMPLE|"(\d)\1{11}"|:(\d)\2{11}\b|-0{12}"/.test(text) && text.startsWith('{');
}

export const rules: SecretRule[] = [
  raw({
    name: 'jwt',
    title: 'JSON Web Token',
    provider: 'JWT',
    severity: 'high',
    rotate: 'by revoking the session or rotating the signing key if the token is long-lived, and never committing issued tokens',
    regex: /(?<![\w-])(eyJ[A-Za-z0-9_-]{15,4000}\.eyJ[A-Za-z0-9/\\_-]{15,16000}\.(?:[A-Za-z0-9/\\_-]{10,4000}={0,2})?)(?![\w-])/,
    kw: ['eyj'],
    secretGroup: 1,
    entropy: 3,
    window: { before: 20, after: 24000 },
    // A decodable header with a signing algorithm is a real token; `alg: none` is unsigned (still a bearer token).
    score: (secret): Confidence | null => {
      if (examplePayload(secret)) return null;
      const alg = jwtHeaderAlg(secret);
      if (alg === null) return 'low';
      return alg.toLowerCase() === 'none' ? 'medium' : 'high';
    },
  }),
];
