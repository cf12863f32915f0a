import { generate, runFamily } from '../../../testing/secret-samples.js';

const g = (src: string, seed = 7) => generate(src, seed);
const body = [1, 2, 3, 4, 5].map((s) => g('[A-Za-z0-9+/]{64}', s)).join('\\n');
const keyFile = (pk: string) => `{\n  "type": "service_account",\n  "project_id": "clinic-prod",\n  "private_key_id": "${g('[a-f0-9]{40}')}",\n  "private_key": "${pk}",\n  "client_email": "etl@clinic-prod.iam.gserviceaccount.com"\n}\n`;

runFamily('gcp', {
  'secret/gcp-service-account-key': {
    invalid: [{ code: keyFile(`-----BEGIN PRIVATE KEY-----\\n${body}\\n-----END PRIVATE KEY-----\\n`), path: 'keys/sa.json', findings: [{ line: 5, severity: 'critical' }] }],
    valid: [{ code: keyFile(''), path: 'keys/sa.json' }, { code: keyFile('-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----\\n'), path: 'keys/sa.json' }],
  },
  'secret/gcp-service-account': {
    invalid: [{ code: '{\n  "type": "service_account",\n  "project_id": "p",\n  "private_key": "[REDACTED]"\n}', findings: [{ line: 2, confidence: 'medium' }] }],
    valid: ['{ "type": "authorized_user" }', { name: 'a documentation template', code: "$ export CREDS='{\n  \"type\": \"service_account\",\n  \"project_id\": \"your-project-id\",\n  \"private_key\": \"your-private-key\"\n}'", path: 'README.md' }, { name: 'full key file: the key is the finding, not the marker', code: keyFile(`-----BEGIN PRIVATE KEY-----\\n${body}\\n-----END PRIVATE KEY-----\\n`), path: 'keys/sa.json' }],
  },
  'secret/gcp-api-key': {
    valid: ['GWw4hjABFzZCGiRpmlDyDd' + 'AIza' + g('[A-Za-z0-9_-]{35}'), 'apiKey: "AIza' + 'a'.repeat(35) + '"'],
  },
});
