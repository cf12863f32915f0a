import { runRuleTests } from '../../../testing/rule-tester.js';
import { scanner } from '../index.js';
import { loadNames } from '../names.js';
import { DATA, j } from '../testing.js';

runRuleTests(scanner, 'phi/face-photo', {
  valid: [
    { code: 'logo: assets/logo.png (patient portal)', path: DATA },
  ],
  invalid: [
    { code: 'patient photo: uploads/patients/88231/headshot.jpg', path: DATA, findings: [{ confidence: 'high' }] },
  ],
}, loadNames);
