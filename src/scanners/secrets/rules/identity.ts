import { AN, kv, tok } from '../build.js';
import type { SecretRule } from '../types.js';

export const rules: SecretRule[] = [
  kv({ name: 'okta-access-token', title: 'Okta API token', provider: 'Okta', severity: 'critical', rotate: 'in the Okta Admin Console (Security > API > Tokens)', keys: { re: '(?:[Oo]kta|OKTA)', kw: ['okta'] }, value: String.raw`00[\w=-]{40}`, entropy: 4 }),
  kv({ name: 'auth0-client-secret', title: 'Auth0 client secret', provider: 'Auth0', severity: 'critical', rotate: 'in the Auth0 Dashboard (Applications > Settings > rotate secret)', keys: ['auth0_client_secret', 'auth0_secret', 'auth0clientsecret', 'auth0-client-secret'], value: String.raw`[\w-]{64}`, entropy: 4 }),
  kv({ name: 'auth0-management-token', title: 'Auth0 Management API token', provider: 'Auth0', severity: 'critical', keys: ['auth0_token', 'auth0_api_token', 'auth0_management_token', 'auth0_mgmt_token'], value: String.raw`eyJ[\w-]{20,200}\.eyJ[\w-]{20,4000}\.[\w-]{20,1000}`, entropy: 4, priority: 12 }),
  tok({ name: 'authress-service-client-access-key', title: 'Authress service client access key', provider: 'Authress', re: String.raw`(?:sc|ext|scauth|authress)_[a-zA-Z0-9]{5,30}\.[a-zA-Z0-9]{4,6}\.acc[_-][a-zA-Z0-9-]{10,32}\.[a-zA-Z0-9+/_=-]{30,120}`, kw: ['sc_', 'ext_', 'scauth_', 'authress_'], entropy: 2 }),
  kv({ name: 'onelogin-client-secret', title: 'OneLogin API client secret', provider: 'OneLogin', keys: ['onelogin'], value: '[a-f0-9]{64}', entropy: 3.5 }),
  kv({ name: 'keycloak-client-secret', title: 'Keycloak client secret', provider: 'Keycloak', keys: ['keycloak'], value: `[${AN}]{32}`, entropy: 4 }),
];
