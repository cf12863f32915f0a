import { AN, HEX, kv, raw, tok } from '../build.js';
import type { SecretRule } from '../types.js';

const stripeRotate = 'in the Stripe Dashboard (Developers > API keys > roll key)';

export const rules: SecretRule[] = [
  tok({
    name: 'stripe-secret-key',
    title: 'Stripe secret or restricted API key',
    provider: 'Stripe',
    severity: 'critical',
    rotate: stripeRotate,
    re: `(?:sk|rk)_(?:test|live|prod)_[${AN}]{10,99}`,
    kw: ['sk_test', 'sk_live', 'sk_prod', 'rk_test', 'rk_live', 'rk_prod'],
    entropy: 2,
    // Test-mode keys cannot move money; still credentials, but lower severity.
    score: (s) => (s.includes('_test_') ? 'medium' : 'high'),
  }),
  tok({ name: 'stripe-webhook-secret', title: 'Stripe webhook signing secret', provider: 'Stripe', rotate: stripeRotate, re: `whsec_[${AN}]{32,64}`, kw: ['whsec_'], entropy: 3 }),
  tok({ name: 'square-access-token', title: 'Square access token', provider: 'Square', severity: 'critical', rotate: 'in the Square Developer Dashboard', re: String.raw`(?:EAAA|sq0atp-)[\w-]{22,60}`, kw: ['sq0atp-', 'eaaa'], entropy: 2 }),
  tok({ name: 'square-secret', title: 'Square OAuth application secret', provider: 'Square', severity: 'critical', rotate: 'in the Square Developer Dashboard', re: String.raw`sq0csp-[\w\\\]-]{43}`, kw: ['sq0csp-'], entropy: 2, end: '(?![\\w-])' }),
  tok({ name: 'braintree-access-token', title: 'PayPal Braintree access token', provider: 'PayPal Braintree', severity: 'critical', rotate: 'in the Braintree Control Panel (API keys)', re: String.raw`access_token\$(?:production|sandbox)\$[0-9a-z]{16}\$[0-9a-f]{32}`, kw: ['access_token$'], entropy: 3 }),
  kv({ name: 'paypal-client-secret', title: 'PayPal REST client secret', provider: 'PayPal', severity: 'critical', rotate: 'in the PayPal Developer Dashboard (My Apps & Credentials)', keys: ['paypal_client_secret', 'paypal_secret', 'paypal-secret', 'paypalsecret'], value: String.raw`E[A-Za-z0-9_-]{79}`, entropy: 4 }),
  tok({ name: 'adyen-api-key', title: 'Adyen API key', provider: 'Adyen', severity: 'critical', rotate: 'in the Adyen Customer Area (Developers > API credentials)', re: String.raw`AQE[a-zA-Z0-9]{2}\w{2,10}\.[\w+/=-]{20,80}\.[\w+/=-]{0,20}-[\w+/=-]{20,100}\.[\w+/=-]{20,100}`, kw: ['aqe'], entropy: 4 }),
  tok({ name: 'razorpay-key', title: 'Razorpay live key ID', provider: 'Razorpay', rotate: 'in the Razorpay Dashboard (API keys)', re: `rzp_live_[${AN}]{14}`, kw: ['rzp_live_'], entropy: 3 }),
  tok({ name: 'flutterwave-secret-key', title: 'Flutterwave secret key', provider: 'Flutterwave', rotate: 'in the Flutterwave dashboard', re: `FLWSECK_TEST-[a-hA-H0-9]{32}-X`, kw: ['flwseck_test'], entropy: 2 }),
  tok({ name: 'flutterwave-public-key', title: 'Flutterwave public key', provider: 'Flutterwave', severity: 'low', rotate: 'in the Flutterwave dashboard', re: `FLWPUBK_TEST-[a-hA-H0-9]{32}-X`, kw: ['flwpubk_test'], entropy: 2 }),
  tok({ name: 'flutterwave-encryption-key', title: 'Flutterwave encryption key', provider: 'Flutterwave', rotate: 'in the Flutterwave dashboard', re: `FLWSECK_TEST-[a-hA-H0-9]{12}`, kw: ['flwseck_test'], entropy: 2 }),
  kv({ name: 'gocardless-api-token', title: 'GoCardless API token', provider: 'GoCardless', severity: 'critical', keys: ['gocardless'], value: String.raw`live_[a-zA-Z0-9=_-]{40}` }),
  kv({ name: 'plaid-client-id', title: 'Plaid client ID', provider: 'Plaid', severity: 'medium', keys: ['plaid'], value: `[${AN}]{24}`, entropy: 3.5 }),
  kv({ name: 'plaid-secret-key', title: 'Plaid secret key', provider: 'Plaid', severity: 'critical', keys: ['plaid'], value: `[${AN}]{30}`, entropy: 3.5 }),
  kv({ name: 'plaid-api-token', title: 'Plaid access token', provider: 'Plaid', severity: 'critical', keys: ['plaid'], value: String.raw`access-(?:sandbox|development|production)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}` }),
  tok({ name: 'shippo-api-token', title: 'Shippo API token', provider: 'Shippo', re: `shippo_(?:live|test)_[${HEX}]{40}`, kw: ['shippo_'], entropy: 2 }),
  tok({ name: 'easypost-api-token', title: 'EasyPost production API key', provider: 'EasyPost', re: `EZAK[${AN}]{54}`, kw: ['ezak'], entropy: 2, end: '(?![a-zA-Z0-9_])' }),
  tok({ name: 'easypost-test-api-token', title: 'EasyPost test API key', provider: 'EasyPost', severity: 'medium', re: `EZTK[${AN}]{54}`, kw: ['eztk'], entropy: 2, end: '(?![a-zA-Z0-9_])' }),
  tok({ name: 'duffel-api-token', title: 'Duffel API token', provider: 'Duffel', re: String.raw`duffel_(?:test|live)_[a-zA-Z0-9_=-]{43}`, kw: ['duffel_'], entropy: 2 }),
  kv({ name: 'coinbase-access-token', title: 'Coinbase access token', provider: 'Coinbase', severity: 'critical', keys: ['coinbase'], value: `[${AN}_-]{64}` }),
  kv({ name: 'kraken-access-token', title: 'Kraken API secret', provider: 'Kraken', severity: 'critical', keys: ['kraken'], value: String.raw`[a-zA-Z0-9/=_+-]{80,90}` }),
  kv({ name: 'kucoin-access-token', title: 'KuCoin API key', provider: 'KuCoin', keys: ['kucoin'], value: `[${HEX}]{24}` }),
  kv({ name: 'kucoin-secret-key', title: 'KuCoin API secret', provider: 'KuCoin', severity: 'critical', keys: ['kucoin'], value: '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}' }),
  kv({ name: 'bittrex-access-key', title: 'Bittrex API key / secret', provider: 'Bittrex', keys: ['bittrex'], value: `[${AN}]{32}` }),
  kv({ name: 'finicity-api-token', title: 'Finicity API token', provider: 'Finicity', keys: ['finicity'], value: `[${HEX}]{32}` }),
  kv({ name: 'finicity-client-secret', title: 'Finicity client secret', provider: 'Finicity', keys: ['finicity'], value: `[${AN}]{20}` }),
  kv({ name: 'lob-api-key', title: 'Lob API key', provider: 'Lob', sampleKey: 'lob', keys: { re: '[lL][oO][bB]', kw: ['live_', 'test_'] }, value: `(?:live|test)_[${HEX}]{35}` }),
  kv({ name: 'lob-pub-api-key', title: 'Lob publishable API key', provider: 'Lob', severity: 'low', sampleKey: 'lob', keys: { re: '[lL][oO][bB]', kw: ['_pub_'] }, value: `(?:test|live)_pub_[${HEX}]{31}` }),
  raw({ name: 'freemius-secret-key', title: 'Freemius secret key', provider: 'Freemius', path: /\.php$/i, regex: /["']secret_key["']\s{0,10}=>\s{0,10}["'](sk_\S{29})["']/i, kw: ['secret_key'], secretGroup: 1 }),
];
