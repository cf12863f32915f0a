import { runRuleTests } from '../../../testing/rule-tester.js';
import { scanner } from '../index.js';
import { loadNames } from '../names.js';
import { DATA, j } from '../testing.js';

const mbi = j('1EG4-TE5', '-MK72');
runRuleTests(scanner, 'phi/health-plan-id', {
  valid: [
    { code: 'SEED_PATIENT_MBI=1AA0AA0AA00', path: '.env.example', name: "an MBI's shape written out as a placeholder" },
    { code: 'Medicare ID: 1EG4-TE5-MK73', path: DATA, name: 'the CMS documentation example MBI' },
    { code: 'token ' + j('1SG4-TE5', '-MK72'), path: DATA, name: 'S is not allowed in an MBI' },
    { code: 'member_id: null', path: DATA },
    { code: 'patient member=alice', path: DATA, name: 'a member label needs an id with digits' },
  ],
  invalid: [
    { code: 'Medicare MBI: ' + mbi, path: DATA, findings: [{ column: 15, excerpt: '****-***-MK72', confidence: 'high' }] },
    { code: 'Member ID: XKH77812345 (patient)', path: DATA, findings: [{ excerpt: '*******2345' }] },
    { code: 'level=warn msg="eligibility failed" member=ZQK55120993', path: 'logs/patients/api.log', name: 'a bare member= key in a log', findings: [{ excerpt: '*******0993' }] },
    { code: 'policy_number,first_name\nPOL99812345,Ana\n', path: 'exports/patients.csv', findings: [{ line: 2, excerpt: '*******2345' }] },
  ],
}, loadNames);
