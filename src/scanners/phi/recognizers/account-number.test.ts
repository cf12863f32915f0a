import { runRuleTests } from '../../../testing/rule-tester.js';
import { scanner } from '../index.js';
import { loadNames } from '../names.js';
import { DATA, j } from '../testing.js';

runRuleTests(scanner, 'phi/account-number', {
  valid: [
    { code: 'card 4111 1111 1111 1111 (patient billing test card)', path: DATA, name: 'documented test card' },
    { code: 'aws_account_id: 123456789012 patient-api', path: DATA, name: 'cloud account is not a patient account' },
    { code: '{"time":1767261600020,"msg":"patient cache"}', path: 'logs/app.log', name: 'epoch milliseconds' },
  ],
  invalid: [
    { code: 'Patient account number: 88120045', path: DATA, findings: [{ excerpt: '****0045' }] },
    { code: 'paid with ' + j('4532 0151 ', '1283 0366') + ' (patient billing)', path: DATA, findings: [{ excerpt: '**** **** **** 0366' }] },
  ],
}, loadNames);
