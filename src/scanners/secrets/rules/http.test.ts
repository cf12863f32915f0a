import { generate, runFamily } from '../../../testing/secret-samples.js';

const g = (src: string, seed = 7) => generate(src, seed);
const pw = g('[A-Za-z0-9]{16}');

runFamily('http', {
  'secret/curl-auth-user': {
    invalid: [
      { code: `curl -u admin:${pw} https://api.internal/v1/patients`, findings: [{ line: 1, column: 15 }] },
      { code: `curl -X POST \\\n  -H 'Content-type: text/plain' \\\n  --user "svc:${pw}" https://api.internal/`, findings: [{ line: 3 }] },
    ],
    valid: ['curl -u "${USER}:${PASSWORD}" https://api.internal/', "curl -i -u 'test:test'", 'curl --user username:password https://x', 'curl -u "$1:$2" "$3"'],
  },
  'secret/curl-auth-header': {
    invalid: [{ code: `curl -H "Authorization: Bearer ${g('[A-Za-z0-9]{40}', 3)}" https://api.internal/`, findings: [{ line: 1 }] }, { code: `curl https://api/ \\\n  -H "X-Api-Key: ${g('[a-f0-9]{32}', 4)}"`, findings: [{ line: 2 }] }],
    valid: ['curl -H "Authorization: Bearer $API_TOKEN" https://api.internal/', 'curl -H "Authorization: Bearer XXXXXXXXXXXX" https://x', 'curl -H "Authorization: Bearer <token>" https://x'],
  },
  'secret/authorization-bearer-literal': {
    invalid: [
      { code: `const api = axios.create({ headers: { Authorization: "Bearer ${g('[A-Za-z0-9]{40}', 21)}" } });`, findings: [{ line: 1, column: 62, confidence: 'medium' }] },
      { code: `headers = {'Authorization': 'Bearer ${g('[A-Za-z0-9_-]{32}', 22)}'}`, findings: [{ line: 1 }] },
    ],
    valid: [
      'const h = { Authorization: `Bearer ${token}` };',
      "headers = {'Authorization': 'Bearer ' + token}",
      'Authorization: "Bearer YOUR_ACCESS_TOKEN_GOES_HERE"',
      'Authorization: "Bearer aaaaaaaaaaaaaaaaaaaaaaaa"',
    ],
  },
  'secret/curl-basic-auth-header': {
    invalid: [{ code: `curl -H "Authorization: Basic ${Buffer.from(`svc:${pw}`).toString('base64')}" https://api.internal/`, findings: [{ line: 1 }] }],
    valid: [`curl -H "Authorization: Basic ${Buffer.from('{"alg":"HS256"}').toString('base64')}" https://x`, 'curl -H "Authorization: Basic ..." https://x'],
  },
});
