import { generate, runFamily, type FamilyCases } from '../../../testing/secret-samples.js';

const lines = (n: number, seed: number) => Array.from({ length: n }, (_, i) => generate('[A-Za-z0-9+/]{64}', seed + i)).join('\n');
const block = (label: string, body: string) => `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----`;

function pemCases(label: string, seed: number): FamilyCases {
  return {
    invalid: [
      // The finding points at the BEGIN line, not the whole block.
      { code: `# deploy key\n${block(label, lines(6, seed))}\n`, path: 'deploy/id_key', findings: [{ line: 2, endLine: 2, column: 1, severity: 'critical' }] },
      { name: 'escaped newlines inside a JSON string', code: `{"key": "${block(label, lines(4, seed + 50)).replace(/\n/g, '\\n')}"}`, path: 'cfg.json', findings: [{ line: 1 }] },
    ],
    valid: [block(label, 'anything'), block(label, '...'), block(label, 'x'.repeat(64) + '\n' + 'x'.repeat(64))],
  };
}

runFamily('private-keys', {
  'secret/private-key-rsa': pemCases('RSA PRIVATE KEY', 10),
  'secret/private-key-ec': pemCases('EC PRIVATE KEY', 20),
  'secret/private-key-dsa': pemCases('DSA PRIVATE KEY', 30),
  'secret/private-key-openssh': pemCases('OPENSSH PRIVATE KEY', 40),
  'secret/private-key-pkcs8': pemCases('PRIVATE KEY', 50),
  'secret/private-key-encrypted': pemCases('ENCRYPTED PRIVATE KEY', 60),
  'secret/private-key-pgp': pemCases('PGP PRIVATE KEY BLOCK', 70),
  'secret/private-key-ssh2': pemCases('SSH2 ENCRYPTED PRIVATE KEY', 80),
  'secret/private-key-other': pemCases('ED25519 PRIVATE KEY', 90),
  'secret/private-key-putty': {
    invalid: [{ code: `PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: deploy\nPublic-Lines: 2\n${lines(2, 5)}\nPrivate-Lines: 1\n${lines(2, 7)}\nPrivate-MAC: ${generate('[a-f0-9]{64}', 9)}\n`, path: 'keys/deploy.ppk', findings: [{ line: 1, endLine: 1 }] }],
    valid: ['PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nPrivate-Lines: 1\n<private key>\n'],
  },
  'secret/pkcs12-file': {
    invalid: [{ code: '', path: 'certs/client.p12', findings: [{ line: 1 }] }, { code: '', path: 'certs/SERVER.PFX', findings: [{ line: 1 }] }],
    valid: [{ code: '', path: 'doc/typenum/type.P126.html' }, { code: 'p12 = load("client.p12")', path: 'src/tls.ts' }],
  },
});
