import { runRuleTests } from '../../../testing/rule-tester.js';
import { scanner } from '../index.js';
import { loadNames } from '../names.js';
import { DATA, j } from '../testing.js';

runRuleTests(scanner, 'phi/biometric-id', {
  valid: [
    { code: 'fingerprint: SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8 (patient api host key)', path: DATA, name: 'an SSH key fingerprint' },
    { code: 'biometric_template: null patient', path: DATA },
  ],
  invalid: [
    { code: 'patient fingerprint_template: Rk1SACAyMAAAAAFiAAABQAHgAMUAxQEAAAAoQ', path: DATA, findings: [{ confidence: 'high' }] },
  ],
}, loadNames);
