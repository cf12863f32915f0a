import { runRuleTests } from '../../../testing/rule-tester.js';
import { scanner } from '../index.js';
import { loadNames } from '../names.js';
import { DATA, j } from '../testing.js';

runRuleTests(scanner, 'phi/url', {
  valid: [
    { code: '{"name": "@babel/helper-member-expression-to-functions", "homepage": "https://babel.dev/docs/en/next/babel-helper-member-expression-to-functions"}', path: 'node_modules/@babel/helper-member-expression-to-functions/package.json', name: 'member in a package name is not a health plan member' },
    { code: 'Docs: https://www.hl7.org/fhir/patient.html', path: DATA, name: 'documentation about patients' },
    { code: 'see https://portal.example.com/patients/12345', path: DATA, name: 'reserved domain' },
  ],
  invalid: [
    { code: 'link https://portal.clinic-a.org/patients/88231/chart?mrn=88231', path: DATA, findings: [{ excerpt: 'https://portal.clinic-a.org/********/*****/*****?***=*****' }] },
  ],
}, loadNames);
