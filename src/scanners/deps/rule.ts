import type { RuleMeta } from '../../core/types.js';

export const VULNERABLE_PACKAGE: RuleMeta = {
  id: 'deps/vulnerable-package',
  category: 'deps',
  title: 'Dependency with a known vulnerability',
  description:
    'A package installed by a lockfile, manifest or OS package database is in a version range that an OSV advisory (GHSA, CVE, PYSEC, GO, RUSTSEC, DSA ...) marks as affected.',
  severity: 'high',
  hipaa: ['164.308(a)(1)(ii)(A)', '164.308(a)(5)(ii)(B)', '164.312(c)(1)'],
  remediation: 'Upgrade the package to a fixed version (listed in the finding), or record a time-limited waiver by advisory id with the reason it is not exploitable.',
  helpUri: 'docs/deps.md#depsvulnerable-package',
  tags: ['deps', 'sca', 'vulnerability'],
};
