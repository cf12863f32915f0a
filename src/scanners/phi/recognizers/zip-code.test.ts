import { runRuleTests } from '../../../testing/rule-tester.js';
import { scanner } from '../index.js';
import { loadNames } from '../names.js';
import { DATA, j } from '../testing.js';

runRuleTests(scanner, 'phi/zip-code', {
  valid: [
    { code: 'A slice for any patient data with zip_code 12345 in the dataset', path: DATA, name: 'placeholder ZIP' },
    { code: 'patient count 60601 this year', path: DATA, name: 'a bare five-digit number' },
    { code: 'zip: 00000', path: DATA },
    { code: 'gzip level 60601', path: DATA },
  ],
  invalid: [
    { code: 'Patient lives at 1452 Oak Ridge Drive, Springfield, IL 62704-1234\n', path: DATA, name: "the ZIP that ends a street address, reported as its own identifier", findings: [{ excerpt: '627**-****' }] },
    { code: 'Patient zip: 60601', path: DATA, findings: [{ excerpt: '606**' }] },
    { code: 'postal_code,mrn\n60601-1234,A1234\n', path: 'exports/patients.csv', findings: [{ line: 2, excerpt: '606**-****' }] },
    { code: 'MBI,BeneficiaryName,ZIP+4\n3FR7WK2HA64,"Nguyen, Thi",92683-4410\n', path: 'exports/eligibility.csv', name: 'a ZIP+4 column header', findings: [{ line: 2, excerpt: '926**-****' }] },
  ],
}, loadNames);
