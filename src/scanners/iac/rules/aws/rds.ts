/** RDS and Aurora: encryption, exposure, backups, availability, logging, authentication. */
import { attrRule } from '../simple.js';
import { defineRule } from '../types.js';
import { asBool, at, byPlatform, getAll, isUnknown, lower, v } from '../helpers.js';

const INSTANCE = ['aws_db_instance', 'AWS::RDS::DBInstance'];
const CLUSTER = ['aws_rds_cluster', 'AWS::RDS::DBCluster'];
const AURORA = /^aurora/i;

export const rdsEncrypted = defineRule({
  id: 'iac/aws/rds-storage-encrypted',
  title: 'RDS storage is not encrypted at rest',
  severity: 'high',
  csv: ['aws:rds-storage-encrypted'],
  checkov: ['CKV_AWS_16', 'CKV_AWS_96'],
  types: [...INSTANCE, ...CLUSTER, 'aws_rds_cluster_instance'],
  remediation: `resource "aws_db_instance" "db" {
  storage_encrypted = true
  kms_key_id        = aws_kms_key.phi.arn
}
CloudFormation: StorageEncrypted: true, KmsKeyId: !Ref PhiKey`,
  check: (r) => {
    if (r.type === 'aws_rds_cluster_instance') return undefined;
    const tf = r.platform !== 'cloudformation';
    const engine = lower(at(r, tf ? 'engine' : 'Engine'));
    // Aurora instances inherit encryption from their cluster; serverless v1 clusters are always encrypted.
    if (r.type === 'aws_db_instance' && engine && AURORA.test(engine)) return undefined;
    if (r.type === 'AWS::RDS::DBInstance' && (at(r, 'DBClusterIdentifier') !== undefined || (engine && AURORA.test(engine)))) return undefined;
    if (tf && r.type === 'aws_rds_cluster' && lower(at(r, 'engine_mode')) === 'serverless') return undefined;
    if (tf && r.type === 'aws_rds_cluster' && (at(r, 'replication_source_identifier') !== undefined || at(r, 'snapshot_identifier') !== undefined) && at(r, 'storage_encrypted') === undefined) return undefined;
    const path = tf ? 'storage_encrypted' : 'StorageEncrypted';
    const x = at(r, path);
    if (isUnknown(x)) return undefined;
    return asBool(x) === true ? undefined : v('storage_encrypted is not true', path);
  },
});

export const rdsPublic = attrRule({
  id: 'iac/aws/rds-publicly-accessible',
  title: 'RDS instance is publicly accessible',
  severity: 'critical',
  csv: ['aws:rds-instance-public-access-check'],
  checkov: ['CKV_AWS_17'],
  remediation: `resource "aws_db_instance" "db" { publicly_accessible = false }
CloudFormation: PubliclyAccessible: false`,
  specs: [
    { types: ['aws_db_instance', 'aws_rds_cluster_instance'], path: 'publicly_accessible', is: 'false', message: 'publicly_accessible = true' },
    { types: ['AWS::RDS::DBInstance'], path: 'PubliclyAccessible', is: 'false', message: 'PubliclyAccessible: true' },
  ],
});

export const rdsBackup = defineRule({
  id: 'iac/aws/rds-backup-enabled',
  title: 'RDS automated backups are disabled',
  severity: 'high',
  csv: ['aws:db-instance-backup-enabled'],
  checkov: ['CKV_AWS_133'],
  types: [...INSTANCE, ...CLUSTER],
  remediation: `resource "aws_db_instance" "db" { backup_retention_period = 35 }
CloudFormation: BackupRetentionPeriod: 35`,
  check: (r) => {
    const p = r.platform === 'cloudformation' ? 'BackupRetentionPeriod' : 'backup_retention_period';
    const x = at(r, p);
    if (x === undefined || x === null || isUnknown(x)) return undefined;
    const n = Number(x);
    if (n < 1) return v(`${p} = ${String(x)}: automated backups are off`, p);
    return n > 35 ? v(`${p} = ${String(x)} is outside the 1-35 days RDS accepts`, p) : undefined;
  },
});

