import { runRuleTests } from '../../../testing/rule-tester.js';
import { scanner } from '../index.js';
import { loadNames } from '../names.js';
import { DATA, j } from '../testing.js';

runRuleTests(scanner, 'phi/medical-record-number', {
  valid: [
    { code: '@app.get("/patients/{patient_id}")\ndef get_patient(patient_id): ...  # GET /patients/1042', path: 'src/api.py', name: 'a route template and a short example id' },
    { code: "render(<PatientCard patient={{ name: 'Test Patient', mrn: 'MRN-TEST-001' }} />);", path: 'test/patient.test.tsx', name: 'an id that says TEST is a test value' },
    { code: 'patient record count 1234567', path: DATA, name: 'a number without an MRN label' },
    { code: 'MRN: TBD', path: DATA },
    { code: 'const mrn = patient.mrn;', path: 'src/patient.ts' },
  ],
  invalid: [
    { code: '67.180.41.233 - - [02/May/2024:09:17:41 -0700] "GET /patients/BC-0062118/chart HTTP/1.1" 200 48211', path: 'logs/access_log', name: 'a patient id in a REST path', findings: [{ excerpt: '**-***2118', confidence: 'medium' }] },
    { code: 'Referral for the patient below.\nMRN (MVH): 00628145\n', path: 'docs/referral.eml', name: 'a qualifier between the label and its colon', findings: [{ line: 2, excerpt: '****8145' }] },
    { code: 'MRN: 00482913', path: DATA, findings: [{ column: 6, excerpt: '****2913', confidence: 'high' }] },
    { code: 'Patient MRN-004521 admitted', path: DATA, findings: [{ excerpt: '******' }] },
    { code: 'PID|1||7733921^^^HOSP^MR||NGUYEN^ANH', path: 'msgs/adt.hl7', findings: [{ excerpt: '*******' }] },
  ],
}, loadNames);
