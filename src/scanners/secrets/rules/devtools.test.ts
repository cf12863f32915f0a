import { generate, runFamily } from '../../../testing/secret-samples.js';

const g = (src: string, seed = 7) => generate(src, seed);

runFamily('devtools', {
  'secret/airtable-personal-access-token': {
    noAuto: true,
    invalid: [{ code: `AIRTABLE_TOKEN=pat${g('[A-Za-z0-9]{14}')}.${g('[a-f0-9]{64}', 2)}`, findings: [{ line: 1 }] }],
    valid: [{ name: 'no airtable context', code: `x = pat${g('[A-Za-z0-9]{14}')}.${g('[a-f0-9]{64}', 2)}` }],
  },
  'secret/asana-pat': {
    noAuto: true,
    invalid: [{ code: `ASANA_PAT=1/${g('[0-9]{16}')}:${g('[a-f0-9]{32}', 3)}`, findings: [{ line: 1 }] }],
    valid: ['ASANA_PAT=1/1234567812345678:<token>'],
  },
  'secret/atlassian-api-token': {
    valid: ['getPagesInConfluenceSpace,searchConfluenceUsingCql'],
  },
});