export const rdsMultiAz = attrRule({
  id: 'iac/aws/rds-multi-az',
  title: 'RDS instance is not Multi-AZ',
  severity: 'medium',
  csv: ['aws:rds-multi-az-support'],
  checkov: ['CKV_AWS_157'],
  remediation: `resource "aws_db_instance" "db" { multi_az = true }
CloudFormation: MultiAZ: true`,
  specs: [
    { types: ['aws_db_instance'], path: 'multi_az', is: 'true', message: 'multi_az is not true' },
    { types: ['AWS::RDS::DBInstance'], path: 'MultiAZ', is: 'true', message: 'MultiAZ is not true' },
  ],
});

export const rdsLogging = defineRule({
  id: 'iac/aws/rds-logging-enabled',
  title: 'RDS database logs are not exported to CloudWatch',
  severity: 'medium',
  csv: ['aws:rds-logging-enabled'],
  checkov: ['CKV_AWS_129'],
  types: [...INSTANCE, ...CLUSTER],
  remediation: `resource "aws_db_instance" "db" { enabled_cloudwatch_logs_exports = ["postgresql", "upgrade"] }
CloudFormation: EnableCloudwatchLogsExports: [postgresql, upgrade]`,
  check: byPlatform({
    tf: (r) => (getAll(r.attributes, 'enabled_cloudwatch_logs_exports').length > 0 || isUnknown(at(r, 'enabled_cloudwatch_logs_exports')) ? undefined : v('enabled_cloudwatch_logs_exports is empty', 'enabled_cloudwatch_logs_exports')),
    cfn: (r) => (getAll(r.attributes, 'EnableCloudwatchLogsExports').length > 0 ? undefined : v('EnableCloudwatchLogsExports is empty', 'EnableCloudwatchLogsExports')),
  }),
});

export const rdsIamAuth = defineRule({
  id: 'iac/aws/rds-iam-authentication',
  title: 'RDS IAM database authentication is not enabled',
  severity: 'low',
  hipaa: ['164.312(d)', '164.312(a)(1)'],
  checkov: ['CKV_AWS_161'],
  types: INSTANCE,
  remediation: `resource "aws_db_instance" "db" { iam_database_authentication_enabled = true }
CloudFormation: EnableIAMDatabaseAuthentication: true`,
  check: (r) => {
    const tf = r.platform !== 'cloudformation';
    const engine = lower(at(r, tf ? 'engine' : 'Engine')) ?? '';
    // IAM authentication exists only for MySQL, MariaDB and PostgreSQL.
    if (engine && !/mysql|postgres|mariadb/.test(engine)) return undefined;
    const p = tf ? 'iam_database_authentication_enabled' : 'EnableIAMDatabaseAuthentication';
    const x = at(r, p);
    return isUnknown(x) || asBool(x) === true ? undefined : v(`${p} is not true`, p);
  },
});

export const rdsClusterDeletion = attrRule({
  id: 'iac/aws/rds-cluster-deletion-protection',
  title: 'RDS cluster deletion protection is off',
  severity: 'medium',
  csv: ['aws:rds-cluster-deletion-protection-enabled'],
  checkov: ['CKV_AWS_139'],
  remediation: `resource "aws_rds_cluster" "c" { deletion_protection = true }
CloudFormation: DeletionProtection: true`,
  specs: [
    { types: ['aws_rds_cluster'], path: 'deletion_protection', is: 'true', message: 'deletion_protection is not true' },
    { types: ['AWS::RDS::DBCluster'], path: 'DeletionProtection', is: 'true', message: 'DeletionProtection is not true' },
  ],
});

export const rdsInstanceDeletion = attrRule({
  id: 'iac/aws/rds-instance-deletion-protection',
  title: 'RDS instance deletion protection is off',
  severity: 'medium',
  csv: ['aws:rds-cluster-deletion-protection-enabled'],
  checkov: ['CKV_AWS_293'],
  remediation: `resource "aws_db_instance" "db" { deletion_protection = true }`,
  specs: [
    { types: ['aws_db_instance'], path: 'deletion_protection', is: 'true', message: 'deletion_protection is not true' },
    { types: ['AWS::RDS::DBInstance'], path: 'DeletionProtection', is: 'true', message: 'DeletionProtection is not true' },
  ],
});

