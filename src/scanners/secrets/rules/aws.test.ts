import { generate, runFamily } from '../../../testing/secret-samples.js';

const g = (src: string, seed = 7) => generate(src, seed);
const keyId = 'AKIA' + g('[A-Z2-7]{16}', 3);

runFamily('aws', {
  'secret/aws-access-key-id': {
    invalid: [
      // The mask keeps only the 4-character type prefix.
      { name: 'position and mask', code: `aws_access_key_id = ${keyId}\n`, findings: [{ line: 1, column: 21, endColumn: 41, excerpt: 'AKIA****************', severity: 'critical' }] },
    ],
    valid: [
      { name: 'AWS documentation example key', code: `aws_access_key_id = ${'AKIAIOSFODNN7' + 'EXAMPLE'}` },
      { name: 'inside a longer identifier', code: `x = Z${keyId}Q` },
    ],
  },
  'secret/aws-secret-access-key': {
    valid: [{ name: 'AWS documentation example secret', code: `aws_secret_access_key = ${'wJalrXUtnFEMI/K7MDENG/bPxRfiCY' + 'EXAMPLEKEY'}` }],
  },
  'secret/aws-mws-auth-token': {
    invalid: [{ code: `mws_auth_token = "amzn.mws.${g('[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}')}"`, findings: [{ line: 1 }] }],
    valid: ['mws_auth_token = "amzn.mws.00000000-0000-0000-0000-000000000000"'],
  },
});
