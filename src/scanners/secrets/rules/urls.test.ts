import { generate, runFamily, type FamilyCases } from '../../../testing/secret-samples.js';

const pw = (seed: number) => generate('[A-Za-z0-9]{18}', seed);

function urlCases(scheme: string, seed: number, host = 'db.clinic.internal:5432/app'): FamilyCases {
  const p = pw(seed);
  return {
    invalid: [
      { code: `DATABASE_URL="${scheme}://app:${p}@${host}"`, findings: [{ line: 1, column: 15 + scheme.length + 7, confidence: 'high' }] },
      { name: 'loopback host is a development default', code: `url = "${scheme}://app:${p}@localhost:5432/app"`, findings: [{ confidence: 'low' }] },
    ],
    valid: [
      `url = "${scheme}://app:\${DB_PASSWORD}@${host}"`,
      `url = "${scheme}://user:password@${host}"`,
      { name: 'password equal to the user name', code: `url = "${scheme}://clinic_app:clinic_app@${host}"` },
      { name: "an image's default password", code: `url = "${scheme}://app:postgres@${host}"` },
      `url = "${scheme}://app@${host}"`,
      { name: 'documentation host', code: `url = "${scheme}://app:${p}@db.example.com/app"` },
    ],
  };
}

runFamily('urls', {
  'secret/postgres-url': urlCases('postgresql', 1),
  'secret/mysql-url': urlCases('mysql', 2),
  'secret/mongodb-url': urlCases('mongodb+srv', 3, 'cluster0.abcde.mongodb.net/app'),
  'secret/redis-url': {
    invalid: [
      ...urlCases('rediss', 4, 'cache.internal:6380/0').invalid!,
      { name: 'no user name, only a password', code: `  url: redis://:${pw(40)}@redis-master:6379/0`, findings: [{ line: 1, column: 17, confidence: 'high' }] },
    ],
    valid: [...urlCases('rediss', 4, 'cache.internal:6380/0').valid!, 'url: redis://redis-master:6379/0', 'url: redis://:${REDIS_PASSWORD}@redis-master:6379/0'],
  },
  'secret/amqp-url': urlCases('amqps', 5, 'mq.internal:5671/vhost'),
  'secret/mssql-url': urlCases('mssql', 6),
  'secret/ldap-url': urlCases('ldaps', 7, 'ldap.internal:636'),
  'secret/ftp-url': urlCases('sftp', 8, 'files.internal/outbox'),
  'secret/smtp-url': urlCases('smtps', 9, 'mail.internal:465'),
  'secret/broker-url': urlCases('kafka', 10, 'broker.internal:9093'),
  'secret/basic-auth-url': urlCases('https', 11, 'fhir.partner-hospital.org/R4'),
  'secret/jdbc-url-password': {
    invalid: [{ code: `spring.datasource.url=jdbc:postgresql://db:5432/ehr?user=app&password=${pw(12)}`, findings: [{ line: 1 }] }],
    valid: ['spring.datasource.url=jdbc:postgresql://db:5432/ehr?user=app&password=${DB_PASSWORD}', 'jdbc:sqlserver://db;user=sa;password=password'],
  },
  'secret/sidekiq-sensitive-url': {
    invalid: [{ code: `source "https://${generate('[a-f0-9]{8}', 13)}:${generate('[a-f0-9]{8}', 14)}@gems.contribsys.com/"`, findings: [{ line: 1 }] }],
    valid: ['source "https://gems.contribsys.com/"'],
  },
});
