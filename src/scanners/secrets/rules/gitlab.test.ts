import { generate, runFamily } from '../../../testing/secret-samples.js';

runFamily('gitlab', {
  'secret/gitlab-session-cookie': {
    noAuto: true,
    invalid: [{ code: `Cookie: _gitlab_session=${generate('[0-9a-z]{32}', 3)}; path=/`, findings: [{ line: 1, column: 25 }] }],
    valid: [`Cookie: _gitlab_session=${'0'.repeat(32)}`],
  },
  'secret/gitlab-pat': {
    valid: ['glpat-XXXXXXXXXXX-XXXXXXXX'],
  },
  'secret/gitlab-runner-registration-token': {
    valid: ['GR1348941XXXXXXXXXXXXXXXXXXXX'],
  },
});
