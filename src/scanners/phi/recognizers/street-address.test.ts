import { runRuleTests } from '../../../testing/rule-tester.js';
import { scanner } from '../index.js';
import { loadNames } from '../names.js';
import { DATA, j } from '../testing.js';

runRuleTests(scanner, 'phi/street-address', {
  valid: [
    { code: 'patient transport: Station 7 4410 SE Ridgecrest Rd; MesaVerde Reference Laboratory, 7750 S Kyrene Commons Blvd\n', path: 'ems/cad/history.log', name: "the organisation's own addresses, named after a station or a lab" },
    { code: 'SEED_PATIENT_ADDRESS="123 Example St, Anytown, OR 00000"', path: '.env.example', name: 'placeholder street and town' },
    { code: '{"patient": {"address": "Dirección", "phone": "Teléfono"}}', path: 'src/locales/es.json', name: 'a translated UI label under an address key' },
    { code: 'HQ: 1600 Amphitheatre Parkway (patient portal vendor)', path: DATA, name: 'famous address' },
    { code: 'const address = req.body.address;', path: 'src/patient.ts' },
    { code: '{"ip_address": "10.0.0.1", "patient": 1}', path: 'fixtures/patients.json', name: 'IP address key' },
    { code: 'Main Street view in the patient app', path: DATA, name: 'no house number shape' },
  ],
  invalid: [
    { code: 'Lab called: the patient lives at 2930 E Agave Mesa Trl, next to the clinic\n', path: 'docs/support/notes.txt', name: 'a patient named nearer than the lab', findings: [{ excerpt: '2*** E A**** M*** T**' }] },
    { code: 'Re: her mother, patient MRN MV7455210, lives at 6408 Sandia Vista Rd NE, Albuquerque NM 87111.\n', path: 'docs/support/notes.txt', name: 'a post-directional and a city without a comma before the state', findings: [{ excerpt: '6*** S***** V**** R* N*, A********** N*' }] },
    { code: 'patient := Patient{MRN: "BC-1", Address: Address{Line1: "5433 W Belmont Ave", City: "Chicago"}}', path: 'internal/patient_test.go', name: 'a Line1 key', findings: [{ excerpt: '5*** W B****** A**' }, { excerpt: 'C******' }] },
    { code: 'Patient lives at 1452 Oak Ridge Drive, Springfield, IL 62704', path: DATA, findings: [{ column: 18, excerpt: '1*** O** R**** D****, S**********, I*' }] },
    { code: '- 65 yo pt, DOB 08/31/1958, lives alone at 4564 Mullan Rd, Augusta 59410.\n', path: 'docs/notion/oncall-handoff.md', name: 'a city and its ZIP without the state (the ZIP is reported as a zip-code)', findings: [{ excerpt: '4*** M***** R*, A******' }] },
    { code: '{"address": {"line": ["77 Elm Street"], "city": "Chicago"}, "resourceType": "Patient"}', path: 'fhir/p.json', findings: [{ excerpt: '7* E** S*****' }, { excerpt: 'C******' }] },
  ],
}, loadNames);
