import { tok } from '../build.js';
import type { SecretRule } from '../types.js';

const rotate = 'in GitLab (User settings > Access tokens, or the project/group/runner settings that issued it)';

function gl(name: string, title: string, re: string, kw: string[], entropy = 3): SecretRule {
  return tok({ name, title, provider: 'GitLab', rotate, re, kw, entropy, end: '(?![0-9a-zA-Z_-])' });
}

export const rules: SecretRule[] = [
  gl('gitlab-pat', 'GitLab personal access token', String.raw`glpat-[\w-]{20}`, ['glpat-']),
  gl('gitlab-pat-routable', 'GitLab personal access token (routable)', String.raw`glpat-[0-9a-zA-Z_-]{27,300}\.[0-9a-z]{2}[0-9a-z]{7}`, ['glpat-'], 4),
  gl('gitlab-deploy-token', 'GitLab deploy token', String.raw`gldt-[0-9a-zA-Z_-]{20}`, ['gldt-']),
  gl('gitlab-runner-authentication-token', 'GitLab runner authentication token', String.raw`glrt-[0-9a-zA-Z_-]{20}`, ['glrt-']),
  gl('gitlab-runner-authentication-token-routable', 'GitLab runner authentication token (routable)', String.raw`glrt-t\d_[0-9a-zA-Z_-]{27,300}\.[0-9a-z]{2}[0-9a-z]{7}`, ['glrt-'], 4),
  gl('gitlab-runner-registration-token', 'GitLab runner registration token', String.raw`GR1348941[\w-]{20}`, ['gr1348941']),
  gl('gitlab-cicd-job-token', 'GitLab CI/CD job token', String.raw`glcbt-[0-9a-zA-Z]{1,5}_[0-9a-zA-Z_-]{20}`, ['glcbt-']),
  gl('gitlab-feature-flag-client-token', 'GitLab feature flag client token', String.raw`glffct-[0-9a-zA-Z_-]{20}`, ['glffct-']),
  gl('gitlab-feed-token', 'GitLab feed token', String.raw`glft-[0-9a-zA-Z_-]{20}`, ['glft-']),
  gl('gitlab-incoming-mail-token', 'GitLab incoming mail token', String.raw`glimt-[0-9a-zA-Z_-]{25}`, ['glimt-']),
  gl('gitlab-kubernetes-agent-token', 'GitLab Kubernetes agent token', String.raw`glagent-[0-9a-zA-Z_-]{50}`, ['glagent-']),
  gl('gitlab-oauth-app-secret', 'GitLab OAuth application secret', String.raw`gloas-[0-9a-zA-Z_-]{64}`, ['gloas-']),
  gl('gitlab-pipeline-trigger-token', 'GitLab pipeline trigger token', String.raw`glptt-[0-9a-f]{40}`, ['glptt-']),
  gl('gitlab-scim-token', 'GitLab SCIM token', String.raw`glsoat-[0-9a-zA-Z_-]{20}`, ['glsoat-']),
  tok({
    name: 'gitlab-session-cookie',
    title: 'GitLab session cookie',
    provider: 'GitLab',
    rotate: 'by signing the session out (User settings > Active sessions)',
    re: '[0-9a-z]{32}',
    start: '_gitlab_session=',
    kw: ['_gitlab_session='],
    end: '(?![0-9a-z])',
    entropy: 3,
  }),
];
