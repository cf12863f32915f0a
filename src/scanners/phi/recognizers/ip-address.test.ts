import { runRuleTests } from '../../../testing/rule-tester.js';
import { scanner } from '../index.js';
import { loadNames } from '../names.js';
import { DATA, j } from '../testing.js';

runRuleTests(scanner, 'phi/ip-address', {
  valid: [
    { code: 'patient portal GET /records 302 ua="Mozilla/5.0 Chrome/124.0.0.0 Safari/537.36"', path: 'logs/access.log', name: 'a browser version after its product name' },
    { code: 'patient service listening on 10.0.4.17', path: DATA, name: 'private address' },
    { code: 'server_ip: 73.12.44.5 (patient api)', path: DATA, name: 'server, not a person' },
    { code: 'version 1.2.3.4 released', path: 'CHANGELOG.md' },
    { code: 'GET / from 73.12.44.5', path: 'logs/access.log', name: 'no patient context' },
  ],
  invalid: [
    { code: 'patient=MRN-0042 login from ip=73.12.44.5', path: 'logs/app.log', findings: [{ excerpt: '**.**.**.*', confidence: 'high' }] },
  ],
}, loadNames);
