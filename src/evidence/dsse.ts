import { sign, verify, type KeyObject } from 'node:crypto';
import type { SigningKey } from './keys.js';

/** DSSE v1 envelope (https://github.com/secure-systems-lab/dsse/blob/master/envelope.md). */
export interface Envelope {
  payloadType: string;
  /** base64 (standard alphabet, padded) */
  payload: string;
  signatures: Array<{ keyid: string; sig: string }>;
}

export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';

/** PAE(type, body) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body, LEN in ASCII decimal bytes. */
export function pae(payloadType: string, body: Uint8Array): Buffer {
  const type = Buffer.from(payloadType, 'utf8');
  return Buffer.concat([Buffer.from(`DSSEv1 ${type.length} `), type, Buffer.from(` ${body.length} `), body]);
}

export function signEnvelope(payloadType: string, payload: Uint8Array, key: SigningKey): Envelope {
  const sig = sign(null, pae(payloadType, payload), key.privateKey);
  return { payloadType, payload: Buffer.from(payload).toString('base64'), signatures: [{ keyid: key.keyid, sig: sig.toString('base64') }] };
}

/**
 * Base64 that decodes AND re-encodes to the same text. Node's decoder ignores stray characters and
 * unused trailing bits, so without this a changed byte could leave the decoded bytes unchanged.
 */
export function strictBase64(s: unknown, what: string): Buffer {
  if (typeof s !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(s)) throw new Error(`${what} is not base64`);
  const b = Buffer.from(s, 'base64');
  if (b.toString('base64') !== s) throw new Error(`${what} is not canonical base64`);
  return b;
}

export type KeyRing = Map<string, KeyObject>;

/**
 * Verify every signature of an envelope against trusted keys. All signatures must verify and at
 * least one must exist; an unknown keyid is an error (an envelope from another key is not evidence).
 */
export function verifyEnvelope(env: Envelope, keys: KeyRing): Buffer {
  if (!env || typeof env !== 'object') throw new Error('envelope is not an object');
  if (typeof env.payloadType !== 'string') throw new Error('envelope payloadType missing');
  const payload = strictBase64(env.payload, 'envelope payload');
  if (!Array.isArray(env.signatures) || env.signatures.length === 0) throw new Error('envelope has no signatures');
  const message = pae(env.payloadType, payload);
  for (const s of env.signatures) {
    const key = keys.get(String(s.keyid));
    if (!key) throw new Error(`signed by unknown key ${String(s.keyid).slice(0, 16)} (not among the trusted public keys)`);
    const sig = strictBase64(s.sig, 'signature');
    if (sig.length !== 64 || !verify(null, message, key, sig)) throw new Error(`signature by key ${String(s.keyid).slice(0, 16)} does not verify`);
  }
  return payload;
}
