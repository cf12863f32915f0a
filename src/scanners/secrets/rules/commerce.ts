import { AN, HEX, kv, tok } from '../build.js';
import type { SecretRule } from '../types.js';

const uuid = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const shopify = 'in the Shopify admin (Apps > Develop apps > API credentials)';

export const rules: SecretRule[] = [
  tok({ name: 'shopify-access-token', title: 'Shopify Admin API access token', provider: 'Shopify', severity: 'critical', rotate: shopify, re: 'shpat_[a-fA-F0-9]{32}', kw: ['shpat_'], entropy: 2 }),
  tok({ name: 'shopify-custom-access-token', title: 'Shopify custom app access token', provider: 'Shopify', severity: 'critical', rotate: shopify, re: 'shpca_[a-fA-F0-9]{32}', kw: ['shpca_'], entropy: 2 }),
  tok({ name: 'shopify-private-app-access-token', title: 'Shopify private app access token', provider: 'Shopify', severity: 'critical', rotate: shopify, re: 'shppa_[a-fA-F0-9]{32}', kw: ['shppa_'], entropy: 2 }),
  tok({ name: 'shopify-shared-secret', title: 'Shopify app shared secret', provider: 'Shopify', rotate: shopify, re: 'shpss_[a-fA-F0-9]{32}', kw: ['shpss_'], entropy: 2 }),
  kv({ name: 'hubspot-api-key', title: 'HubSpot API key', provider: 'HubSpot', keys: ['hubspot'], value: uuid }),
  tok({ name: 'hubspot-private-app-token', title: 'HubSpot private app token', provider: 'HubSpot', re: `pat-(?:na|eu)1-${uuid}`, kw: ['pat-na1-', 'pat-eu1-'], entropy: 3 }),
  kv({ name: 'squarespace-access-token', title: 'Squarespace API key', provider: 'Squarespace', keys: ['squarespace'], value: uuid }),
  kv({ name: 'zendesk-secret-key', title: 'Zendesk API token', provider: 'Zendesk', keys: ['zendesk'], value: `[${AN}]{40}` }),
  kv({ name: 'freshbooks-access-token', title: 'FreshBooks access token', provider: 'FreshBooks', keys: ['freshbooks'], value: `[${AN}]{64}` }),
  kv({ name: 'finnhub-access-token', title: 'Finnhub API key', provider: 'Finnhub', keys: ['finnhub'], value: `[${AN}]{20}` }),
  kv({ name: 'fastly-api-token', title: 'Fastly API token', provider: 'Fastly', keys: ['fastly'], value: `[${AN}=_-]{32}` }),
  kv({ name: 'salesforce-consumer-secret', title: 'Salesforce connected app consumer secret', provider: 'Salesforce', keys: ['salesforce', 'sfdc'], value: `[${HEX}]{64}`, entropy: 3.5 }),
  kv({ name: 'mailjet-api-secret', title: 'Mailjet API secret', provider: 'Mailjet', keys: ['mailjet'], value: '[a-f0-9]{32}', entropy: 3 }),
  kv({ name: 'klaviyo-private-key', title: 'Klaviyo private API key', provider: 'Klaviyo', keys: ['klaviyo'], value: `pk_[${AN}]{34}`, entropy: 3.5 }),
  tok({ name: 'easypost-webhook-secret', title: 'EasyPost webhook secret', provider: 'EasyPost', severity: 'medium', re: `EZWH[${AN}]{40}`, kw: ['ezwh'], entropy: 3.5 }),
];
