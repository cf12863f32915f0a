import { tok } from '../build.js';
import { githubChecksumOk } from '../checksum.js';
import type { Confidence } from '../../../core/types.js';
import type { SecretRule } from '../types.js';

const rotate = 'at github.com/settings/tokens (or the app/OAuth app settings) and review the audit log';

/**
 * Classic-format tokens end in a CRC32 checksum of their body. A token that fails it is still
 * reported (old test fixtures, truncated copies and hand-edited tokens exist) but with low
 * confidence; a verified token is high confidence.
 */
const byChecksum = (secret: string): Confidence => (githubChecksumOk(secret) ? 'high' : 'low');

function classic(name: string, prefix: string, title: string): SecretRule {
  return tok({
    name,
    title,
    provider: 'GitHub',
    severity: 'critical',
    rotate,
    re: `${prefix}[0-9a-zA-Z]{36}`,
    kw: [prefix],
    end: '(?![0-9a-zA-Z_])',
    entropy: 3,
    score: (secret) => byChecksum(secret),
  });
}

export const rules: SecretRule[] = [
  classic('github-pat', 'ghp_', 'GitHub personal access token (classic)'),
  classic('github-oauth', 'gho_', 'GitHub OAuth access token'),
  { ...classic('github-app-token', '(?:ghu|ghs)_', 'GitHub App user-to-server or installation token'), keywords: ['ghu_', 'ghs_'] },
  classic('github-refresh-token', 'ghr_', 'GitHub refresh token'),
  tok({
    name: 'github-fine-grained-pat',
    title: 'GitHub fine-grained personal access token',
    provider: 'GitHub',
    severity: 'critical',
    rotate,
    re: String.raw`github_pat_\w{82}`,
    kw: ['github_pat_'],
    end: '(?![0-9a-zA-Z_])',
    entropy: 3,
  }),
];
