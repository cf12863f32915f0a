import { generate, runFamily } from '../../../testing/secret-samples.js';

const g = (src: string, seed = 7) => generate(src, seed);

runFamily('social', {
  'secret/facebook-access-token': {
    invalid: [{ code: `{"facebook access_token":"${g('[1-9][0-9]{15}')}|${g('[A-Za-z0-9_-]{27}', 2)}","token_type":"bearer"}`, findings: [{ line: 1 }] }],
    valid: [{ name: 'no facebook context', code: `x = "${g('[1-9][0-9]{15}')}|${g('[A-Za-z0-9_-]{27}', 2)}"` }],
  },
});
