import { generate, runFamily } from '../../../testing/secret-samples.js';

const b64url = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const sig = generate('[A-Za-z0-9_-]{43}', 7);
const jwt = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({ sub: 'svc-intake', iat: 1767225600, scope: 'fhir.read' })}.${sig}`;
const unsignedJwt = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ sub: 'svc-intake', iat: 1767225600, scope: 'x' })}.${sig}`;
const awsDocToken = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({ 'aws:identity_store_id': 'd-3333333333', sub: '730448f2-e0a1-70a7-c954-000000000000', 'aws:instance_account': '111111111111', 'sts:audit_context': 'EXAMPLEAUDITCONTEXT' })}.${sig}`;
const notJson = `eyJ${generate('[A-Za-z0-9]{30}', 3)}.${b64url({ sub: 'svc-intake', iat: 1767225600 })}.${sig}`;

runFamily('jwt', {
  'secret/jwt': {
    invalid: [
      { name: 'signed token, header decodes with alg', code: `Authorization: Bearer ${jwt}\n`, findings: [{ line: 1, column: 23, confidence: 'high' }] },
      { name: 'alg none', code: `token = "${unsignedJwt}"`, findings: [{ confidence: 'medium' }] },
      { name: 'header does not decode', code: `token = "${notJson}"`, findings: [{ confidence: 'low' }] },
    ],
    valid: [{ name: 'a documentation token whose claims say EXAMPLE', code: ` *   "idToken": "${awsDocToken}",` }, 'token = "eyJhbGciOiJIUzI1NiJ9"', `token = "eyJ${'x'.repeat(30)}.eyJ${'x'.repeat(30)}.${'x'.repeat(20)}"`],
  },
});
