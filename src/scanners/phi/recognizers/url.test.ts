import { runRuleTests } from '../../../testing/rule-tester.js';
import { scanner } from '../index.js';
import { loadNames } from '../names.js';
import { DATA, j } from '../testing.js';

runRuleTests(scanner, 'phi/url', {
  valid: [
    { code: 'See https://docs.example-hospital.org/children/growth-charts for the CDC tables (patient education).\n', path: 'docs/links.md', name: 'a children section of a site, with no id in it' },
    { code: '{"name": "@babel/helper-member-expression-to-functions", "homepage": "https://babel.dev/docs/en/next/babel-helper-member-expression-to-functions"}', path: 'node_modules/@babel/helper-member-expression-to-functions/package.json', name: 'member in a package name is not a health plan member' },
    { code: 'Docs: https://www.hl7.org/fhir/patient.html', path: DATA, name: 'documentation about patients' },
    { code: 'see https://portal.example.com/patients/12345', path: DATA, name: 'reserved domain' },
    { code: 'patient intake form fixed in https://github.com/harborlight/portal/commit/4f2a9c1e7b', path: DATA, name: 'a commit link is not a capability link' },
    { code: 'Build 2024.3 released: https://downloads.vendor-lis.com/s/release-notes', path: 'docs/changelog.md', name: 'a share path without a random token and no patient' },
    { code: 'Waiting room: https://telepsych.harborlight-bh.org/v/p_jnfczea75p', path: 'docs/runbooks/telehealth.md', name: 'a visit link with no patient in view' },
  ],
  invalid: [
    { code: '"event": "patient chart viewed", "full": "https://portal.bluewater-kids.org/family/children/17653906/growth"\n', path: 'ops/elasticsearch/portal-audit.json', name: "a child's chart in a family portal", findings: [{ excerpt: 'https://portal.bluewater-kids.org/******/********/********/******' }] },
    { code: 'link https://portal.clinic-a.org/patients/88231/chart?mrn=88231', path: DATA, findings: [{ excerpt: 'https://portal.clinic-a.org/********/*****/*****?***=*****' }] },
    { code: 'Patient says the visit link does not open: https://telepsych.harborlight-bh.org/v/p_jnfczea75p?role=patient', path: 'docs/crisis-line/notes.md', name: "a patient's visit link (a capability URL)", findings: [{ confidence: 'medium' }] },
    { code: '{"member":"CCH283602042","url":"https://members.cascadiachp.org/portal/eob/32ece37957aad728.pdf","status":200}', path: 'logs/portal/api.jsonl', name: "a member's statement by its token", findings: [{ confidence: 'medium' }] },
  ],
}, loadNames);
