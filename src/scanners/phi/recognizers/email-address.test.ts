import { runRuleTests } from '../../../testing/rule-tester.js';
import { scanner } from '../index.js';
import { loadNames } from '../names.js';
import { DATA, j } from '../testing.js';

runRuleTests(scanner, 'phi/email-address', {
  valid: [
    { code: 'patient follow-up sent to=<billing@bramblecare.health> status=sent', path: 'logs/mail.log', name: 'a role mailbox' },
    { code: 'From: EP Intake <ep-intake@mercyvalleyhealth.org>\nRe: patient referral', path: 'mail/referral.eml', name: 'a desk mailbox with a prefix' },
    { code: 'To report a vulnerability in the patient portal, send email to security@clinic-vendor.io', path: 'SECURITY.md', name: 'a maintainer address in a security policy' },
    { code: 'patient email: maria@example.com', path: DATA, name: 'reserved domain' },
    { code: 'contact: jane@clinic.test', path: DATA, name: '.test domain' },
    { code: '{"author": {"email": "dev@gmail.com"}, "patients": []}', path: 'package.json', name: 'package author' },
    { code: 'Send patient reports to support@hospital.org', path: DATA, name: 'role mailbox' },
    { code: '// patient bug reported by maria.g@gmail.com', path: 'src/patient.ts', name: 'unlabelled in code stays low' },
  ],
  invalid: [
    { code: 'Patient email: maria.gonzalez@gmail.com', path: DATA, findings: [{ column: 16, excerpt: 'm****@****.com', confidence: 'high' }] },
    { code: 'From: Maria Gonzalez <maria.g@gmail.com>\n\nMy appointment', path: 'mail/msg.eml', findings: [{ line: 1, excerpt: 'm****@****.com' }] },
  ],
}, loadNames);
