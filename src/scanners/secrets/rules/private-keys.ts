import { CITE_TRANSPORT, raw } from '../build.js';
import type { SecretRule } from '../types.js';

const rotate = 'by generating a new key pair, replacing the public half wherever it is trusted (servers, CAs, deploy keys), and revoking certificates issued for the old key';

/** A whole PEM block; group 1 is the BEGIN line (what the finding points at), the whole match is the secret. */
function pem(name: string, title: string, label: string, kw: string[], before = 10): SecretRule {
  const rule = raw({
    name,
    title,
    provider: 'Private key',
    severity: 'critical',
    hipaa: CITE_TRANSPORT,
    rotate,
    regex: new RegExp(String.raw`(-----BEGIN ${label}-----)((?:\\[nr]|[\sA-Za-z0-9+/=:,.()-]){64,40000}?)-----END ${label}-----`),
    kw,
    secretGroup: 0,
    window: { before, after: 41000 },
    noPlaceholderCheck: true,
  });
  return { ...rule, reportGroup: 1, validate: pemBodyLooksReal };
}

/** The body must be mostly base64 and not a `...`/`xxx` template. */
function pemBodyLooksReal(block: string): boolean {
  const body = block.replace(/-----(?:BEGIN|END)[^-]{1,60}-----/g, '').replace(/\\[nr]/g, '\n');
  const lines = body.split(/\r?\n/).filter((l) => l.trim() !== '' && !/^[\w-]{1,30}:/.test(l.trim()));
  const b64 = lines.join('').replace(/\s/g, '');
  if (b64.length < 48) return false;
  if (/(.)\1{15,}/.test(b64) || /x{6,}|\.{3}/i.test(b64)) return false;
  return /^[A-Za-z0-9+/=]+$/.test(b64);
}

export const rules: SecretRule[] = [
  pem('private-key-rsa', 'RSA private key', 'RSA PRIVATE KEY', ['-----begin rsa private key']),
  pem('private-key-ec', 'EC private key', 'EC PRIVATE KEY', ['-----begin ec private key']),
  pem('private-key-dsa', 'DSA private key', 'DSA PRIVATE KEY', ['-----begin dsa private key']),
  pem('private-key-openssh', 'OpenSSH private key', 'OPENSSH PRIVATE KEY', ['-----begin openssh private key']),
  pem('private-key-pkcs8', 'PKCS#8 private key', 'PRIVATE KEY', ['-----begin private key']),
  pem('private-key-encrypted', 'Encrypted PKCS#8 private key', 'ENCRYPTED PRIVATE KEY', ['-----begin encrypted private key']),
  pem('private-key-pgp', 'PGP private key block', 'PGP PRIVATE KEY BLOCK', ['-----begin pgp private key block']),
  pem('private-key-ssh2', 'SSH2 (Tectia) private key', 'SSH2 ENCRYPTED PRIVATE KEY', ['-----begin ssh2 encrypted private key']),
  pem('private-key-other', 'Private key (other PEM type)', String.raw`[A-Z0-9 _]{1,40} PRIVATE KEY`, ['private key-----'], 60),
  {
    ...raw({
      name: 'private-key-putty',
      title: 'PuTTY private key (PPK)',
      provider: 'Private key',
      severity: 'critical',
      hipaa: CITE_TRANSPORT,
      rotate,
      regex: /(PuTTY-User-Key-File-[23]:[ \t]{0,5}[\w.@-]{1,60})\r?\n[\s\S]{0,2000}?Private-Lines:[ \t]{0,5}\d{1,4}\r?\n([A-Za-z0-9+/=\r\n]{64,20000})/,
      kw: ['putty-user-key-file-'],
      secretGroup: 2,
      window: { before: 10, after: 22000 },
      noPlaceholderCheck: true,
    }),
    reportGroup: 1,
  },
  {
    ...raw({
      name: 'pkcs12-file',
      title: 'PKCS#12 key bundle (.p12/.pfx) committed',
      provider: 'Private key',
      severity: 'high',
      hipaa: CITE_TRANSPORT,
      rotate,
      regex: /$^/,
      kw: [],
    }),
    pathOnly: true,
    path: /(?:^|\/)[^/]+\.p(?:12|fx)$/i,
  },
];
