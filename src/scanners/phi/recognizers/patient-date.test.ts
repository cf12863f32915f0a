import { runRuleTests } from '../../../testing/rule-tester.js';
import { scanner } from '../index.js';
import { loadNames } from '../names.js';
import { DATA, j } from '../testing.js';

runRuleTests(scanner, 'phi/patient-date', {
  valid: [
    { code: 'Build date: 2024-01-05 (patient portal release)', path: DATA },
    { code: 'admitted: yes', path: DATA },
  ],
  invalid: [
    { code: 'Admission date: 2024-01-05', path: DATA, findings: [{ excerpt: '2024-**-**' }] },
    { code: 'discharge_date,mrn\n01/09/2024,A12345\n', path: 'exports/patients.csv', findings: [{ line: 2, column: 1, excerpt: '**/**/2024' }] },
    { code: 'Date of death: March 3, 2023', path: DATA, findings: [{ excerpt: '***** *, 2023' }] },
  ],
}, loadNames);
