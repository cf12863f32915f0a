import { runRuleTests } from '../../../testing/rule-tester.js';
import { scanner } from '../index.js';
import { loadNames } from '../names.js';
import { DATA, j } from '../testing.js';

runRuleTests(scanner, 'phi/person-name', {
  valid: [
    { code: 'patient sync: ERROR, RETRY scheduled; WARN, SKIPPED record\n', path: DATA, name: 'capitalised words in LAST, FIRST form that no name list knows' },
    { code: '{"event":"rx.dispensed","patient":{"mrn":"MV5240077"},"pharmacist":"Gretchen Albrecht","prescriber":"Emeka Okonjo"}\n', path: 'data/es/events.ndjson', name: 'the pharmacist and prescriber of a dispense event' },
    { code: '환자 기록 처리 완료: 최선영 님 확인됨\n', path: 'logs/app.log', name: 'a name in a script without case, with no label' },
    { code: 'Summary,Issue key,Assignee,Reporter,Description\n"Patient lookup slow",TELE-1,Priyanka Iyer,Dana Kowalczyk,"patient search"\n', path: 'docs/jira/export.csv', name: 'ticket assignee and reporter columns' },
    { code: '# Post-mortem: patient eligibility outage\n\n- **Author:** Tobias Brandt\n', path: 'docs/postmortem.md', name: 'a Markdown bold label naming authors' },
    { code: '{"messages": [{"text": "patient callback failed", "user_profile": {"real_name": "Marcus Bello"}}]}', path: 'docs/slack/inc.json', name: "a chat export's user profile" },
    { code: 'Patient:\n  properties:\n    name: { type: string, example: "Maria Gonzalez" }', path: 'api/openapi.yaml', name: 'an API schema example' },
    { code: "test('renders the patient name', () => {})", path: 'src/patient.test.ts', name: 'a test title' },
    { code: 'pagination:\n  first: 10\n  last: true\n# patient list', path: 'config/patients.yaml', name: 'first/last as pagination keys' },
    { code: 'From: Dr. Ken Ito <referrals@clinic.example>\nSubject: patient referral', path: 'mail/referral.eml', name: 'a referring doctor in an email header' },
    { code: 'Patient seen today by Ana Reyes, MD and discharged', path: DATA, name: 'a provider signature with a degree' },
    { code: ' * Optional. The full name of the Compute Engine network to which the patient job is peered.', path: 'src/apis/health.d.ts', name: 'prose after a label word, no known name' },
    { code: '.nav a{color:#000;font-family:Verdana,Geneva,sans-serif} /* patient portal */', path: 'docs/patients.html', name: 'CSS font family' },
    { code: '<Layout title="Patient Portal"><h1>Patient Summary</h1></Layout>', path: 'src/PatientPortal.tsx', name: 'UI titles that start with the word patient' },
    { code: 'const patientName = getPatientName(record);', path: 'src/patient.ts', name: 'identifiers are code, not PHI' },
    { code: 'interface Patient { patientName: string; dob: Date }', path: 'src/patient.ts' },
    { code: 'Patient: John Doe, DOB 01/01/1970', path: DATA, name: 'John Doe is a placeholder' },
    { code: '{"author": {"name": "Maria Gonzalez"}}', path: 'package.json', name: 'package author is not a patient' },
    { code: 'Attending: Dr. Sarah Chen (patient rounds)', path: DATA, name: 'provider names are not patient PHI' },
    { code: 'Click Save Changes to update the patient chart', path: DATA, name: 'UI words' },
    { code: 'Thanks to Maria Gonzalez for the fix', path: 'CHANGELOG.md', name: 'a name without clinical context' },
    { code: '- Fixed patient search pagination (thanks @mgarcia, Maria Gonzalez)', path: 'docs/CHANGELOG.md', name: 'a contributor in a changelog, beside the word patient' },
  ],
  invalid: [
    { code: 'var p = new Patient { FirstName = "Kaʻiulani", LastName = "Kealoha" };\n', path: 'tests/PatientTests.cs', name: 'a Hawaiian name with an ʻokina', findings: [{ excerpt: 'K********' }, { excerpt: 'K******' }] },
    { code: '{"patient":{"mrn":"MV7301185","name":"최선영","name_roman":"Choi Sun-young"}}\n', path: 'data/es/events.ndjson', name: 'a Hangul name under a name key', findings: [{ excerpt: '최**' }, { excerpt: 'C*** S**-y****' }] },
    { code: "const patient = {\n  name: { given: ['Min-jun'], family: 'Kim' },\n};", path: 'src/__tests__/appointments.test.ts', name: 'the first item of a list value', findings: [{ line: 2, excerpt: 'M**-j**' }, { line: 2, excerpt: 'K**' }] },
    { code: '10.1.2.3 - - "GET /portal/records?mrn=00319964&name=Pieter%20van%20der%20Berg&lname=D%27Angelo HTTP/1.1" 200', path: 'logs/access.log', name: 'URL-encoded query values, with lower-case particles', findings: [{ excerpt: 'P***** v** d** B***' }, { excerpt: "D'A*****" }] },
    { code: 'pt_last_nm,pt_first_nm,dob\nOkafor,Chukwuemeka,19750417\n', path: 'exports/roster.csv', name: 'legacy `_nm` column names', findings: [{ excerpt: 'O*****' }, { excerpt: 'C**********' }] },
    { code: '[{"caseNumber": "SUB-1", "claimant": {\n  "name": "Mary-Kate O\'Sullivan",\n  "dob": "1999-12-24"}}]', path: 'fixtures/subrogation.json', name: 'a claimant, and a particle name the lists know after the particle', findings: [{ line: 2, excerpt: "M***-K*** O'S*******" }] },
    { code: '{"form": "intake", "submitted-by": {\n  "patient-name": "Élodie Marchand"}}', path: 'fixtures/intake.json', name: 'a patient key under a container named `..._by`', findings: [{ line: 2, excerpt: 'É***** M*******' }] },
    { code: 'FactoryBot.define do\n  factory :patient do\n    first_name { \'Marco\' }\n    last_name { "D\'Angelo" }\n  end\nend\n', path: 'spec/factories/patient_factory.rb', name: 'FactoryBot attribute blocks', findings: [{ line: 3, excerpt: 'M****' }, { line: 4, excerpt: "D'A*****" }] },
    { code: 'TEST_PATIENT_NAME="Giulia Marchetti"\nTEST_PATIENT_DOB=1956-03-27', path: 'config/.env.test', name: 'a test-data label that still names a patient', findings: [{ excerpt: 'G***** M********' }] },
    { code: 'patients:\n  - demographics: {first: Soren, last: Lindgren, birth_date: 1938-09-09}', path: 'test/data/patients.yaml', name: 'first/last keys in a patient record', findings: [{ excerpt: 'S****' }, { excerpt: 'L*******' }] },
    { code: 'Repro: patient name: Maria Gonzalez was double-booked', path: 'docs/CHANGELOG.md', name: 'a patient label still counts in a changelog', findings: [{ excerpt: 'M**** G*******' }] },
    { code: 'Patient: Maria Gonzalez, DOB 03/04/1961', path: DATA, findings: [{ line: 1, column: 10, endColumn: 24, excerpt: 'M**** G*******', confidence: 'high' }] },
    { code: 'const fixture = { patientName: "Chinedu Okafor" };', path: 'test/patient.test.ts', findings: [{ excerpt: 'C****** O*****' }] },
    { code: 'patient_name: Seo-yeon Kim', path: DATA, name: 'a compound given name with a lower-case second part', findings: [{ excerpt: 'S**-y*** K**' }] },
    { code: 'first_name,last_name,dob\nAnh,Nguyen,1950-02-03\n', path: 'exports/patients.csv', findings: [{ line: 2, column: 1, excerpt: 'A**' }, { line: 2, column: 5, excerpt: 'N*****' }] },
    { code: 'Discharged GONZALEZ, MARIA to home', path: DATA, name: 'LAST, FIRST in capitals, both in the name lists', findings: [{ excerpt: 'G*******, M****' }] },
  ],
}, loadNames);
