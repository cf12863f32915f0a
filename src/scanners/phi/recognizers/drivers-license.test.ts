import { runRuleTests } from '../../../testing/rule-tester.js';
import { scanner } from '../index.js';
import { loadNames } from '../names.js';
import { DATA, j } from '../testing.js';

runRuleTests(scanner, 'phi/drivers-license', {
  valid: [
    { code: 'patient H12234567 seen', path: DATA, name: 'no license label' },
    { code: "Driver's License: ABCDEFGH", path: DATA, name: 'no digits' },
  ],
  invalid: [
    { code: "Patient driver's license: H12234567", path: DATA, findings: [{ excerpt: '*****4567' }] },
    { code: 'PID|1||123^^^H^MR||DOE^JO|||||||||||||||' + j('D123', '4567') + '^IL', path: 'msgs/a.hl7', findings: [{ excerpt: '****4567' }] },
  ],
}, loadNames);
