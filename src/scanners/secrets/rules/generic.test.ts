import { generate, runFamily } from '../../../testing/secret-samples.js';

const g = (src: string, seed = 7) => generate(src, seed);

runFamily('generic', {
  'secret/generic-assignment': {
    invalid: [
      { name: 'random value assigned to a secret name', code: `const stripeSecret = "${g('[A-Za-z0-9]{32}')}";`, findings: [{ line: 1, confidence: 'high' }] },
      { name: 'password with mixed classes in YAML', code: `db:\n  password: ${g('[a-z]{6}', 3)}9${g('[A-Z]{3}', 4)}#${g('[0-9]{3}', 5)}\n`, path: 'config/app.yml', findings: [{ line: 2 }] },
      { name: 'api key in python', code: `API_KEY = '${g('[a-f0-9]{40}', 8)}'`, path: 'job.py', findings: [{ line: 1 }] },
    ],
    valid: [
      { name: 'a pagination cursor named token', code: ` *   "NextContinuationToken": "${g('[A-Za-z0-9]{40}', 31)}/EyIJg==",`, path: 'dist-types/ListObjectsV2Command.d.ts' },
      `const res = { nextPageToken: "${g('[A-Za-z0-9]{32}', 32)}" };`,
      'password = "secret123"',
      'api_key = process.env.API_KEY',
      'const apiKey = os.environ["API_KEY"]',
      'token_url = "https://auth.example.org/oauth/token"',
      'lastSignificantToken = "?NonExpressionParenEnd";',
      'apiKey: "${API_KEY}"',
      'secret_name = "prod/db/password"',
      { name: 'unquoted value in code is an expression', code: `const secret = ${g('[A-Za-z0-9]{30}', 9)}` },
      { name: 'lockfiles are not scanned by the heuristic', code: `"integrity_token": "${g('[A-Za-z0-9]{40}', 4)}"`, path: 'package-lock.json' },
    ],
  },
});
