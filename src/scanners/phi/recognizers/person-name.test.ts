import { runRuleTests } from '../../../testing/rule-tester.js';
import { scanner } from '../index.js';
import { loadNames } from '../names.js';
import { DATA, j } from '../testing.js';

runRuleTests(scanner, 'phi/person-name', {
  valid: [
    { code: 'const patientName = getPatientName(record);', path: 'src/patient.ts', name: 'identifiers are code, not PHI' },
    { code: 'interface Patient { patientName: string; dob: Date }', path: 'src/patient.ts' },
    { code: 'Patient: John Doe, DOB 01/01/1970', path: DATA, name: 'John Doe is a placeholder' },
    { code: '{"author": {"name": "Maria Gonzalez"}}', path: 'package.json', name: 'package author is not a patient' },
    { code: 'Attending: Dr. Sarah Chen (patient rounds)', path: DATA, name: 'provider names are not patient PHI' },
    { code: 'Click Save Changes to update the patient chart', path: DATA, name: 'UI words' },
    { code: 'Thanks to Maria Gonzalez for the fix', path: 'CHANGELOG.md', name: 'a name without clinical context' },
  ],
  invalid: [
    { code: 'Patient: Maria Gonzalez, DOB 03/04/1961', path: DATA, findings: [{ line: 1, column: 10, endColumn: 24, excerpt: 'M**** G*******', confidence: 'high' }] },
    { code: 'const fixture = { patientName: "Chinedu Okafor" };', path: 'test/patient.test.ts', findings: [{ excerpt: 'C****** O*****' }] },
    { code: 'first_name,last_name,dob\nAnh,Nguyen,1950-02-03\n', path: 'exports/patients.csv', findings: [{ line: 2, column: 1, excerpt: 'A**' }, { line: 2, column: 5, excerpt: 'N*****' }] },
    { code: 'Discharged GONZALEZ, MARIA to home', path: DATA, name: 'LAST, FIRST in capitals is not matched in prose; use a label', findings: [] },
  ],
}, loadNames);
