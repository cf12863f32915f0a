import { runRuleTests } from '../../../testing/rule-tester.js';
import { scanner } from '../index.js';
import { loadNames } from '../names.js';
import { DATA, j } from '../testing.js';

const LOG = 'logs/kiosk.log';

runRuleTests(scanner, 'phi/biometric-id', {
  valid: [
    { code: 'fingerprint: SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8 (patient api host key)', path: DATA, name: 'an SSH key fingerprint' },
    { code: 'biometric_template: null patient', path: DATA },
    // A template key without a modality on its line is an e-mail or page template.
    { code: '2024-03-12 07:47:57 INFO patient reminder sent template_id=TPL-20240312-07', path: LOG, name: 'a message template' },
    { code: '2024-03-12 07:47:57 INFO patient voice call ended ref=CA9f3b2 duration=31s', path: LOG, name: 'a short call reference' },
    { code: '2024-03-12 07:47:57 INFO [Palm] patient captured quality=61 template_id=none', path: LOG, name: 'no value' },
    { code: '2024-03-12 07:47:57 INFO [Palm] patient reader firmware hash=2.14.0', path: LOG, name: 'a version is not a template' },
  ],
  invalid: [
    { code: 'patient fingerprint_template: Rk1SACAyMAAAAAFiAAABQAHgAMUAxQEAAAAoQ', path: DATA, findings: [{ confidence: 'high' }] },
    { code: '2024-03-12 07:47:57 INFO [Palm] patient captured hand=L quality=61 template_id=PV-FD58E6462F', path: LOG, findings: [{ column: 80 }] },
    { code: '03-14 09:02:03.208 W BiometricPrompt: patient enrolled fingerprint template id=FPT-F26D-52DD-340 for local unlock', path: LOG, findings: [{ column: 80 }] },
    { code: '2024-03-11T07:38:49Z INFO evv.checkout patient="MONTGOMERY NOVAK" signature=voice ref=VPR-K8A5-51379', path: LOG, findings: [{ column: 87 }] },
    { code: 'patient,enrolled,palm_template_id,fp_template_id\n"Pham, Wei",2024-04-16,PV-044A8FE8B9E2,FP6371924655\n', path: 'checkin/export.csv', findings: [{ line: 2 }, { line: 2 }] },
    { code: '{\n  "patient": {\n    "mrn": "RB-1298137",\n    "selfie_template_id": "' + j('ftpl_', '3Jr9TbW27nQx') + '"\n  }\n}', path: DATA, findings: [{ line: 4, confidence: 'high' }] },
  ],
}, loadNames);
