import { runRuleTests } from '../../../testing/rule-tester.js';
import { scanner } from '../index.js';
import { loadNames } from '../names.js';
import { DATA, j } from '../testing.js';

runRuleTests(scanner, 'phi/npi', {
  valid: [
    { code: 'NPI: 1234567893', path: DATA, name: 'the CMS example NPI' },
    { code: 'NPI: 1245319590', path: DATA, name: 'Luhn check fails' },
    { code: 'patient count 1245319599', path: DATA, name: 'no NPI label' },
  ],
  invalid: [
    { code: 'Rendering NPI: 1245319599', path: DATA, findings: [{ excerpt: '******9599', confidence: 'high' }] },
  ],
}, loadNames);
