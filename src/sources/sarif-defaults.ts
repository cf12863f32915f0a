/**
 * Built-in HIPAA mapping for imported SARIF, per tool family. Data only: the first entry whose
 * tools include the family (or that names no tools) and whose pattern matches the rule id, title
 * or tags wins. A mapping file (`imports.mapping`) overrides these per rule-id glob.
 */
export type GitlabKind = 'secret_detection' | 'sast' | 'dependency_scanning' | 'container_scanning';

interface DefaultRule {
  tools?: string[];
  /** Match the rule id only (advisory ids), or the id, title and tags together (default). */
  on?: 'id';
  match: RegExp;
  hipaa: string[];
  gitlab: GitlabKind;
  why: string;
}

const SECRET_TOOLS = ['gitleaks', 'trufflehog', 'detect-secrets'];

export const DEFAULT_RULES: DefaultRule[] = [
  { tools: SECRET_TOOLS, match: /./, hipaa: ['164.312(d)', '164.312(a)(1)'], gitlab: 'secret_detection', why: 'secret scanners find credentials: person or entity authentication' },
  { on: 'id', match: /^(CVE-|GHSA-|OSV-|PYSEC-|GO-|RUSTSEC-|DLA-|DSA-|USN-|ALAS|RHSA-)/i, hipaa: ['164.308(a)(5)(ii)(B)', '164.308(a)(1)(ii)(B)'], gitlab: 'dependency_scanning', why: 'known-vulnerable software: protection from malicious software, risk management' },
  { match: /log[-_ ]?(injection|forging)|sensitive.*log|CWE-532|CWE-117/i, hipaa: ['164.312(a)(1)', '164.312(b)'], gitlab: 'sast', why: 'sensitive data in logs' },
  { match: /\b(secret|credential|password|api[-_ ]?key|token|private[-_ ]?key|hard[-_ ]?coded)|CWE-798|CWE-259|CWE-321|S2068|S6418/i, hipaa: ['164.312(d)', '164.312(a)(1)'], gitlab: 'secret_detection', why: 'hard-coded credentials' },
  { match: /encrypt|kms|\bcmk\b|\bsse\b|cleartext|clear-text|plaintext|CWE-311|CWE-312|CWE-313|CWE-326|CWE-327|CWE-328|weak[-_ ]?(hash|crypto|cipher)/i, hipaa: ['164.312(a)(2)(iv)'], gitlab: 'sast', why: 'encryption at rest / cryptography' },
  { match: /\btls\b|ssl|https|insecure[-_ ]?transport|in[-_ ]?transit|certificate|CWE-319|CWE-295|CWE-297/i, hipaa: ['164.312(e)(1)', '164.312(e)(2)(ii)'], gitlab: 'sast', why: 'transmission security' },
  { match: /logging|audit|cloudtrail|flow[-_ ]?log|log[-_ ]?retention|CWE-778/i, hipaa: ['164.312(b)'], gitlab: 'sast', why: 'audit controls' },
  { match: /inject|sqli|xss|cross[-_ ]?site|deserializ|path[-_ ]?traversal|ssrf|xxe|CWE-89|CWE-79|CWE-78|CWE-22|CWE-502|CWE-611|CWE-918|CWE-94/i, hipaa: ['164.312(c)(1)', '164.308(a)(1)(ii)(B)'], gitlab: 'sast', why: 'injection and data integrity' },
  { match: /public|0\.0\.0\.0|open[-_ ]?(port|ingress)|unrestricted|authori[sz]|authenticat|iam|privilege|rbac|root|CWE-284|CWE-285|CWE-287|CWE-306|CWE-862|CWE-863|CWE-269/i, hipaa: ['164.312(a)(1)', '164.308(a)(4)(ii)(B)'], gitlab: 'sast', why: 'access control' },
  { match: /backup|versioning|deletion[-_ ]?protection|point[-_ ]?in[-_ ]?time|replica/i, hipaa: ['164.308(a)(7)(ii)(A)', '164.310(d)(2)(iv)'], gitlab: 'sast', why: 'backup and contingency' },
  { tools: ['conftest', 'opa', 'checkov', 'tfsec', 'kics', 'terrascan', 'kube-linter', 'trivy'], match: /./, hipaa: ['164.308(a)(1)(ii)(B)'], gitlab: 'sast', why: 'policy or configuration violation: risk management' },
  { match: /./, hipaa: ['164.308(a)(1)(ii)(B)'], gitlab: 'sast', why: 'fallback: the finding feeds risk management' },
];

/** Normalise a SARIF driver name to a family key (`Semgrep OSS` -> `semgrep`, `CodeQL` -> `codeql`). */
export function toolFamily(driverName: string): string {
  const n = driverName.toLowerCase();
  const known = ['semgrep', 'trivy', 'codeql', 'sonarqube', 'sonar', 'conftest', 'gitleaks', 'trufflehog', 'checkov', 'tfsec', 'kics', 'grype', 'snyk', 'osv-scanner', 'terrascan', 'bandit', 'eslint', 'detect-secrets', 'dependency-check'];
  const hit = known.find((k) => n.includes(k));
  if (hit) return hit === 'sonar' ? 'sonarqube' : hit;
  return n.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'unknown';
}

export function defaultMapping(family: string, ruleId: string, haystack: string): { hipaa: string[]; gitlab: GitlabKind; advisory?: string } {
  const d = DEFAULT_RULES.find((r) => (!r.tools || r.tools.includes(family)) && r.match.test(r.on === 'id' ? ruleId : haystack))!;
  const advisory = /^(CVE-\d{4}-\d+|GHSA-[\w-]+)$/i.test(ruleId) ? ruleId : undefined;
  return { hipaa: d.hipaa, gitlab: d.gitlab, ...(advisory ? { advisory } : {}) };
}
