import { describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { pae, signEnvelope, strictBase64, verifyEnvelope } from './dsse.js';
import { keyIdOf, type SigningKey } from './keys.js';

function key(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicKey, keyid: keyIdOf(publicKey), source: 'test' };
}

describe('DSSE', () => {
  it('encodes PAE exactly as the specification test vector', () => {
    expect(pae('http://example.com/HelloWorld', Buffer.from('hello world')).toString()).toBe('DSSEv1 29 http://example.com/HelloWorld 11 hello world');
    // Lengths are byte lengths, not character counts.
    expect(pae('t', Buffer.from('é')).toString()).toBe('DSSEv1 1 t 2 é');
  });

  it('signs and verifies, and rejects altered payloads, types, signatures and unknown keys', () => {
    const k = key();
    const other = key();
    const ring = new Map([[k.keyid, k.publicKey]]);
    const env = signEnvelope('application/vnd.in-toto+json', Buffer.from('{"a":1}'), k);
    expect(env.signatures[0]!.keyid).toBe(k.keyid);
    expect(verifyEnvelope(env, ring).toString()).toBe('{"a":1}');
    expect(() => verifyEnvelope({ ...env, payload: Buffer.from('{"a":2}').toString('base64') }, ring)).toThrow(/does not verify/);
    expect(() => verifyEnvelope({ ...env, payloadType: 'text/plain' }, ring)).toThrow(/does not verify/);
    const forged = signEnvelope('application/vnd.in-toto+json', Buffer.from('{"a":1}'), other);
    expect(() => verifyEnvelope(forged, ring)).toThrow(/unknown key/);
    // Another key's signature presented under our keyid.
    expect(() => verifyEnvelope({ ...forged, signatures: [{ keyid: k.keyid, sig: forged.signatures[0]!.sig }] }, ring)).toThrow(/does not verify/);
    expect(() => verifyEnvelope({ ...env, signatures: [] }, ring)).toThrow(/no signatures/);
  });

  it('rejects base64 whose unused bits or stray characters were changed', () => {
    expect(strictBase64('aGk=', 'x').toString()).toBe('hi');
    expect(() => strictBase64('aGl=', 'x')).toThrow(/canonical/);
    expect(() => strictBase64('aG k=', 'x')).toThrow(/base64/);
  });
});
