import { runRuleTests } from '../../../testing/rule-tester.js';
import { scanner } from '../index.js';
import { loadNames } from '../names.js';
import { DATA, j } from '../testing.js';

runRuleTests(scanner, 'phi/medical-license', {
  valid: [
    { code: 'Medical license #: BG8207031', path: DATA, name: 'DEA-shaped with a bad check digit' },
    { code: 'Software license number: 12345678 for the patient portal', path: DATA },
  ],
  invalid: [
    { code: 'State license number: MD-4471209 (patient care)', path: DATA, findings: [{ excerpt: '**-***1209' }] },
    { code: 'certificate number is: ' + j('BB138', '8568') + ' patient', path: DATA, findings: [{ excerpt: '*****8568' }] },
  ],
}, loadNames);
