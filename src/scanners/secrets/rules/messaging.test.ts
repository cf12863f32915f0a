import { generate, runFamily } from '../../../testing/secret-samples.js';

const g = (src: string, seed = 7) => generate(src, seed);
const uuid = (s: number) => g('[a-z0-9]{8}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{12}', s);

runFamily('messaging', {
  'secret/slack-webhook-url': {
    invalid: [{ code: `SLACK_WEBHOOK=https://hooks.slack.com/services/T${g('[A-Z0-9]{8}')}/B${g('[A-Z0-9]{10}', 2)}/${g('[A-Za-z0-9]{24}', 3)}`, findings: [{ line: 1 }] }],
    valid: ['SLACK_WEBHOOK=https://hooks.slack.com/services/XXX/YYY/ZZZ', 'see https://hooks.slack.com/services/ for details'],
  },
  'secret/discord-webhook-url': {
    invalid: [{ code: `hook = "https://discord.com/api/webhooks/${g('[0-9]{18}')}/${g('[A-Za-z0-9_-]{68}', 4)}"`, findings: [{ line: 1 }] }],
    valid: ['hook = "https://discord.com/api/webhooks/{id}/{token}"'],
  },
  'secret/discord-bot-token': {
    noAuto: true,
    invalid: [{ code: `DISCORD_BOT_TOKEN = "M${g('[A-Za-z0-9_-]{25}', 5)}.${g('[A-Za-z0-9_-]{6}', 6)}.${g('[A-Za-z0-9_-]{38}', 7)}"`, findings: [{ line: 1, severity: 'critical' }] }],
    valid: [{ name: 'no discord context', code: `x = "M${g('[A-Za-z0-9_-]{25}', 5)}.${g('[A-Za-z0-9_-]{6}', 6)}.${g('[A-Za-z0-9_-]{38}', 7)}"` }],
  },
  'secret/microsoft-teams-webhook': {
    invalid: [{ code: `url: https://clinic.webhook.office.com/webhookb2/${uuid(1)}@${uuid(2)}/IncomingWebhook/${g('[a-z0-9]{32}', 3)}/${uuid(4)}`, findings: [{ line: 1 }] }],
    valid: ['url: https://clinic.webhook.office.com/webhookb2/<group>@<tenant>/IncomingWebhook/<id>/<owner>'],
  },
  'secret/slack-bot-token': {
    valid: ['xoxb-xxxxxxxxx-xxxxxxxxxx-xxxxxxxxxxxx', 'xoxb-12345-abcd234'],
  },
});
