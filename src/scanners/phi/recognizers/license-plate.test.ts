import { runRuleTests } from '../../../testing/rule-tester.js';
import { scanner } from '../index.js';
import { loadNames } from '../names.js';
import { DATA, j } from '../testing.js';

runRuleTests(scanner, 'phi/license-plate', {
  valid: [
    { code: 'boilerplate: ABC1234 patient', path: DATA },
    { code: 'plate: none (patient)', path: DATA },
  ],
  invalid: [
    { code: 'Patient license plate: 7ABC123', path: DATA, findings: [{ excerpt: '*******' }] },
  ],
}, loadNames);
