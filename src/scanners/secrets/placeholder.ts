import { sha256Hex } from '../../core/hash.js';

/**
 * Global "this is not a secret" heuristics, applied to every candidate secret of every rule (rules
 * may opt out). They encode what documentation, templates and config indirection look like.
 */

/** Lower-case substrings that mark a value as a placeholder or a reference to a secret kept elsewhere. */
const STOPWORDS = [
  'xxxx', 'xxx-xxx', '****', '....', '<your', 'your_', 'your-', 'yourkey', 'your key', 'your api', 'your token',
  'changeme', 'change_me', 'change-me', 'changeit', 'placeholder', 'example', 'sample', 'dummy', 'redacted',
  'replace_me', 'replaceme', 'replace-me', 'insert_', 'insert-', 'todo', 'fixme', 'notreal', 'not_real', 'not-a-real',
  'process.env', 'os.environ', 'getenv', 'env[', 'env.fetch', 'environment.getenvironmentvariable',
  'vault:', 'arn:aws:secretsmanager', 'ssm:', 'secretsmanager:', 'secretkeyref', 'valuefrom', 'keyvault:',
  'abcdefgh', 'bcdefghi', 'cdefghij', 'ijklmnop', 'klmnopqr', 'mnopqrst', 'qrstuvwx', 'rstuvwxy', 'stuvwxyz',
  '12345678', '23456789', 'qwertyui', 'asdfghjk', '0123456789abcdef', '####', '1234-1234', 'abcd-abcd',
];

/** Whole-value shapes that are templating, variable references or interpolation, not literals. */
const SHAPES: RegExp[] = [
  /^\$\{[^}]*\}?$/, // ${VAR}, ${VAR:-default}
  /\$\{\{?[^}]*\}/, // ${VAR} or ${{ secrets.X }} anywhere in the value
  /\{\{[^}]*\}\}/, // {{ .Values.x }}, {{token}}
  /\{\{/,
  /^\$[A-Za-z_][A-Za-z0-9_]*$/, // $VAR
  /^\$\d+$/, // $1 (shell positional)
  /^\$\([^)]*\)?$/, // $(command)
  /^%[A-Za-z_][A-Za-z0-9_]*%$/, // %VAR%
  /^<[^>]*>?$/, // <token>
  /^\[[^\]]*\]$/, // [PASSWORD]
  /^@[A-Za-z_]+@$/, // @VAR@
  /^#\{[^}]*\}$/, // #{var}
  /^(?:true|false|null|nil|none|undefined)$/i,
];

/**
 * sha256 of documented example credentials (AWS, Stripe documentation keys) and of public keys
 * that are published on purpose. Stored hashed so this repository does not itself contain
 * secret-shaped literals.
 */
const KNOWN_EXAMPLES = new Set<string>([
  // AWS documentation access key id and secret access key
  '1a5d44a2dca19669d72edf4c4f1c27c4c1ca4b4408fbb17f6ce4ad452d78ddb3',
  '78314b11be2e581549ac1c4f616563fad3fdf0c3b71678f6e2299182080e0598',
  // Stripe API documentation test keys
  '2cafc0970149a84f3b9e62eaf169f36f59907a3b3e31f7b82e68c69cd27f7326',
  'f2d6ca16515033e5dce14eba840b979d27b5cbae24bb3e5bf484339667f86397',
  'b1471f544ceeea31333bde7e1ecbaad6eac0d4a749412ad29bd66ef895b81c6b',
  'c4341ce2cfcb5209124439c61efbae3ceb5d10b48997f67face25578db0918a2',
  // Browser (Firebase) API keys published on purpose by open-source projects (gitleaks allowlist)
  'f56e323494a6ffc2064e7a955908957d84f0755e5f975dabd64328d0359a8f7c',
  '2037abcaffb2b77785da716cf7ccff4ff4d00c4ea930db0167b7d71f50af7eb4',
  '3f370c9dd8225c63b5c77de1f785edc9712958f18bb612d5fa2e0ae33aeca682',
  'e4a5542bb7fd7b67e943c71ad29c34b5972c9840597e7eda53e666f44d5da0b9',
  'a19f89ab3555eac10c40741f6df79ecf0935998f15569f8db9d67bce0181fff6',
  '0b476bdf9acf2123d547b5ae76f1e59884d8ec9553ee0c47e9f31fd4768f3f3c',
  'eb540d2b6ee2a0a47c5779bc8a0141784c6b753840d4c6f4e2428a6e86e9e0b1',
  '37f8f09bdf12c2f2eae4ead7273a62ddb0c23459cbf902892f282b57f7ed6619',
  '8731261cb72d86267a32a532ebd3df429e2144e5e4ced7e13568bc9e6c8fb1b1',
  '49f777db995e8260da7ca9ffdf0c08d66f0453e97ec967018baf2cdfe3b582d0',
  '27a9a42931dff7eb2f8434e20a9bce976ea364e7bee49187f19d5cfeca9c7045',
  'dc0fcf046c61640cbd1e8b999ada3262d722c2ca4bf42dceac999020ffdbb614',
  '4c98242dcadc8b29005c6b4aad526552d5ea1842149154c0694adeec75847583',
  'ea9bb1082cf95663f5faca23b8b15ef2aa0fce0a5c6df9c32dcb85b2e0a4513d',
  '3a8b61d0f636b007840c0d40ba12bcf48465dc054cdc1a68704a33521d84b665',
  'a6c814bc555ae62c7bd8b58ec07bf559c7ed3a009976a1e0acc9cef0d4473b41',
]);

let knownExampleHashes: Set<string> = KNOWN_EXAMPLES;

/** Register more example hashes (used by rule families that know their provider's documentation keys). */
export function addKnownExamples(values: string[]): void {
  knownExampleHashes = new Set([...knownExampleHashes, ...values]);
}

export function isKnownExample(value: string): boolean {
  return knownExampleHashes.has(sha256Hex(value));
}

/** One character dominating, or only a couple of distinct characters. */
export function isLowVariety(value: string): boolean {
  if (value.length < 8) return false;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  if (counts.size <= 3) return true;
  // A long run of one character (base64 zero bytes, `AAAA...`, excepted: real DER/base64 has those).
  if (/([^A])\1{9,}/.test(value)) return true;
  let max = 0;
  for (const c of counts.values()) max = Math.max(max, c);
  return max / value.length > 0.5;
}

export function isPlaceholder(value: string): boolean {
  const lower = value.toLowerCase();
  for (const w of STOPWORDS) if (lower.includes(w)) return true;
  for (const re of SHAPES) if (re.test(value)) return true;
  if (isLowVariety(value)) return true;
  return isKnownExample(value);
}
