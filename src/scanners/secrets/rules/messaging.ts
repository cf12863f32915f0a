import { AN, CITE_TRANSPORT, HEX, kv, raw, tok } from '../build.js';
import type { SecretRule } from '../types.js';

const slack = 'at api.slack.com/apps (revoke the token / regenerate the webhook)';
const end = '(?![0-9a-zA-Z_-])';

export const rules: SecretRule[] = [
  tok({ name: 'slack-bot-token', title: 'Slack bot token', provider: 'Slack', severity: 'critical', rotate: slack, re: 'xoxb-[0-9]{10,13}-[0-9]{10,13}[a-zA-Z0-9-]{0,64}', kw: ['xoxb'], entropy: 3, end }),
  tok({ name: 'slack-legacy-bot-token', title: 'Slack legacy bot token', provider: 'Slack', severity: 'critical', rotate: slack, re: 'xoxb-[0-9]{8,14}-[a-zA-Z0-9]{18,26}', kw: ['xoxb'], entropy: 2, end }),
  tok({ name: 'slack-user-token', title: 'Slack user token', provider: 'Slack', severity: 'critical', rotate: slack, re: 'xox[pe](?:-[0-9]{10,13}){3}-[a-zA-Z0-9-]{28,34}', kw: ['xoxp-', 'xoxe-'], entropy: 2, end }),
  tok({ name: 'slack-app-token', title: 'Slack app-level token', provider: 'Slack', rotate: slack, re: 'xapp-\\d-[A-Za-z0-9]{1,20}-\\d{1,20}-[a-zA-Z0-9]{1,100}', kw: ['xapp'], entropy: 2, end }),
  tok({ name: 'slack-config-access-token', title: 'Slack configuration access token', provider: 'Slack', rotate: slack, re: 'xoxe\\.xox[bp]-\\d-[A-Za-z0-9]{163,166}', kw: ['xoxe.xoxb-', 'xoxe.xoxp-'], entropy: 2, end }),
  tok({ name: 'slack-config-refresh-token', title: 'Slack configuration refresh token', provider: 'Slack', rotate: slack, re: 'xoxe-\\d-[A-Za-z0-9]{146}', kw: ['xoxe-'], entropy: 2, end }),
  tok({ name: 'slack-legacy-token', title: 'Slack legacy token', provider: 'Slack', rotate: slack, re: 'xox[os]-\\d{1,20}-\\d{1,20}-\\d{1,20}-[a-fA-F\\d]{1,64}', kw: ['xoxo', 'xoxs'], entropy: 2, end }),
  tok({ name: 'slack-legacy-workspace-token', title: 'Slack legacy workspace token', provider: 'Slack', rotate: slack, re: 'xox[ar]-(?:\\d-)?[0-9a-zA-Z]{8,48}', kw: ['xoxa', 'xoxr'], entropy: 2, end }),
  raw({ name: 'slack-webhook-url', title: 'Slack incoming webhook URL', provider: 'Slack', hipaa: CITE_TRANSPORT, rotate: slack, regex: /(?:https?:\/\/)?hooks\.slack\.com\/(?:services|workflows|triggers)\/([A-Za-z0-9+/]{43,56})/, kw: ['hooks.slack.com'], secretGroup: 1 }),
  tok({ name: 'twilio-api-key', title: 'Twilio API key SID', provider: 'Twilio', rotate: 'in the Twilio Console (API keys & tokens)', re: `SK[${HEX}]{32}`, kw: ['sk'], entropy: 3, end: '(?![0-9a-zA-Z])', start: '(?<![0-9a-zA-Z])' }),
  kv({ name: 'twilio-auth-token', title: 'Twilio auth token', provider: 'Twilio', severity: 'critical', rotate: 'in the Twilio Console (rotate the auth token)', keys: ['twilio_auth_token', 'twilio_token', 'twilioauthtoken', 'auth_token_twilio'], value: '[a-f0-9]{32}', entropy: 3 }),
  tok({ name: 'sendgrid-api-token', title: 'SendGrid API key', provider: 'SendGrid', rotate: 'in SendGrid (Settings > API Keys)', re: 'SG\\.[a-zA-Z0-9=_.-]{66}', kw: ['sg.'], entropy: 2 }),
  tok({ name: 'sendinblue-api-token', title: 'Brevo (Sendinblue) API key', provider: 'Brevo', re: `xkeysib-[${HEX}]{64}-[${AN}]{16}`, kw: ['xkeysib-'], entropy: 2 }),
  kv({ name: 'mailgun-private-api-token', title: 'Mailgun private API key', provider: 'Mailgun', keys: ['mailgun'], value: 'key-[a-fA-F0-9]{32}' }),
  kv({ name: 'mailgun-pub-key', title: 'Mailgun public validation key', provider: 'Mailgun', severity: 'low', keys: ['mailgun'], value: 'pubkey-[a-fA-F0-9]{32}' }),
  kv({ name: 'mailgun-signing-key', title: 'Mailgun webhook signing key', provider: 'Mailgun', keys: ['mailgun'], value: '[a-hA-H0-9]{32}-[a-hA-H0-9]{8}-[a-hA-H0-9]{8}' }),
  kv({ name: 'mailchimp-api-key', title: 'Mailchimp API key', provider: 'Mailchimp', keys: ['mailchimp'], value: '[a-fA-F0-9]{32}-us\\d\\d', allow: { lineRegexes: [/MailchimpSDK\.initialize/] } }),
  kv({ name: 'discord-api-token', title: 'Discord API key', provider: 'Discord', keys: ['discord'], value: `[${HEX}]{64}` }),
  kv({ name: 'discord-client-id', title: 'Discord client ID', provider: 'Discord', severity: 'low', keys: ['discord'], value: '[0-9]{18}', entropy: 2 }),
  kv({ name: 'discord-client-secret', title: 'Discord client secret', provider: 'Discord', keys: ['discord'], value: `[${AN}=_-]{32}`, entropy: 2 }),
  raw({ name: 'discord-webhook-url', title: 'Discord webhook URL', provider: 'Discord', hipaa: CITE_TRANSPORT, regex: /https:\/\/(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/\d{17,20}\/([\w-]{60,80})/, kw: ['discord.com/api/webhooks', 'discordapp.com/api/webhooks'], secretGroup: 1, entropy: 3.5 }),
  tok({ name: 'discord-bot-token', title: 'Discord bot token', provider: 'Discord', severity: 'critical', re: '[MNO][A-Za-z\\d_-]{23,25}\\.[A-Za-z\\d_-]{6}\\.[A-Za-z\\d_-]{27,38}', kw: ['discord'], entropy: 4, start: '(?<![A-Za-z0-9_.-])', end: '(?![A-Za-z0-9_.-])' }),
  kv({ name: 'telegram-bot-api-token', title: 'Telegram bot token', provider: 'Telegram', keys: ['telegr'], value: '[0-9]{5,16}:A[a-zA-Z0-9_-]{34}', rotate: 'with @BotFather (/revoke)' }),
  raw({ name: 'microsoft-teams-webhook', title: 'Microsoft Teams incoming webhook URL', provider: 'Microsoft Teams', hipaa: CITE_TRANSPORT, regex: /(https:\/\/[a-z0-9]{1,60}\.webhook\.office\.com\/webhookb2\/[a-z0-9]{8}-(?:[a-z0-9]{4}-){3}[a-z0-9]{12}@[a-z0-9]{8}-(?:[a-z0-9]{4}-){3}[a-z0-9]{12}\/IncomingWebhook\/[a-z0-9]{32}\/[a-z0-9]{8}-(?:[a-z0-9]{4}-){3}[a-z0-9]{12})/, kw: ['webhook.office.com'], secretGroup: 1 }),
  kv({ name: 'mattermost-access-token', title: 'Mattermost access token', provider: 'Mattermost', keys: ['mattermost'], value: `[${AN}]{26}` }),
  kv({ name: 'messagebird-api-token', title: 'MessageBird API key', provider: 'MessageBird', keys: ['messagebird', 'message-bird', 'message_bird'], value: `[${AN}]{25}` }),
  kv({ name: 'messagebird-client-id', title: 'MessageBird client ID', provider: 'MessageBird', severity: 'medium', keys: ['messagebird', 'message-bird', 'message_bird'], value: '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}' }),
  kv({ name: 'sendbird-access-id', title: 'Sendbird application ID', provider: 'Sendbird', severity: 'medium', keys: ['sendbird'], value: '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}' }),
  kv({ name: 'sendbird-access-token', title: 'Sendbird API token', provider: 'Sendbird', keys: ['sendbird'], value: `[${HEX}]{40}` }),
  kv({ name: 'gitter-access-token', title: 'Gitter access token', provider: 'Gitter', keys: ['gitter'], value: `[${AN}_-]{40}` }),
  kv({ name: 'intercom-api-key', title: 'Intercom access token', provider: 'Intercom', keys: ['intercom'], value: `[${AN}=_-]{60}` }),
  kv({ name: 'postmark-server-token', title: 'Postmark server token', provider: 'Postmark', keys: ['postmark'], value: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}' }),
  kv({ name: 'vonage-api-secret', title: 'Vonage (Nexmo) API secret', provider: 'Vonage', keys: ['nexmo_api_secret', 'vonage_api_secret', 'nexmo_secret', 'vonage_secret'], value: `[${AN}]{16}`, entropy: 3 }),
];
