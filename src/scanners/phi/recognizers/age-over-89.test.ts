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
    { code: 'patient export job: heap 96M, 92m elapsed', path: 'logs/export.log', name: 'megabytes and minutes' },
    { code: 'Patient portal load test: 95 yrs of archived claims', path: DATA, name: 'years of something, not an age' },
    { code: 'patient banner shows 90+ (91M rows migrated)', path: DATA, name: 'a count with a capital M' },
    { code: 'Patient vitals: Temp 99F, HR 92, BP 128/84', path: DATA, name: 'a temperature in Fahrenheit' },
  ],
  invalid: [
    { code: 'record_id,first_name,age_at_enroll,mrn\nCSK-0486,Marisol,93,00577029\n', path: 'redcap/exports/registry.csv', name: 'a REDCap column with the qualifier last (age_at_enroll)', findings: [{ line: 2, excerpt: '**' }] },
    { code: 'Patient is a 93-year-old female', path: DATA, findings: [{ excerpt: '**' }] },
    { code: 'age,mrn\n97,A1234\n', path: 'exports/patients.csv', findings: [{ line: 2 }] },
    { code: 'CLINICAL HISTORY: 92-year-old woman with abdominal pain. ICD-10 R10.9.', path: 'reports/dictated/batch.txt', findings: [{ excerpt: '**' }] },
    { code: 'Name: Bekele, S.   DOB: 23-Nov-1926  (97 yrs)   MRN: ' + j('00494', '47736'), path: 'reports/consult.txt', findings: [{ excerpt: '**' }] },
    { code: 'NTE|1|L|93 yo M, hx CKD stage 3. Daughter requests results by phone.', path: 'data/hl7/ORU_R01.hl7', findings: [{ excerpt: '**' }] },
    { code: '08:17:13  NARR: 2 VEH, PT VEH IN DITCH, DRIVER 92 YOF CONSCIOUS, patient extricated', path: 'cad/incident.log', findings: [{ excerpt: '**' }] },
  ],
}, loadNames);
