import { runRuleTests } from '../../../testing/rule-tester.js';
import { scanner } from '../index.js';
import { loadNames } from '../names.js';
import { DATA, j } from '../testing.js';

runRuleTests(scanner, 'phi/drivers-license', {
  valid: [
    { code: 'patient H12234567 seen', path: DATA, name: 'no license label' },
    { code: "Driver's License: ABCDEFGH", path: DATA, name: 'no digits' },
  ],
  invalid: [
    { code: 'Emp ID,Driver Name,DOB,CDL #,CDL St\n0013211,"Hanlon, Dale",1/3/1974,76306547,PA\n', path: 'employer-uploads/roster.csv', name: "a commercial driver's license column (CDL #)", findings: [{ line: 2, excerpt: '****6547' }] },
    { code: 'DOT physical, patient Dale Hanlon, CDL 76306547 (PA), medically cleared for 24 months.\n', path: 'data/dot/exam_note.txt', name: 'a CDL number in prose', findings: [{ excerpt: '****6547' }] },
    { code: "Patient driver's license: H12234567", path: DATA, findings: [{ excerpt: '*****4567' }] },
    { code: 'PID|1||123^^^H^MR||DOE^JO|||||||||||||||' + j('D123', '4567') + '^IL', path: 'msgs/a.hl7', findings: [{ excerpt: '****4567' }] },
  ],
}, loadNames);
