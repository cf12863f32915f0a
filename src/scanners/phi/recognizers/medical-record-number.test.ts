import { runRuleTests } from '../../../testing/rule-tester.js';
import { scanner } from '../index.js';
import { loadNames } from '../names.js';
import { DATA, j } from '../testing.js';

runRuleTests(scanner, 'phi/medical-record-number', {
  valid: [
    { code: '# patient portal worker\n2024-06-10T10:55:00.500Z worker restarted pid=48213 ppid=1\n', path: 'logs/patient-portal/worker.log', name: 'a process id under pid= (a bare number)' },
    { code: 'Release notes: Build 7 (RC20240311) and hotfix ERR4041234 (Connection Reset) for the patient portal.\n', path: 'docs/CHANGELOG.md', name: 'an id beside words that are no person\'s name' },
    { code: 'Known issue with the patient import: (AB1234567) was retried by the job.\n', path: 'docs/notes.md', name: 'a parenthesised id with no name beside it' },
    { code: '@app.get("/patients/{patient_id}")\ndef get_patient(patient_id): ...  # GET /patients/1042', path: 'src/api.py', name: 'a route template and a short example id' },
    { code: "render(<PatientCard patient={{ name: 'Test Patient', mrn: 'MRN-TEST-001' }} />);", path: 'test/patient.test.tsx', name: 'an id that says TEST is a test value' },
    { code: 'patient record count 1234567', path: DATA, name: 'a number without an MRN label' },
    { code: 'MRN: TBD', path: DATA },
    { code: 'const mrn = patient.mrn;', path: 'src/patient.ts' },
  ],
  invalid: [
    { code: '# patient study audit\n2024-06-10T10:55:00.500Z evt=StudyDeleted user=mdelgado pid=' + 'SPM0340442 acc=CT24756589\n', path: 'pacs/audit/pacs_audit.log', name: "a PACS audit's pid= with a letter prefix", findings: [{ line: 2, excerpt: '******0442' }] },
    { code: 'Patient            : Yamamoto^Hiroshi (' + 'SPM6088142)\n', path: 'dicom/sr/ct_dose_sr_dump.txt', name: 'a record number in brackets after an HL7-style LAST^FIRST name', findings: [{ excerpt: '******8142' }] },
    { code: '- Known issue: storage renewal SMS sent twice to Lucia Halvorsen (' + 'BW7063350) - fixed in 3.14.2\n', path: 'docs/patient-portal/known-issues.md', name: 'a record number in brackets after its person', findings: [{ excerpt: '*****3350' }] },
    { code: '# embryology: dish labels matched to patient charts\n2024-03-18T07:02:49.671Z [INF] Slide S1985 dish label resolved -> ' + 'BW9083152 (IWASAKI, SIOBHAN)\n', path: 'logs/lab-bridge/bridge.log', name: 'a record number before its person in brackets', findings: [{ line: 2, excerpt: '*****3152' }] },
    { code: '67.180.41.233 - - [02/May/2024:09:17:41 -0700] "GET /patients/BC-0062118/chart HTTP/1.1" 200 48211', path: 'logs/access_log', name: 'a patient id in a REST path', findings: [{ excerpt: '**-***2118', confidence: 'medium' }] },
    { code: 'Referral for the patient below.\nMRN (MVH): 00628145\n', path: 'docs/referral.eml', name: 'a qualifier between the label and its colon', findings: [{ line: 2, excerpt: '****8145' }] },
    { code: 'MRN: 00482913', path: DATA, findings: [{ column: 6, excerpt: '****2913', confidence: 'high' }] },
    { code: 'Patient MRN-004521 admitted', path: DATA, findings: [{ excerpt: '******' }] },
    { code: 'PID|1||7733921^^^HOSP^MR||NGUYEN^ANH', path: 'msgs/adt.hl7', findings: [{ excerpt: '*******' }] },
  ],
}, loadNames);
