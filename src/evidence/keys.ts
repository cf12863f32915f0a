import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { HipaaGateError } from '../core/errors.js';
import { sha256Hex } from '../core/hash.js';

/** Environment variable that may hold the private key (PEM, or base64 of the PEM for masked CI variables). */
export const SIGNING_KEY_ENV = 'HIPAA_GATE_SIGNING_KEY';

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  keyid: string;
  /** Where it came from, for messages; never the key itself. */
  source: string;
}

/** keyid = sha256 of the DER SubjectPublicKeyInfo: stable, and printable without revealing anything. */
export function keyIdOf(publicKey: KeyObject): string {
  return sha256Hex(publicKey.export({ type: 'spki', format: 'der' }));
}

export function publicKeyPem(publicKey: KeyObject): string {
  return publicKey.export({ type: 'spki', format: 'pem' }).toString();
}

export function generateSigningKeyPair(): { privatePem: string; publicPem: string; keyid: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicPem(publicKey),
    keyid: keyIdOf(publicKey),
  };
}

function publicPem(k: KeyObject): string {
  return publicKeyPem(k);
}

function decodeKeyText(text: string): string | Buffer {
  const t = text.trim();
  if (t.includes('-----BEGIN')) return t;
  // Masked CI variables cannot hold newlines, so accept the PEM base64-encoded on one line.
  const raw = Buffer.from(t, 'base64');
  const asText = raw.toString('utf8');
  return asText.includes('-----BEGIN') ? asText : raw;
}

function parsePrivate(text: string, source: string): SigningKey {
  let privateKey: KeyObject;
  try {
    const data = decodeKeyText(text);
    privateKey = typeof data === 'string' ? createPrivateKey(data) : createPrivateKey({ key: data, format: 'der', type: 'pkcs8' });
  } catch (e) {
    // The parser's message can quote input; keep only our own words.
    throw new HipaaGateError('E_EVIDENCE', `${source} does not hold a readable private key (expected an Ed25519 PKCS#8 PEM from "hipaa-gate evidence keygen")`, { cause: e });
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new HipaaGateError('E_EVIDENCE', `${source} holds a ${privateKey.asymmetricKeyType} key; hipaa-gate signs with Ed25519`);
  }
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, keyid: keyIdOf(publicKey), source };
}

export interface KeyLookup {
  root: string;
  /** `--key FILE` */
  keyFile?: string;
  /** `evidence.key_file` from the config, relative to the scan root. */
  configKeyFile?: string;
  env?: NodeJS.ProcessEnv;
}

/** The signing key: --key, then HIPAA_GATE_SIGNING_KEY, then evidence.key_file. Undefined when none is configured. */
export function findSigningKey(opts: KeyLookup): SigningKey | undefined {
  const env = opts.env ?? process.env;
  const file = opts.keyFile ?? (env[SIGNING_KEY_ENV] ? undefined : opts.configKeyFile);
  if (opts.keyFile === undefined && env[SIGNING_KEY_ENV]) return parsePrivate(env[SIGNING_KEY_ENV]!, `environment variable ${SIGNING_KEY_ENV}`);
  if (!file) return undefined;
  const abs = isAbsolute(file) ? file : resolve(opts.root, file);
  if (!existsSync(abs)) throw new HipaaGateError('E_EVIDENCE', 'signing key file not found', { file: abs });
  return parsePrivate(readFileSync(abs, 'utf8'), `key file ${abs}`);
}

export function requireSigningKey(opts: KeyLookup): SigningKey {
  const k = findSigningKey(opts);
  if (!k) {
    throw new HipaaGateError(
      'E_EVIDENCE',
      `no signing key configured: run "hipaa-gate evidence keygen", then set evidence.key_file in .hipaa-gate.yml, pass --key FILE, or set ${SIGNING_KEY_ENV}`,
    );
  }
  return k;
}

/** Public keys for verification. A private key file is accepted too (its public half is used). */
export function loadPublicKey(file: string): { keyid: string; key: KeyObject } {
  if (!existsSync(file)) throw new HipaaGateError('E_EVIDENCE', 'public key file not found', { file });
  const text = readFileSync(file, 'utf8');
  let key: KeyObject;
  try {
    key = text.includes('PRIVATE KEY') ? createPublicKey(createPrivateKey(text)) : createPublicKey(decodeKeyText(text) as string);
  } catch (e) {
    throw new HipaaGateError('E_EVIDENCE', 'not a readable public key (expected an SPKI PEM)', { file, cause: e });
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new HipaaGateError('E_EVIDENCE', `not an Ed25519 key (${key.asymmetricKeyType})`, { file });
  return { keyid: keyIdOf(key), key };
}
