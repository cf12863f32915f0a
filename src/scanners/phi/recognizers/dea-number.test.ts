import { runRuleTests } from '../../../testing/rule-tester.js';
import { scanner } from '../index.js';
import { loadNames } from '../names.js';
import { DATA, j } from '../testing.js';

runRuleTests(scanner, 'phi/dea-number', {
  valid: [
    { code: 'DEA: BG8207031', path: DATA, name: 'check digit fails' },
    { code: 'DEA: AB1234563', path: DATA, name: 'textbook example' },
  ],
  invalid: [
    { code: 'Prescriber DEA: ' + j('GL028', '5191'), path: DATA, findings: [{ excerpt: '*****5191', confidence: 'high' }] },
  ],
}, loadNames);
