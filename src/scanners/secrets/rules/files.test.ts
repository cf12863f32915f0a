import { generate, runFamily } from '../../../testing/secret-samples.js';

const g = (src: string, seed = 7) => generate(src, seed);
const line = `DATABASE_PASSWORD=${g('[A-Za-z0-9]{20}')}`;

runFamily('files', {
  'secret/dotenv-secret': {
    invalid: [
      { code: `NODE_ENV=production\n${line}\n`, path: '.env', findings: [{ line: 2, column: 19 }] },
      { code: `export SESSION_SECRET="${g('[A-Za-z0-9]{32}', 3)}"\n`, path: 'deploy/.env.production', findings: [{ line: 1 }] },
    ],
    valid: [
      { name: 'example file', code: line, path: '.env.example' },
      { name: 'empty value', code: 'API_KEY=\n', path: '.env' },
      { name: 'reference', code: 'SESSION_SECRET=${SECRET_FROM_VAULT}\n', path: '.env' },
      { name: 'not a secret name', code: 'AWS_REGION=us-east-1\nKEY_ID=12345\n', path: '.env' },
      { name: 'not a .env file', code: line, path: 'src/app.ts' },
      { name: 'publishable keys are public', code: `NEXT_PUBLIC_MAPS_KEY=${g('[A-Za-z0-9]{30}', 5)}\nSTRIPE_PUBLISHABLE_KEY=pk_live_${g('[A-Za-z0-9]{24}', 6)}\n`, path: '.env' },
    ],
  },
});
