import { runRuleTests } from '../../../testing/rule-tester.js';
import { scanner } from '../index.js';
import { loadNames } from '../names.js';
import { DATA, j } from '../testing.js';

runRuleTests(scanner, 'phi/other-id', {
  valid: [
    { code: 'Test case ID: TC-1234 (patient module)', path: DATA },
    { code: 'claim_id: pending (patient)', path: DATA },
    { code: 'patient visited 3 times, visit 12345 ok', path: DATA, name: 'a bare number after the word is not an id' },
    { code: 'Encounter type: outpatient', path: DATA },
    { code: 'MBI,BeneficiaryName,LastVisit\n3FR7WK2HA64,"Nguyen, Thi",03/12/2024\n', path: 'exports/eligibility.csv', name: 'a date under a visit key is a date, not an id' },
    { code: 'the claim ABC-12 was denied (patient)', path: DATA, name: 'too short for an id' },
  ],
  invalid: [
    { code: 'Patient claim number: CLM-2024-778812', path: DATA, findings: [{ excerpt: '***-****-**8812' }] },
    { code: '{"resourceType": "Encounter", "encounter_id": "ENC-99812"}', path: 'fhir/e.json', findings: [{ excerpt: '***-*9812' }] },
    { code: 'ERROR failed to send discharge summary for encounter ' + j('ENC-881', '20455'), path: 'logs/patients/app.log', name: 'the word alone labels a prefixed id', findings: [{ excerpt: '***-****0455' }] },
    { code: 'patient visit #' + j('A12', '345') + ' scheduled', path: DATA, findings: [{ excerpt: '******' }] },
  ],
}, loadNames);
