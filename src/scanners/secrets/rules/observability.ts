import { AN, CITE_TRANSPORT, HEX, kv, raw, tok } from '../build.js';
import type { SecretRule } from '../types.js';

const nr = ['new-relic', 'newrelic', 'new_relic'];

export const rules: SecretRule[] = [
  kv({ name: 'datadog-access-token', title: 'Datadog API or application key', provider: 'Datadog', rotate: 'in Datadog (Organization settings > API/Application keys)', keys: ['datadog', 'dd_api_key', 'dd_app_key', 'dd_application_key'], value: `[${AN}]{32,40}` }),
  kv({ name: 'new-relic-user-api-key', title: 'New Relic user API key', provider: 'New Relic', keys: nr, value: `NRAK-[${AN}]{27}` }),
  kv({ name: 'new-relic-user-api-id', title: 'New Relic user API ID', provider: 'New Relic', severity: 'medium', keys: nr, value: `[${AN}]{64}` }),
  kv({ name: 'new-relic-browser-api-token', title: 'New Relic browser ingest token', provider: 'New Relic', severity: 'medium', keys: nr, value: 'NRJS-[a-f0-9]{19}' }),
  kv({ name: 'new-relic-insert-key', title: 'New Relic insights insert key', provider: 'New Relic', keys: nr, value: `NRII-[${AN}-]{32}` }),
  tok({ name: 'new-relic-license-key', title: 'New Relic ingest license key', provider: 'New Relic', re: `[${HEX}]{36}NRAL`, kw: ['nral'], entropy: 3 }),
  kv({ name: 'sentry-access-token', title: 'Sentry auth token (legacy format)', provider: 'Sentry', rotate: 'in Sentry (User settings > Auth tokens)', keys: ['sentry'], value: `[${HEX}]{64}`, entropy: 3 }),
  raw({ name: 'sentry-org-token', title: 'Sentry organization token', provider: 'Sentry', rotate: 'in Sentry (Organization settings > Auth tokens)', regex: /\b(sntrys_eyJpYXQiO[a-zA-Z0-9+/]{10,200}(?:LCJyZWdpb25fdXJs|InJlZ2lvbl91cmwi|cmVnaW9uX3VybCI6)[a-zA-Z0-9+/]{10,200}={0,2}_[a-zA-Z0-9+/]{43})(?![a-zA-Z0-9+/])/, kw: ['sntrys_eyjpyxqio'], secretGroup: 1, entropy: 4.5 }),
  tok({ name: 'sentry-user-token', title: 'Sentry user auth token', provider: 'Sentry', rotate: 'in Sentry (User settings > Auth tokens)', re: 'sntryu_[a-f0-9]{64}', kw: ['sntryu_'], entropy: 3.5, end: '(?![A-Za-z0-9_])' }),
  raw({ name: 'sentry-dsn', title: 'Sentry DSN with secret key (legacy)', provider: 'Sentry', severity: 'medium', hipaa: CITE_TRANSPORT, regex: /https:\/\/[0-9a-f]{32}:([0-9a-f]{32})@[\w.-]{1,100}\/\d{1,12}/, kw: ['sentry.io', 'ingest.'], secretGroup: 1 }),
  tok({ name: 'grafana-api-key', title: 'Grafana API key', provider: 'Grafana', rotate: 'in Grafana (Administration > API keys / service accounts)', re: 'eyJrIjoi[A-Za-z0-9]{70,400}={0,3}', kw: ['eyjrijoi'], entropy: 3 }),
  tok({ name: 'grafana-cloud-api-token', title: 'Grafana Cloud access policy token', provider: 'Grafana', rotate: 'in Grafana Cloud (Access policies)', re: 'glc_[A-Za-z0-9+/]{32,400}={0,3}', kw: ['glc_'], entropy: 3 }),
  tok({ name: 'grafana-service-account-token', title: 'Grafana service account token', provider: 'Grafana', rotate: 'in Grafana (Administration > Service accounts)', re: 'glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}', kw: ['glsa_'], entropy: 3 }),
  kv({ name: 'honeycomb-api-key', title: 'Honeycomb API key', provider: 'Honeycomb', rotate: 'in Honeycomb (Environment settings > API keys)', keys: ['honeycomb', 'hny_', 'x-honeycomb-team'], value: `(?:hc[a-z]{2}_[${AN}]{58}|[${AN}]{22}|[a-f0-9]{32})`, entropy: 3 }),
  tok({ name: 'dynatrace-api-token', title: 'Dynatrace API token', provider: 'Dynatrace', re: `dt0c01\\.[${AN}]{24}\\.[${AN}]{64}`, kw: ['dt0c01.'], entropy: 4 }),
  kv({ name: 'sumologic-access-id', title: 'Sumo Logic access ID', provider: 'Sumo Logic', severity: 'medium', keys: { re: '(?:[Ss]umo|SUMO)', kw: ['sumo'] }, value: `su[${AN}]{12}`, entropy: 3 }),
  kv({ name: 'sumologic-access-token', title: 'Sumo Logic access key', provider: 'Sumo Logic', keys: { re: '(?:[Ss]umo|SUMO)', kw: ['sumo'] }, value: `[${AN}]{64}`, entropy: 3 }),
  kv({ name: 'launchdarkly-access-token', title: 'LaunchDarkly access token', provider: 'LaunchDarkly', keys: ['launchdarkly'], value: `[${AN}=_-]{40}` }),
  tok({ name: 'launchdarkly-sdk-key', title: 'LaunchDarkly SDK / API key', provider: 'LaunchDarkly', re: '(?:sdk|api)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}', kw: ['sdk-', 'api-'], entropy: 3, confidence: 'medium', priority: 25 }),
  kv({ name: 'logzio-token', title: 'Logz.io shipping/API token', provider: 'Logz.io', keys: ['logzio', 'logz_io', 'logz.io'], value: `[${AN}]{32}`, entropy: 3.5 }),
  kv({ name: 'bugsnag-api-key', title: 'Bugsnag API key', provider: 'Bugsnag', severity: 'medium', keys: ['bugsnag'], value: '[0-9a-f]{32}', entropy: 3 }),
  kv({ name: 'rollbar-access-token', title: 'Rollbar access token', provider: 'Rollbar', keys: ['rollbar'], value: '[0-9a-f]{32}', entropy: 3 }),
  kv({ name: 'pagerduty-api-key', title: 'PagerDuty API key', provider: 'PagerDuty', keys: ['pagerduty'], value: String.raw`[\w+-]{20}`, entropy: 3.5 }),
  kv({ name: 'opsgenie-api-key', title: 'Opsgenie API key', provider: 'Opsgenie', keys: ['opsgenie'], value: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}' }),
];
