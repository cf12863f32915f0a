import { generate, runFamily } from '../../../testing/secret-samples.js';

const g = (src: string, seed = 7) => generate(src, seed);

runFamily('payments', {
  'secret/freemius-secret-key': {
    invalid: [{ code: `$config = array(\n  'secret_key' => 'sk_${g('[A-Za-z0-9]{29}')}',\n);`, path: 'inc/freemius.php', findings: [{ line: 2 }] }],
    valid: [{ name: 'not PHP', code: `'secret_key' => 'sk_${g('[A-Za-z0-9]{29}')}'`, path: 'notes.html' }, { code: "'other_key' => 'sk_abcdefghijklmnopqrstuvwxyz123'", path: 'a.php' }],
  },
  'secret/stripe-secret-key': {
    invalid: [{ name: 'test-mode keys are medium confidence', code: `stripe.api_key = "sk_test_${g('[A-Za-z0-9]{24}', 4)}"`, findings: [{ confidence: 'medium' }] }],
    valid: ['nonMatchingToken := "task_test_3x5thm3gkm9xm2x7r380qgurkoi2bx"', { name: 'Stripe documentation key', code: `stripe.api_key = "${'sk_test_' + '4eC39HqLyjWDarjtT1zdp7dc'}"` }],
  },
});
