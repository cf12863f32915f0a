import { runRuleTests } from '../../../testing/rule-tester.js';
import { scanner } from '../index.js';
import { loadNames } from '../names.js';
import { DATA, j } from '../testing.js';

runRuleTests(scanner, 'phi/vehicle-id', {
  valid: [
    { code: 'VIN: 1HGCM82633A004352 (patient transport)', path: DATA, name: 'common documentation VIN' },
    { code: 'VIN: 1M8GDM9AXKP042789 patient', path: DATA, name: 'check digit fails' },
    { code: 'sha 0123456789ABCDEF0 patient', path: DATA, name: 'hex digest' },
  ],
  invalid: [
    { code: 'Patient vehicle VIN: ' + j('1M8GDM9AX', 'KP042788'), path: DATA, findings: [{ excerpt: '*************2788', confidence: 'high' }] },
  ],
}, loadNames);
