import { generate, runFamily } from '../../../testing/secret-samples.js';

const g = (src: string, seed = 7) => generate(src, seed);

runFamily('infra', {
  'secret/flyio-access-token': {
    invalid: [{ code: `FLY_API_TOKEN=fo1_${g('[A-Za-z0-9_-]{43}')}\n`, findings: [{ line: 1, column: 15 }] }],
    valid: [`api_key = "fo1_${'x'.repeat(43)}"`, 'pub const MINIDUMP_SYSMEMINFO1_PERF_CCTOTALDIRTYPAGES: u32 = 4;'],
  },
  'secret/terraform-variable-password': {
    invalid: [{ code: `resource "azurerm_sql_server" "db" {\n  administrator_login_password = "${g('[a-zA-Z0-9]{14}')}"\n}`, path: 'infra/main.tf', findings: [{ line: 2 }] }],
    valid: [{ code: 'administrator_login_password = var.db_password', path: 'main.tf' }, { code: 'password = "${aws_db_instance.default.password}"', path: 'main.hcl' }, { code: `password = "${g('[a-zA-Z0-9]{14}')}"`, path: 'app.js' }],
  },
  'secret/vault-legacy-service-token': {
    valid: ['s.AcceptanceTimeoutSeconds = 5', 'vault_token = "s.THISSTRINGISALLUPPERCASE"'],
  },
  'secret/octopus-deploy-api-key': {
    valid: ['msgstr "GSSAPI-VIRHEKAPSELOINTIMERKKIJONO."', 'https://sonarcloud.io/api/project_badges/measure?project=Garden-Coin_API-CalculadoraDeInvestimentos'],
  },
});
