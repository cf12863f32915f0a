import { generate, runFamily } from '../../../testing/secret-samples.js';

const g = (src: string, seed = 7) => generate(src, seed);

runFamily('observability', {
  'secret/sentry-dsn': {
    invalid: [{ code: `SENTRY_DSN=https://${g('[a-f0-9]{32}')}:${g('[a-f0-9]{32}', 2)}@o4501.ingest.sentry.io/4504`, findings: [{ line: 1, severity: 'medium' }] }],
    valid: ['SENTRY_DSN=https://<key>@o4501.ingest.sentry.io/4504', `SENTRY_DSN=https://${g('[a-f0-9]{32}')}@o4501.ingest.sentry.io/4504`],
  },
  'secret/sentry-org-token': {
    invalid: [{ code: `SENTRY_AUTH_TOKEN=sntrys_eyJpYXQiO${g('[A-Za-z0-9]{24}')}LCJyZWdpb25fdXJs${g('[A-Za-z0-9]{40}', 2)}_${g('[A-Za-z0-9]{43}', 3)}`, findings: [{ line: 1 }] }],
    valid: [`SENTRY_AUTH_TOKEN=sntrys_${'x'.repeat(120)}`],
  },
});
