import { AN, B64, HEX, kv, raw, tok } from '../build.js';
import { npmChecksumOk } from '../checksum.js';
import { sha256Hex } from '../../../core/hash.js';
import type { SecretRule } from '../types.js';

const DOC_EXAMPLES = new Set(['dba72c00f41f4e4c435e2491a5e1ce0140c7b5a6a498dc4847396b5e6368970c', 'a0702bc91d699f600970f4dc4992b13ede1a29d49fa0942dd4bed2b5e4b1016e']);

export const rules: SecretRule[] = [
  tok({
    name: 'npm-access-token',
    title: 'npm access token',
    provider: 'npm',
    severity: 'critical',
    rotate: 'at npmjs.com (Access Tokens) and check recent package publishes',
    re: `npm_[${AN}]{36}`,
    kw: ['npm_'],
    entropy: 2,
    end: '(?![A-Za-z0-9_])',
    // npm tokens carry a CRC32 like GitHub's; unverifiable shapes are still reported.
    score: (s) => (npmChecksumOk(s) ? 'high' : 'medium'),
  }),
  raw({
    name: 'npmrc-auth-token',
    title: 'Registry auth token in .npmrc',
    provider: 'npm registry',
    severity: 'critical',
    rotate: 'at the registry that issued it (npmjs.com Access Tokens, GitHub Packages, Artifactory...)',
    path: /(?:^|\/)\.?npmrc$/i,
    regex: /^[ \t]{0,20}(?:\/\/[^\s=]{1,200}:)?_(?:authToken|auth|password)[ \t]{0,20}=[ \t]{0,20}["']?([^\s"'$]{8,400})/m,
    kw: ['_auth', '_password'],
    secretGroup: 1,
    window: { before: 300, after: 500 },
  }),
  raw({
    name: 'yarnrc-auth-token',
    title: 'Registry auth token in .yarnrc.yml',
    provider: 'npm registry',
    severity: 'critical',
    path: /(?:^|\/)\.yarnrc(?:\.yml)?$/i,
    regex: /npmAuth(?:Token|Ident)["']?\s{0,5}:\s{0,5}["']?([^\s"'$]{8,400})/,
    kw: ['npmauth'],
    secretGroup: 1,
  }),
  tok({ name: 'pypi-upload-token', title: 'PyPI upload token', provider: 'PyPI', severity: 'critical', rotate: 'at pypi.org (Account settings > API tokens)', re: String.raw`pypi-AgEIcHlwaS5vcmc[\w-]{50,1000}`, kw: ['pypi-ageichlwas5vcmc'], entropy: 3 }),
  raw({
    name: 'pypirc-password',
    title: 'Password or token in .pypirc',
    provider: 'PyPI',
    severity: 'critical',
    rotate: 'at the package index that issued it (pypi.org API tokens)',
    path: /(?:^|\/)\.pypirc$/i,
    regex: /^[ \t]{0,20}password[ \t]{0,20}[:=][ \t]{0,20}(\S{6,400})/m,
    kw: ['password'],
    secretGroup: 1,
  }),
  tok({ name: 'rubygems-api-token', title: 'RubyGems API key', provider: 'RubyGems', severity: 'critical', rotate: 'at rubygems.org (Settings > API keys)', re: 'rubygems_[a-f0-9]{48}', kw: ['rubygems_'], entropy: 2 }),
  tok({ name: 'nuget-api-key', title: 'NuGet.org API key', provider: 'NuGet', severity: 'critical', rotate: 'at nuget.org (API keys)', re: 'oy2[a-z0-9]{43}', kw: ['oy2'], entropy: 3.5 }),
  raw({
    name: 'nuget-config-password',
    title: 'Cleartext password in NuGet.config',
    provider: 'NuGet',
    rotate: 'at the feed that issued it, then use encrypted credentials or a credential provider',
    path: /nuget\.config$/i,
    regex: /<add key="(?:ClearText)?Password"\s{0,10}value="([^"]{8,400})"\s{0,10}\/>/i,
    kw: ['<add key='],
    secretGroup: 1,
    entropy: 1,
    allow: { regexes: [/^%\S.*%$/] },
    // NuGet documentation's sample passwords.
    validate: (s) => !DOC_EXAMPLES.has(sha256Hex(s)),
  }),
  raw({
    name: 'docker-config-auth',
    title: 'Registry credentials in docker config.json',
    provider: 'Docker registry',
    severity: 'critical',
    rotate: 'at the registry (docker logout, revoke the access token), then use a credential helper (credsStore)',
    path: /(?:^|\/)(?:\.docker\/)?config\.json$|(?:^|\/)\.dockercfg$|\.dockerconfigjson$/i,
    regex: new RegExp(String.raw`"auth"\s{0,5}:\s{0,5}"([${B64}]{8,2000}={0,2})"`),
    kw: ['"auth"'],
    secretGroup: 1,
    validate: (s) => {
      const decoded = Buffer.from(s, 'base64').toString('utf8');
      const i = decoded.indexOf(':');
      return i > 0 && i < decoded.length - 1;
    },
  }),
  raw({
    name: 'dockerconfigjson-secret',
    title: 'Kubernetes image pull secret (.dockerconfigjson)',
    provider: 'Docker registry',
    severity: 'critical',
    regex: new RegExp(String.raw`\.dockerconfigjson["']?\s{0,5}:\s{0,5}["']?(eyJ[${B64}]{40,8000}={0,2})`),
    kw: ['.dockerconfigjson'],
    secretGroup: 1,
    entropy: 3.5,
  }),
  tok({ name: 'clojars-api-token', title: 'Clojars deploy token', provider: 'Clojars', re: `CLOJARS_[${AN}]{60}`, kw: ['clojars_'], entropy: 2 }),
  tok({ name: 'artifactory-api-key', title: 'JFrog Artifactory API key', provider: 'JFrog', rotate: 'in the JFrog Platform (user profile > API key / identity tokens)', re: `AKCp[${AN}]{69}`, kw: ['akcp'], entropy: 4.5, end: '(?![A-Za-z0-9_])' }),
  tok({ name: 'artifactory-reference-token', title: 'JFrog Artifactory reference token', provider: 'JFrog', re: `cmVmd[${AN}]{59}`, kw: ['cmvmd'], entropy: 4.5, end: '(?![A-Za-z0-9_])' }),
  kv({ name: 'jfrog-api-key', title: 'JFrog API key', provider: 'JFrog', keys: ['jfrog', 'artifactory', 'bintray', 'xray'], value: `[${AN}]{73}` }),
  kv({ name: 'jfrog-identity-token', title: 'JFrog identity token', provider: 'JFrog', keys: ['jfrog', 'artifactory', 'bintray', 'xray'], value: `[${AN}]{64}` }),
  kv({ name: 'packagist-token', title: 'Packagist / private Composer token', provider: 'Packagist', keys: ['packagist'], value: `[${HEX}]{20,64}`, entropy: 3 }),
  tok({ name: 'dockerhub-pat', title: 'Docker Hub personal access token', provider: 'Docker Hub', severity: 'critical', rotate: 'at hub.docker.com (Account settings > Personal access tokens)', re: String.raw`dckr_pat_[\w-]{27}`, kw: ['dckr_pat_'], entropy: 3 }),
];
