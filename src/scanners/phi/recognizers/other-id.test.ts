import { runRuleTests } from '../../../testing/rule-tester.js';
import { scanner } from '../index.js';
import { loadNames } from '../names.js';
import { DATA, j } from '../testing.js';

runRuleTests(scanner, 'phi/other-id', {
  valid: [
    { code: 'Test case ID: TC-1234 (patient module)', path: DATA },
    { code: 'claim_id: pending (patient)', path: DATA },
  ],
  invalid: [
    { code: 'Patient claim number: CLM-2024-778812', path: DATA, findings: [{ excerpt: '***-****-**8812' }] },
    { code: '{"resourceType": "Encounter", "encounter_id": "ENC-99812"}', path: 'fhir/e.json', findings: [{ excerpt: '***-*9812' }] },
  ],
}, loadNames);
