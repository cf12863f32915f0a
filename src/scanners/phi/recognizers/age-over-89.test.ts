import { runRuleTests } from '../../../testing/rule-tester.js';
import { scanner } from '../index.js';
import { loadNames } from '../names.js';
import { DATA, j } from '../testing.js';

runRuleTests(scanner, 'phi/age-over-89', {
  valid: [
    { code: 'if patient.age > 89:\n    patient.age = "90+"', path: 'src/api.py', name: 'the Safe Harbor aggregate itself' },
    { code: 'Patient age: 90 or older', path: DATA, name: 'the aggregate in prose' },
    { code: 'Patient age: 64', path: DATA, name: 'under 90' },
    { code: 'max_age: 120 (patient cache)', path: DATA, name: 'cache setting' },
    { code: 'Cache-Control: max-age=95 patient', path: DATA },
  ],
  invalid: [
    { code: 'record_id,first_name,age_at_enroll,mrn\nCSK-0486,Marisol,93,00577029\n', path: 'redcap/exports/registry.csv', name: 'a REDCap column with the qualifier last (age_at_enroll)', findings: [{ line: 2, excerpt: '**' }] },
    { code: 'Patient is a 93-year-old female', path: DATA, findings: [{ excerpt: '**' }] },
    { code: 'age,mrn\n97,A1234\n', path: 'exports/patients.csv', findings: [{ line: 2 }] },
  ],
}, loadNames);
