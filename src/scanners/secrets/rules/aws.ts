import { B64, CITE, kv, raw, tok } from '../build.js';
import type { SecretRule } from '../types.js';

const rotate = 'in IAM (deactivate and delete the access key, review CloudTrail for its use)';

export const rules: SecretRule[] = [
  tok({
    name: 'aws-access-key-id',
    title: 'AWS access key ID',
    provider: 'AWS',
    severity: 'critical',
    rotate,
    re: '(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}',
    kw: ['akia', 'asia', 'abia', 'acca', 'a3t'],
    start: String.raw`(?<![A-Za-z0-9])`,
    end: String.raw`(?![A-Za-z0-9])`,
    entropy: 3,
  }),
  kv({
    name: 'aws-secret-access-key',
    title: 'AWS secret access key',
    provider: 'AWS',
    severity: 'critical',
    rotate,
    keys: ['aws_secret_access_key', 'aws_secret_key', 'awssecretkey', 'secretaccesskey', 'secret_access_key', 'aws-secret-access-key', 'aws_secret'],
    value: `[${B64}]{40}`,
    entropy: 4,
  }),
  kv({
    name: 'aws-session-token',
    title: 'AWS session token',
    provider: 'AWS',
    rotate: 'by revoking the role session (IAM "Revoke active sessions") and rotating the parent credentials',
    keys: ['aws_session_token', 'aws_security_token', 'sessiontoken', 'x-amz-security-token'],
    value: `[${B64}]{100,1200}={0,2}`,
    entropy: 4,
  }),
  tok({
    name: 'aws-bedrock-api-key-long-lived',
    title: 'Amazon Bedrock long-lived API key',
    provider: 'AWS',
    rotate: 'in IAM (delete the Bedrock service-specific credential)',
    re: `ABSKQmVkcm9ja0FQSUtleS[${B64}]{100,2000}={0,2}`,
    kw: ['absk'],
    end: String.raw`(?![${B64}=])`,
    entropy: 3,
  }),
  tok({
    name: 'aws-bedrock-api-key-short-lived',
    title: 'Amazon Bedrock short-lived API key',
    provider: 'AWS',
    rotate: 'by revoking the IAM session that minted it',
    re: `bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t[${B64}=]{0,2000}`,
    kw: ['bedrock-api-key-'],
    noPlaceholderCheck: true,
  }),
  raw({
    name: 'aws-mws-auth-token',
    title: 'Amazon MWS auth token',
    provider: 'AWS',
    regex: /(?<![A-Za-z0-9])(amzn\.mws\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![A-Za-z0-9])/,
    kw: ['amzn.mws.'],
    secretGroup: 1,
    hipaa: CITE,
  }),
];
