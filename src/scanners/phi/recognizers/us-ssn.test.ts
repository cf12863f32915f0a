import { runRuleTests } from '../../../testing/rule-tester.js';
import { scanner } from '../index.js';
import { loadNames } from '../names.js';
import { DATA, j } from '../testing.js';

const ssn = j('219-0', '9-9998');
runRuleTests(scanner, 'phi/us-ssn', {
  valid: [
    { code: '{"o": "m 1173 210 q 884 75 1062 q 784 90 8"} // patient font', path: 'fonts/patient.typeface.json', name: 'three numbers inside a list of numbers' },
    { code: 'SSN: 123-45-6789', path: DATA, name: 'classic placeholder' },
    { code: 'SSN: 078-05-1120', path: DATA, name: 'Woolworth wallet card' },
    { code: 'ssn=' + j('666-12-', '3456'), path: DATA, name: 'area 666 never issued' },
    { code: 'ssn=' + j('900-12-', '3456'), path: DATA, name: '9xx area (ITIN) is not an SSN' },
    { code: 'id ' + j('219-00-', '9998'), path: DATA, name: 'group 00' },
    { code: 'x ' + j('693-09', '.4444'), path: DATA, name: 'mixed separators' },
    { code: 'const ts = ' + j('2190', '99998') + ';', path: 'src/a.ts', name: 'bare number in code' },
    { code: 'order 219099998 shipped', path: DATA, name: 'bare nine digits without a label' },
    { code: 'patient moved to Chicago, IL ' + j('60637', '-1718'), path: DATA, name: 'a ZIP+4 (one separator)' },
    { code: '10.1.2.3 - - "GET /patients/records HTTP/1.1" 200 ' + j('2841', '13'), path: 'logs/access.log', name: 'a status code and a byte count' },
  ],
  invalid: [
    { code: 'Patient SSN: ' + ssn, path: DATA, findings: [{ line: 1, column: 14, endColumn: 25, excerpt: '***-**-9998', confidence: 'high' }] },
    { code: '{"ssn": "' + j('2190', '99998') + '"}', path: 'seed/patients.json', findings: [{ column: 10, excerpt: '*****9998' }] },
    { code: 'note\nmember called, ' + ssn + ' on file', path: DATA, findings: [{ line: 2 }] },
    { code: 'SSN: 123-45-6789', path: DATA, options: { test_values: 'report' }, name: 'test values reported on request', findings: [{ excerpt: '***-**-6789' }] },
  ],
}, loadNames);