export const rdsMinorUpgrade = attrRule({
  id: 'iac/aws/rds-auto-minor-version-upgrade',
  title: 'RDS automatic minor version upgrade is off',
  severity: 'low',
  csv: ['aws:rds-automatic-minor-version-upgrade-enabled'],
  checkov: ['CKV_AWS_226'],
  remediation: `resource "aws_db_instance" "db" { auto_minor_version_upgrade = true }`,
  specs: [
    { types: ['aws_db_instance'], path: 'auto_minor_version_upgrade', is: 'true', absent: 'pass', message: 'auto_minor_version_upgrade = false' },
    { types: ['AWS::RDS::DBInstance'], path: 'AutoMinorVersionUpgrade', is: 'true', absent: 'pass', message: 'AutoMinorVersionUpgrade: false' },
  ],
});

export const rdsMonitoring = attrRule({
  id: 'iac/aws/rds-enhanced-monitoring',
  title: 'RDS enhanced monitoring is off',
  severity: 'low',
  csv: ['aws:rds-enhanced-monitoring-enabled'],
  checkov: ['CKV_AWS_118'],
  remediation: `resource "aws_db_instance" "db" { monitoring_interval = 60  monitoring_role_arn = aws_iam_role.rds_monitoring.arn }`,
  specs: [
    { types: ['aws_db_instance', 'aws_rds_cluster_instance'], path: 'monitoring_interval', is: 'min', min: 1, message: 'monitoring_interval is 0 or unset' },
    { types: ['AWS::RDS::DBInstance'], path: 'MonitoringInterval', is: 'min', min: 1, message: 'MonitoringInterval is 0 or unset' },
  ],
});

export const rdsSnapshotPublic = defineRule({
  id: 'iac/aws/rds-snapshot-public',
  title: 'RDS snapshot is shared publicly',
  severity: 'critical',
  csv: ['aws:rds-snapshots-public-prohibited'],
  checkov: ['CKV_AWS_302'],
  types: ['aws_db_snapshot', 'aws_db_cluster_snapshot'],
  remediation: `Do not share snapshots with "all"; list specific account ids.
resource "aws_db_snapshot" "s" { shared_accounts = ["111122223333"] }`,
  check: (r) => (getAll(r.attributes, 'shared_accounts').some((x) => lower(x) === 'all') ? v('shared_accounts includes "all"', 'shared_accounts') : undefined),
});

const TLS_PARAMS: Array<[RegExp, string, string[]]> = [
  [/postgres|sqlserver/, 'rds.force_ssl', ['1']],
  [/mysql|mariadb/, 'require_secure_transport', ['1', 'on', 'true']],
  [/db2/, 'db2comm', ['ssl']],
];

export const rdsInTransit = defineRule({
  id: 'iac/aws/rds-encryption-in-transit',
  title: 'RDS parameter group does not force TLS connections',
  severity: 'high',
  hipaa: ['164.312(e)(1)', '164.312(e)(2)(ii)'],
  checkov: ['CKV2_AWS_69'],
  types: ['aws_db_instance'],
  remediation: `Force TLS in the DB parameter group attached to the instance.
resource "aws_db_parameter_group" "pg" {
  family = "postgres16"
  parameter { name = "rds.force_ssl"  value = "1" }   # MySQL/MariaDB: require_secure_transport = 1
}`,
  check: (r, m) => {
    const pgs = m.deref(r, at(r, 'parameter_group_name') ?? null).filter((x) => x.type === 'aws_db_parameter_group');
    for (const pg of pgs) {
      const family = lower(at(pg, 'family')) ?? '';
      const want = TLS_PARAMS.find(([re]) => re.test(family));
      if (!want) continue;
      const p = getAll(pg.attributes, 'parameter').find((x) => x && typeof x === 'object' && !Array.isArray(x) && x.name === want[1]);
      const val = p && typeof p === 'object' && !Array.isArray(p) ? lower(String(p.value)) : undefined;
      if (val === undefined) return v(`parameter group ${pg.address} does not set ${want[1]}`, 'parameter_group_name');
      if (!isUnknown(val) && !want[2].includes(val)) return v(`parameter group ${pg.address} sets ${want[1]} = ${val}`, 'parameter_group_name');
    }
    return undefined;
  },
});

export default [rdsInTransit, rdsEncrypted, rdsPublic, rdsBackup, rdsMultiAz, rdsLogging, rdsIamAuth, rdsClusterDeletion, rdsInstanceDeletion, rdsMinorUpgrade, rdsMonitoring, rdsSnapshotPublic];
