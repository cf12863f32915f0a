import { runRuleTests } from '../../../testing/rule-tester.js';
import { scanner } from '../index.js';
import { loadNames } from '../names.js';
import { DATA } from '../testing.js';

const LOG = 'logs/enroll.log';

runRuleTests(scanner, 'phi/face-photo', {
  valid: [
    { code: 'path,kind,mrn,captured\nassets/icons/logo_2024.png,icon,KR918352,2024-03-06\n', path: 'photos/manifest.csv', name: 'an image in a path column that says no face' },
    { code: 'path,kind,owner\nmarketing/team/portrait_ceo.png,press,comms\n', path: 'assets/manifest.csv', name: 'a portrait in a manifest of no patient' },
    { code: 'logo: assets/logo.png (patient portal)', path: DATA },
    // No digits in the name: the clinic's own pictures, not a patient's.
    { code: 'patient intake kiosk: see the picture of the lobby in docs/lobby-photo.jpg', path: DATA, name: 'a facility picture' },
    { code: '2024-03-12 07:48:22 INFO patient chart rendered, icon /static/icons/alert-2024.png', path: LOG, name: 'an icon without a photo word' },
    { code: 'const LOGO = "assets/brand/logo-2024.png"; // patient app', path: 'src/app/header.ts', name: 'code without a photo word' },
  ],
  invalid: [
    { code: 'path,kind,mrn,captured\nrider_badges/szymanski_paulette_portrait.png,rider-id-face,KR918352,2024-03-06\ns3://kr-nemt-rider-id/KR773976/face_20240222.jpg,rider-id-face,KR773976,2024-02-22\n', path: 'photos/manifest.csv', name: "a face path in a patient manifest's plain path column", findings: [{ line: 2 }, { line: 3 }] },
    { code: 'patient photo: uploads/patients/88231/headshot.jpg', path: DATA, findings: [{ confidence: 'high' }] },
    { code: '2024-03-12 07:48:22 INFO patient enrolled [Photo] saved \\\\crci-fs01\\patphotos\\2024\\03\\41777329_20240312.jpg (640x480)', path: LOG, findings: [{ confidence: 'high' }] },
    { code: '<img alt="patient" src="/api/photos/45019281/thumb.jpg"/>', path: 'public/patient-banner.html', findings: [{ confidence: 'high' }] },
    { code: 'Ticket: the photo on my kid\'s patient profile is not her. It shows file IMG_3131_gill.HEIC which I never uploaded', path: DATA, findings: [{ confidence: 'medium' }] },
    { code: 'patient,photoPath\n27391054,content://org.example.family/photos/14321518/profile_20240315.jpg\n', path: 'fixtures/patients.csv', findings: [{ line: 2, confidence: 'high' }] },
  ],
}, loadNames);
