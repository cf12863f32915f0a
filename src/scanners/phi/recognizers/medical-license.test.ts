import { runRuleTests } from '../../../testing/rule-tester.js';
import { scanner } from '../index.js';
import { loadNames } from '../names.js';
import { DATA, j } from '../testing.js';

runRuleTests(scanner, 'phi/medical-license', {
  valid: [
    { code: 'Medical license #: BG8207031', path: DATA, name: 'DEA-shaped with a bad check digit' },
    { code: 'Software license number: 12345678 for the patient portal', path: DATA },
    { code: '{ "package": "patient-portal", "license": "MIT", "version": "2.1.0" }', path: 'package.json', name: 'a software licence' },
    { code: 'patient_portal.license=' + j('4471', '2093'), path: 'config/app.properties', name: 'a bare number under a bare license key' },
    { code: 'See the LICENSE file; patient data is never bundled (license v20240301)', path: DATA, name: 'a lower-case word' },
    { code: '# Physician credentialing roster\nproviders:\n  - name: "Okafor, Adaeze"\n    state_licenses:\n      - { state: CO, number: "DR.052" }\n      - { state: NM, number: "ABCD-2019" }\n', path: 'config/credentialing/providers.yaml', name: 'too few digits, or letters where the digits go' },
  ],
  invalid: [
    { code: '{ "patient": "x", "license": "' + j('DDS 19', '066') + '" }', path: 'claims/ada_claim.json', findings: [{ excerpt: '*** *9066' }] },
    { code: 'Montana license ' + j('MT-MD-', '25360') + '. Face-to-face encounter for the patient completed.', path: 'inbound/referral.eml', findings: [{ excerpt: '**-**-*5360' }] },
    { code: 'Treating physician for the patient: Gregory Hale, MD  Lic ' + j('DR.00', '44120'), path: 'workers_comp/WC1_first_reports.txt', findings: [{ excerpt: '**.***4120' }] },
    { code: 'patient = Patient(clinicianLicense = "' + j('LPN-', '78132') + '")', path: 'src/test/VisitCheckInTest.kt', findings: [{ excerpt: '***-*8132' }] },
    { code: 'State license number: MD-4471209 (patient care)', path: DATA, findings: [{ excerpt: '**-***1209' }] },
    { code: 'certificate number is: ' + j('BB138', '8568') + ' patient', path: DATA, findings: [{ excerpt: '*****8568' }] },
    {
      code: '# Physician credentialing roster\nproviders:\n  - name: "Okafor, Adaeze"\n    state_licenses:\n      - { state: CO, number: "DR.0052096" }\n      - { state: NM, number: "MD2019-3608" }\n      - { state: WY, number: "13012A" }\n',
      path: 'config/credentialing/providers.yaml',
      name: "a clinician's licences under state_licenses (board prefix with a dot, a year and a serial, a letter suffix)",
      findings: [{ line: 5, excerpt: '**.***2096' }, { line: 6, excerpt: '******-3608' }, { line: 7, excerpt: '******' }],
    },
  ],
}, loadNames);
