import { CITE_TRANSPORT, kv, raw } from '../build.js';
import type { Confidence } from '../../../core/types.js';
import type { SecretRule } from '../types.js';

/**
 * Credentials embedded in connection URLs: `scheme://user:password@host`. The password is the
 * secret; URLs pointing at loopback hosts are development defaults and get low confidence.
 */

// Empty users are common (`redis://:password@cache:6379`, Redis before ACLs had users).
const USER = String.raw`[A-Za-z0-9._~%!$&*+;=-]{0,100}`;
// Passwords of fewer than 4 characters in URLs are documentation (`a:b@`, `abc:xyz@`).
const PASS = String.raw`[^\s:@/"'\x60<>\\]{4,200}`;
// Documentation words and the images' own defaults (`postgres://postgres:postgres@db`, `guest:guest`).
const WEAK = /^(?:pass(?:word)?|passwd|pwd|secret|changeme|user(?:name)?|root|admin|test|guest|x+|\*+|p@ssw0rd|token|foo|bar|baz|example|dbpass|db_password|mypassword|yourpassword|pw|postgres|mysql|mariadb|mongo(?:db)?|redis|rabbitmq|dev|development|local)$/i;

function score(secret: string, match: string): Confidence | null {
  // `app:app@`, `svc:svc@`: the password is the user name, a throwaway default.
  const user = /:\/\/([^:@/]*):/.exec(match)?.[1];
  if (user && user === secret) return null;
  // Documentation hosts: RFC 2606 example domains.
  if (/@(?:[\w-]+\.)*example\.(?:com|org|net|edu)(?:[:/]|$)|@(?:[\w-]+\.)*(?:test|invalid|example)(?:[:/]|$)/i.test(match)) return null;
  return /@(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\]|host\.docker\.internal)(?:[:/]|$)/i.test(match) ? 'low' : 'high';
}

function url(name: string, title: string, provider: string, schemes: string, kw: string[], severity: 'critical' | 'high' = 'critical'): SecretRule {
  return raw({
    name,
    title,
    provider,
    severity,
    hipaa: CITE_TRANSPORT,
    rotate: `on the ${provider} server (change the user's password)`,
    regex: new RegExp(String.raw`(?<![A-Za-z0-9+.-])(?:${schemes})://${USER}:(${PASS})@[A-Za-z0-9.[\]_-]{1,253}`),
    kw,
    secretGroup: 1,
    allow: { regexes: [WEAK] },
    score,
    window: { before: 40, after: 600 },
  });
}

export const rules: SecretRule[] = [
  url('postgres-url', 'PostgreSQL connection URL with password', 'PostgreSQL', 'postgres(?:ql)?(?:\\+[a-z0-9]{1,20})?', ['postgres']),
  url('mysql-url', 'MySQL / MariaDB connection URL with password', 'MySQL', 'mysql(?:\\+[a-z0-9]{1,20})?|mariadb', ['mysql', 'mariadb']),
  url('mongodb-url', 'MongoDB connection URL with password', 'MongoDB', 'mongodb(?:\\+srv)?', ['mongodb']),
  url('redis-url', 'Redis connection URL with password', 'Redis', 'rediss?', ['redis']),
  url('amqp-url', 'AMQP (RabbitMQ) broker URL with password', 'RabbitMQ', 'amqps?', ['amqp']),
  url('mssql-url', 'SQL Server connection URL with password', 'SQL Server', 'mssql|sqlserver', ['mssql', 'sqlserver']),
  url('ldap-url', 'LDAP URL with bind password', 'LDAP', 'ldaps?', ['ldap']),
  url('ftp-url', 'FTP/SFTP URL with password', 'FTP', 's?ftp', ['ftp://']),
  url('smtp-url', 'SMTP URL with password', 'SMTP', 'smtps?', ['smtp']),
  url('broker-url', 'Message broker URL with password (Kafka, NATS, MQTT, Celery)', 'message broker', 'kafka|nats|mqtts?|sqs|celery|stomp', ['kafka://', 'nats://', 'mqtt', 'stomp://'], 'high'),
  url('basic-auth-url', 'HTTP(S) URL with embedded basic-auth password', 'HTTP basic auth', 'https?', ['://'], 'high'),
  raw({
    name: 'jdbc-url-password',
    title: 'JDBC URL with password parameter',
    provider: 'JDBC',
    severity: 'critical',
    hipaa: CITE_TRANSPORT,
    regex: /jdbc:[a-z0-9]{2,20}:[^\s"'<>]{1,300}?[;?&]password=([^\s;&"'<>]{3,200})/i,
    kw: ['jdbc:'],
    secretGroup: 1,
    allow: { regexes: [WEAK] },
  }),
  raw({
    name: 'sidekiq-sensitive-url',
    title: 'Sidekiq Enterprise/Pro gem source URL with credentials',
    provider: 'Sidekiq',
    hipaa: CITE_TRANSPORT,
    regex: /https?:\/\/([a-f0-9]{8}:[a-f0-9]{8})@(?:gems|enterprise)\.contribsys\.com(?:[/#?:]|$)/i,
    kw: ['gems.contribsys.com', 'enterprise.contribsys.com'],
    secretGroup: 1,
    priority: 5,
    noPlaceholderCheck: true,
  }),
  kv({
    name: 'sidekiq-secret',
    title: 'Sidekiq Enterprise/Pro bundler credentials',
    provider: 'Sidekiq',
    keys: ['bundle_enterprise__contribsys__com', 'bundle_gems__contribsys__com'],
    value: '[a-f0-9]{8}:[a-f0-9]{8}',
    noPlaceholderCheck: true,
  }),
];
