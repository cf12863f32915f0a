import { AN, HEX, kv, raw, tok } from '../build.js';
import type { SecretRule } from '../types.js';

const tw = ['twitter'];

export const rules: SecretRule[] = [
  kv({ name: 'facebook-secret', title: 'Facebook app secret', provider: 'Facebook', rotate: 'in Meta for Developers (App settings > Basic > reset secret)', keys: ['facebook'], value: `[${HEX}]{32}`, entropy: 3 }),
  raw({ name: 'facebook-access-token', title: 'Facebook app access token', provider: 'Facebook', regex: /(?<![\w])(\d{15,16}(?:\||%7[Cc])[0-9a-zA-Z_-]{27,40})(?=[\x60'"\s;,)}\]]|\\[nr]|$)/, kw: ['facebook'], secretGroup: 1, entropy: 3, window: { before: 400, after: 400 } }),
  tok({ name: 'facebook-page-access-token', title: 'Facebook page / user access token', provider: 'Facebook', re: `EAA[MC][${AN}]{100,1000}`, kw: ['eaam', 'eaac'], entropy: 4, start: '(?<![A-Za-z0-9_])' }),
  kv({ name: 'twitter-api-key', title: 'Twitter (X) API key', provider: 'Twitter', keys: tw, value: `[${AN}]{25}` }),
  kv({ name: 'twitter-api-secret', title: 'Twitter (X) API secret', provider: 'Twitter', keys: tw, value: `[${AN}]{50}` }),
  kv({ name: 'twitter-access-token', title: 'Twitter (X) access token', provider: 'Twitter', keys: tw, value: `[0-9]{15,25}-[${AN}]{20,40}` }),
  kv({ name: 'twitter-access-secret', title: 'Twitter (X) access token secret', provider: 'Twitter', keys: tw, value: `[${AN}]{45}` }),
  kv({ name: 'twitter-bearer-token', title: 'Twitter (X) bearer token', provider: 'Twitter', keys: tw, value: 'A{22}[a-zA-Z0-9%]{80,100}', noPlaceholderCheck: true, entropy: 3 }),
  kv({ name: 'linkedin-client-id', title: 'LinkedIn client ID', provider: 'LinkedIn', severity: 'low', keys: ['linkedin', 'linked_in', 'linked-in'], value: `[${AN}]{14}`, entropy: 2 }),
  kv({ name: 'linkedin-client-secret', title: 'LinkedIn client secret', provider: 'LinkedIn', keys: ['linkedin', 'linked_in', 'linked-in'], value: `[${AN}]{16}`, entropy: 2 }),
  kv({ name: 'twitch-api-token', title: 'Twitch API token', provider: 'Twitch', keys: ['twitch'], value: `[${AN}]{30}` }),
  kv({ name: 'flickr-access-token', title: 'Flickr access token', provider: 'Flickr', keys: ['flickr'], value: `[${AN}]{32}` }),
  kv({ name: 'nytimes-access-token', title: 'New York Times API key', provider: 'New York Times', severity: 'medium', keys: ['nytimes', 'new-york-times', 'newyorktimes'], value: `[${AN}=_-]{32}` }),
  kv({ name: 'etsy-access-token', title: 'Etsy API key', provider: 'Etsy', keys: { re: '(?:ETSY|[Ee]tsy)', kw: ['etsy'] }, value: `[${AN}]{24}`, entropy: 3 }),
  kv({ name: 'dropbox-api-token', title: 'Dropbox app key/secret', provider: 'Dropbox', keys: ['dropbox'], value: `[${AN}]{15}` }),
  kv({ name: 'dropbox-long-lived-api-token', title: 'Dropbox long-lived access token', provider: 'Dropbox', keys: ['dropbox'], value: `[${AN}]{11}AAAAAAAAAA[${AN}_=-]{43}`, noPlaceholderCheck: true }),
  kv({ name: 'dropbox-short-lived-api-token', title: 'Dropbox short-lived access token', provider: 'Dropbox', keys: ['dropbox'], value: `sl\\.[${AN}=_-]{135}` }),
  kv({ name: 'instagram-access-token', title: 'Instagram Graph API token', provider: 'Instagram', keys: ['instagram'], value: `IG[A-Z]{2}[${AN}_-]{100,300}`, entropy: 4 }),
];
