/**
 * Path gates for the IaC scanner. Kept apart from the parsers so that deciding whether a file is a
 * candidate (every scan, every file) does not load the HCL, YAML and Dockerfile parsers.
 */

// `Dockerfile.prod` is a Dockerfile; `dockerfile.ts` or `Dockerfile.j2` (source, templates, docs) is not.
const NOT_DOCKERFILE_EXT = /\.(ts|tsx|js|mjs|cjs|go|py|rb|java|rs|cs|md|txt|json|ya?ml|toml|lock|sh|ps1|template|tmpl|tpl|j2|erb|bak|orig|swp)$/i;

const NOT_IAC_JSON = /(^|\/)(package(-lock)?|composer|tsconfig[^/]*|jsconfig|\.eslintrc|\.babelrc|renovate|lerna|nx|project|angular|manifest|app|firebase|vercel|deno|bun|turbo)\.json$/i;

export function isDockerfilePath(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (NOT_DOCKERFILE_EXT.test(base)) return false;
  return /^(Dockerfile|Containerfile)(\.[\w.-]+)?$/i.test(base) || /\.(dockerfile|containerfile)$/i.test(base);
}

/** Cheap path gate used by the scanner's `appliesTo`. */
export function iacCandidate(path: string): boolean {
  const p = path.toLowerCase();
  if (p.endsWith('.tf') || p.endsWith('.tfvars') || p.endsWith('.tf.json') || p.endsWith('.tfvars.json')) return true;
  if (isDockerfilePath(path)) return true;
  if (p.endsWith('.yaml') || p.endsWith('.yml') || p.endsWith('.template')) return true;
  if (p.endsWith('.json')) return !NOT_IAC_JSON.test(p);
  return false;
}
