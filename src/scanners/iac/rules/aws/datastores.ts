/** Managed data stores that hold ePHI: encryption at rest and in transit, exposure, backups, logging. */
import { attrRule } from '../simple.js';
import { defineRule } from '../types.js';
import { asBool, asNumber, at, get, getAll, isSet, isUnknown, lower, v } from '../helpers.js';

export const dynamoPitr = attrRule({
  id: 'iac/aws/dynamodb-point-in-time-recovery',
  title: 'DynamoDB point-in-time recovery is off',
  severity: 'medium',
  csv: ['aws:dynamodb-pitr-enabled'],
  checkov: ['CKV_AWS_28'],
  remediation: `resource "aws_dynamodb_table" "t" { point_in_time_recovery { enabled = true } }`,
  specs: [
    { types: ['aws_dynamodb_table'], path: 'point_in_time_recovery.enabled', is: 'true', message: 'point_in_time_recovery is not enabled' },
    { types: ['AWS::DynamoDB::Table'], path: 'PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled', is: 'true', message: 'PointInTimeRecoveryEnabled is not true' },
  ],
});

export const dynamoCmk = defineRule({
  id: 'iac/aws/dynamodb-kms-cmk',
  title: 'DynamoDB table is not encrypted with a customer managed KMS key',
  severity: 'medium',
  hipaa: ['164.312(a)(2)(iv)'],
  checkov: ['CKV_AWS_119'],
  types: ['aws_dynamodb_table', 'AWS::DynamoDB::Table'],
  remediation: `server_side_encryption { enabled = true  kms_key_arn = aws_kms_key.phi.arn }
CloudFormation: SSESpecification: { SSEEnabled: true, SSEType: KMS, KMSMasterKeyId: !Ref PhiKey }`,
  check: (r) => {
    if (r.platform === 'cloudformation') {
      const s = at(r, 'SSESpecification');
      return asBool(get(s, 'SSEEnabled')) === true && isSet(get(s, 'KMSMasterKeyId')) ? undefined : v('SSESpecification has no customer managed KMS key', 'SSESpecification');
    }
    const s = at(r, 'server_side_encryption');
    return asBool(get(s, 'enabled')) === true && isSet(get(s, 'kms_key_arn')) ? undefined : v('server_side_encryption has no customer managed kms_key_arn', 'server_side_encryption');
  },
});

export const dax = attrRule({
  id: 'iac/aws/dax-encryption',
  title: 'DAX cluster is not encrypted at rest',
  severity: 'high',
  hipaa: ['164.312(a)(2)(iv)'],
  checkov: ['CKV_AWS_47'],
  remediation: `resource "aws_dax_cluster" "c" { server_side_encryption { enabled = true } }`,
  specs: [
    { types: ['aws_dax_cluster'], path: 'server_side_encryption.enabled', is: 'true', message: 'server_side_encryption is not enabled' },
    { types: ['AWS::DAX::Cluster'], path: 'SSESpecification.SSEEnabled', is: 'true', message: 'SSEEnabled is not true' },
  ],
});

export const sns = attrRule({
  id: 'iac/aws/sns-topic-encryption',
  title: 'SNS topic is not encrypted with KMS',
  severity: 'medium',
  csv: ['aws:sns-encrypted-kms'],
  checkov: ['CKV_AWS_26'],
  remediation: `resource "aws_sns_topic" "t" { kms_master_key_id = aws_kms_key.phi.id }`,
  specs: [
    { types: ['aws_sns_topic'], path: 'kms_master_key_id', is: 'set', message: 'no kms_master_key_id' },
    { types: ['AWS::SNS::Topic'], path: 'KmsMasterKeyId', is: 'set', message: 'no KmsMasterKeyId' },
  ],
});

export const sqs = defineRule({
  id: 'iac/aws/sqs-queue-encryption',
  title: 'SQS queue is not encrypted',
  severity: 'medium',
  hipaa: ['164.312(a)(2)(iv)', '164.312(e)(2)(ii)'],
  checkov: ['CKV_AWS_27'],
  types: ['aws_sqs_queue', 'AWS::SQS::Queue'],
  remediation: `resource "aws_sqs_queue" "q" { kms_master_key_id = aws_kms_key.phi.id }   # or sqs_managed_sse_enabled = true`,
  check: (r) => {
    const cfn = r.platform === 'cloudformation';
    if (isSet(at(r, cfn ? 'KmsMasterKeyId' : 'kms_master_key_id'))) return undefined;
    const managed = at(r, cfn ? 'SqsManagedSseEnabled' : 'sqs_managed_sse_enabled');
    return asBool(managed) === true || isUnknown(managed) ? undefined : v('neither a KMS key nor SQS-managed encryption', cfn ? 'KmsMasterKeyId' : 'kms_master_key_id');
  },
});

export const kinesis = defineRule({
  id: 'iac/aws/kinesis-stream-encryption',
  title: 'Kinesis stream is not encrypted',
  severity: 'medium',
  csv: ['aws:kinesis-stream-encrypted'],
  checkov: ['CKV_AWS_43'],
  types: ['aws_kinesis_stream', 'AWS::Kinesis::Stream'],
  remediation: `resource "aws_kinesis_stream" "s" { encryption_type = "KMS"  kms_key_id = aws_kms_key.phi.arn }
CloudFormation: StreamEncryption: { EncryptionType: KMS, KeyId: !Ref PhiKey }`,
  check: (r) => {
    if (r.platform === 'cloudformation') return lower(at(r, 'StreamEncryption.EncryptionType')) === 'kms' ? undefined : v('StreamEncryption is not KMS', 'StreamEncryption');
    const t = at(r, 'encryption_type');
    return isUnknown(t) || lower(t) === 'kms' ? undefined : v('encryption_type is not KMS', 'encryption_type');
  },
});

export const efs = attrRule({
  id: 'iac/aws/efs-encryption',
  title: 'EFS file system is not encrypted',
  severity: 'high',
  csv: ['aws:efs-encrypted-check'],
  checkov: ['CKV_AWS_42'],
  remediation: `resource "aws_efs_file_system" "fs" { encrypted = true  kms_key_id = aws_kms_key.phi.arn }`,
  specs: [
    { types: ['aws_efs_file_system'], path: 'encrypted', is: 'true', message: 'encrypted is not true' },
    { types: ['AWS::EFS::FileSystem'], path: 'Encrypted', is: 'true', message: 'Encrypted is not true' },
  ],
});

export const efsBackup = defineRule({
  id: 'iac/aws/efs-backup-policy',
  title: 'EFS file system has no automatic backups',
  severity: 'medium',
  csv: ['aws:efs-in-backup-plan'],
  checkov: ['CKV2_AWS_18'],
  types: ['aws_efs_file_system', 'AWS::EFS::FileSystem'],
  remediation: `resource "aws_efs_backup_policy" "fs" { file_system_id = aws_efs_file_system.fs.id  backup_policy { status = "ENABLED" } }`,
  check: (r, m) => {
    if (r.platform === 'cloudformation') return lower(at(r, 'BackupPolicy.Status')) === 'enabled' ? undefined : v('BackupPolicy.Status is not ENABLED', 'BackupPolicy');
    const pols = m.referrers(r, ['aws_efs_backup_policy'], ['file_system_id']);
    const sel = m.referrers(r, ['aws_backup_selection'], ['resources']);
    return pols.some((p) => ['enabled', undefined].includes(lower(at(p, 'backup_policy.status'))) || isUnknown(at(p, 'backup_policy.status'))) || sel.length ? undefined : v('no aws_efs_backup_policy or backup selection');
  },
});

export const secretsCmk = defineRule({
  id: 'iac/aws/secretsmanager-kms-cmk',
  title: 'Secrets Manager secret is not encrypted with a customer managed key',
  severity: 'medium',
  csv: ['aws:secretsmanager-using-cmk'],
  checkov: ['CKV_AWS_149'],
  types: ['aws_secretsmanager_secret', 'AWS::SecretsManager::Secret'],
  remediation: `resource "aws_secretsmanager_secret" "s" { kms_key_id = aws_kms_key.secrets.arn }`,
  check: (r) => {
    const p = r.platform === 'cloudformation' ? 'KmsKeyId' : 'kms_key_id';
    const k = at(r, p);
    return isSet(k) && !(typeof k === 'string' && /(^|alias\/)aws\/secretsmanager$/.test(k)) ? undefined : v('uses the AWS managed key', p);
  },
});

export const secretsRotation = defineRule({
  id: 'iac/aws/secretsmanager-rotation',
  title: 'Secrets Manager secret has no automatic rotation',
  severity: 'medium',
  csv: ['aws:secretsmanager-rotation-enabled-check'],
  checkov: ['CKV2_AWS_57'],
  types: ['aws_secretsmanager_secret', 'AWS::SecretsManager::Secret'],
  remediation: `resource "aws_secretsmanager_secret_rotation" "s" { secret_id = aws_secretsmanager_secret.s.id  rotation_lambda_arn = aws_lambda_function.rotate.arn  rotation_rules { automatically_after_days = 30 } }`,
  check: (r, m) => {
    const rot = r.platform === 'cloudformation' ? m.referrers(r, ['AWS::SecretsManager::RotationSchedule'], ['SecretId']) : m.referrers(r, ['aws_secretsmanager_secret_rotation'], ['secret_id']);
    return rot.length || at(r, 'rotation_rules') !== undefined ? undefined : v('no rotation schedule for this secret');
  },
});

export const backupVault = attrRule({
  id: 'iac/aws/backup-vault-kms',
  title: 'Backup vault is not encrypted with a customer managed key',
  severity: 'medium',
  csv: ['aws:backup-recovery-point-encrypted'],
  checkov: ['CKV_AWS_166'],
  remediation: `resource "aws_backup_vault" "v" { kms_key_arn = aws_kms_key.backup.arn }`,
  specs: [
    { types: ['aws_backup_vault'], path: 'kms_key_arn', is: 'set', message: 'no kms_key_arn' },
    { types: ['AWS::Backup::BackupVault'], path: 'EncryptionKeyArn', is: 'set', message: 'no EncryptionKeyArn' },
  ],
});

export const backupPlan = defineRule({
  id: 'iac/aws/backup-plan-retention',
  title: 'Backup plan runs less than daily or keeps backups under 7 days',
  severity: 'medium',
  csv: ['aws:backup-plan-min-frequency-and-min-retention-check'],
  types: ['aws_backup_plan', 'AWS::Backup::BackupPlan'],
  remediation: `rule { rule_name = "daily"  target_vault_name = aws_backup_vault.v.name  schedule = "cron(0 5 ? * * *)"  lifecycle { delete_after = 35 } }`,
  check: (r) => {
    const cfn = r.platform === 'cloudformation';
    const rules = getAll(r.attributes, cfn ? 'BackupPlan.BackupPlanRule' : 'rule');
    if (rules.length === 0) return v('backup plan has no rules');
    for (const x of rules) {
      const del = asNumber(get(x, cfn ? 'Lifecycle.DeleteAfterDays' : 'lifecycle.delete_after'));
      if (del !== undefined && del < 7) return v(`backups are deleted after ${del} days`, cfn ? 'BackupPlan' : 'rule');
    }
    return undefined;
  },
});

export const backupLock = defineRule({
  id: 'iac/aws/backup-vault-lock',
  title: 'Backup vault has no lock against manual deletion',
  severity: 'low',
  csv: ['aws:backup-recovery-point-manual-deletion-disabled'],
  types: ['aws_backup_vault', 'AWS::Backup::BackupVault'],
  remediation: `resource "aws_backup_vault_lock_configuration" "v" { backup_vault_name = aws_backup_vault.v.name  min_retention_days = 7 }`,
  check: (r, m) => {
    if (r.platform === 'cloudformation') return at(r, 'LockConfiguration') !== undefined || at(r, 'AccessPolicy') !== undefined ? undefined : v('no LockConfiguration');
    return m.referrers(r, ['aws_backup_vault_lock_configuration', 'aws_backup_vault_policy'], ['backup_vault_name']).length ? undefined : v('no vault lock or policy');
  },
});

const BACKUP_TARGETS: Record<string, [string, string[]]> = {
  aws_rds_cluster: ['iac/aws/rds-cluster-backup-plan', ['CKV2_AWS_8']],
  aws_ebs_volume: ['iac/aws/ebs-backup-plan', ['CKV2_AWS_9']],
};

function inBackupPlan(id: string, type: string, checkov: string[], csv: string[]) {
  return defineRule({
    id,
    title: `${type} is not in an AWS Backup plan`,
    severity: 'medium',
    csv,
    checkov,
    types: [type],
    remediation: `resource "aws_backup_selection" "s" { plan_id = aws_backup_plan.p.id  iam_role_arn = aws_iam_role.backup.arn  resources = [${type}.x.arn] }`,
    check: (r, m) => (m.referrers(r, ['aws_backup_selection'], ['resources']).length ? undefined : v('no aws_backup_selection lists this resource')),
  });
}
export const rdsClusterBackup = inBackupPlan(BACKUP_TARGETS.aws_rds_cluster![0], 'aws_rds_cluster', BACKUP_TARGETS.aws_rds_cluster![1], ['aws:aurora-resources-protected-by-backup-plan']);
export const ebsBackup = inBackupPlan(BACKUP_TARGETS.aws_ebs_volume![0], 'aws_ebs_volume', BACKUP_TARGETS.aws_ebs_volume![1], ['aws:ebs-in-backup-plan']);
export const dynamoBackup = inBackupPlan('iac/aws/dynamodb-backup-plan', 'aws_dynamodb_table', [], ['aws:dynamodb-in-backup-plan']);

export const elasticacheBackup = attrRule({
  id: 'iac/aws/elasticache-redis-backup',
  title: 'ElastiCache Redis has no automatic snapshots',
  severity: 'low',
  csv: ['aws:elasticache-redis-cluster-automatic-backup-check'],
  checkov: ['CKV_AWS_134'],
  remediation: `resource "aws_elasticache_replication_group" "r" { snapshot_retention_limit = 7 }`,
  specs: [
    { types: ['aws_elasticache_replication_group'], path: 'snapshot_retention_limit', is: 'min', min: 1, message: 'snapshot_retention_limit is 0 or unset' },
    { types: ['AWS::ElastiCache::ReplicationGroup'], path: 'SnapshotRetentionLimit', is: 'min', min: 1, message: 'SnapshotRetentionLimit is 0 or unset' },
  ],
});

export const elasticacheTransit = attrRule({
  id: 'iac/aws/elasticache-encryption',
  title: 'ElastiCache replication group is not encrypted at rest and in transit',
  severity: 'high',
  hipaa: ['164.312(a)(2)(iv)', '164.312(e)(2)(ii)'],
  checkov: ['CKV_AWS_29', 'CKV_AWS_30'],
  remediation: `resource "aws_elasticache_replication_group" "r" { at_rest_encryption_enabled = true  transit_encryption_enabled = true }`,
  specs: [
    { types: ['aws_elasticache_replication_group'], path: 'at_rest_encryption_enabled', is: 'true', message: 'at_rest_encryption_enabled is not true' },
    { types: ['aws_elasticache_replication_group'], path: 'transit_encryption_enabled', is: 'true', message: 'transit_encryption_enabled is not true' },
    { types: ['AWS::ElastiCache::ReplicationGroup'], path: 'AtRestEncryptionEnabled', is: 'true', message: 'AtRestEncryptionEnabled is not true' },
    { types: ['AWS::ElastiCache::ReplicationGroup'], path: 'TransitEncryptionEnabled', is: 'true', message: 'TransitEncryptionEnabled is not true' },
  ],
});

export const docdb = attrRule({
  id: 'iac/aws/docdb-encryption',
  title: 'DocumentDB cluster is not encrypted at rest',
  severity: 'high',
  hipaa: ['164.312(a)(2)(iv)'],
  checkov: ['CKV_AWS_74'],
  remediation: `resource "aws_docdb_cluster" "c" { storage_encrypted = true  kms_key_id = aws_kms_key.phi.arn }`,
  specs: [
    { types: ['aws_docdb_cluster'], path: 'storage_encrypted', is: 'true', message: 'storage_encrypted is not true' },
    { types: ['AWS::DocDB::DBCluster'], path: 'StorageEncrypted', is: 'true', message: 'StorageEncrypted is not true' },
  ],
});

export const docdbTls = defineRule({
  id: 'iac/aws/docdb-tls',
  title: 'DocumentDB TLS is disabled',
  severity: 'high',
  hipaa: ['164.312(e)(1)', '164.312(e)(2)(ii)'],
  checkov: ['CKV_AWS_90'],
  types: ['aws_docdb_cluster_parameter_group', 'AWS::DocDB::DBClusterParameterGroup'],
  remediation: `parameter { name = "tls"  value = "enabled" }`,
  check: (r) => {
    if (r.platform === 'cloudformation') {
      const t = at(r, 'Parameters.tls');
      return lower(t) === 'disabled' ? v('tls is disabled', 'Parameters') : undefined;
    }
    const p = getAll(r.attributes, 'parameter').find((x) => get(x, 'name') === 'tls');
    return p && lower(get(p, 'value')) === 'disabled' ? v('tls is disabled', 'parameter') : undefined;
  },
});

export const msk = defineRule({
  id: 'iac/aws/msk-encryption',
  title: 'MSK cluster does not encrypt in transit (TLS only) or at rest with a CMK',
  severity: 'high',
  hipaa: ['164.312(a)(2)(iv)', '164.312(e)(2)(ii)'],
  checkov: ['CKV_AWS_81'],
  types: ['aws_msk_cluster', 'AWS::MSK::Cluster'],
  remediation: `encryption_info {
  encryption_at_rest_kms_key_arn = aws_kms_key.phi.arn
  encryption_in_transit { client_broker = "TLS"  in_cluster = true }
}`,
  check: (r) => {
    const cfn = r.platform === 'cloudformation';
    const ei = at(r, cfn ? 'EncryptionInfo' : 'encryption_info');
    if (!ei) return v('no encryption info', cfn ? 'EncryptionInfo' : 'encryption_info');
    const cb = lower(get(ei, cfn ? 'EncryptionInTransit.ClientBroker' : 'encryption_in_transit.client_broker'));
    const ic = get(ei, cfn ? 'EncryptionInTransit.InCluster' : 'encryption_in_transit.in_cluster');
    if (cb !== undefined && cb !== 'tls') return v(`client_broker = ${cb}`, cfn ? 'EncryptionInfo' : 'encryption_info');
    if (asBool(ic) === false) return v('in_cluster encryption is off', cfn ? 'EncryptionInfo' : 'encryption_info');
    if (cfn && !isSet(get(ei, 'EncryptionAtRest.DataVolumeKMSKeyId'))) return v('no EncryptionAtRest key', 'EncryptionInfo');
    return undefined;
  },
});

export const redshiftEncrypted = attrRule({
  id: 'iac/aws/redshift-encryption',
  title: 'Redshift cluster is not encrypted',
  severity: 'high',
  csv: ['aws:redshift-cluster-configuration-check'],
  checkov: ['CKV_AWS_64'],
  remediation: `resource "aws_redshift_cluster" "c" { encrypted = true  kms_key_id = aws_kms_key.phi.arn }`,
  specs: [
    { types: ['aws_redshift_cluster'], path: 'encrypted', is: 'true', message: 'encrypted is not true' },
    { types: ['AWS::Redshift::Cluster'], path: 'Encrypted', is: 'true', message: 'Encrypted is not true' },
  ],
});

export const redshiftKms = attrRule({
  id: 'iac/aws/redshift-kms-cmk',
  title: 'Redshift cluster is not encrypted with a customer managed KMS key',
  severity: 'medium',
  csv: ['aws:redshift-cluster-configuration-check'],
  checkov: ['CKV_AWS_142'],
  remediation: `resource "aws_redshift_cluster" "c" { encrypted = true  kms_key_id = aws_kms_key.phi.arn }`,
  specs: [
    { types: ['aws_redshift_cluster'], path: 'kms_key_id', is: 'set', message: 'no kms_key_id' },
    { types: ['AWS::Redshift::Cluster'], path: 'KmsKeyId', is: 'set', message: 'no KmsKeyId' },
  ],
});

export const redshiftPublic = attrRule({
  id: 'iac/aws/redshift-publicly-accessible',
  title: 'Redshift cluster is publicly accessible',
  severity: 'critical',
  csv: ['aws:redshift-cluster-public-access-check'],
  checkov: ['CKV_AWS_87'],
  remediation: `resource "aws_redshift_cluster" "c" { publicly_accessible = false }`,
  specs: [
    { types: ['aws_redshift_cluster'], path: 'publicly_accessible', is: 'false', absent: 'fail', message: 'publicly_accessible is not false (older providers default it to true)' },
    { types: ['AWS::Redshift::Cluster'], path: 'PubliclyAccessible', is: 'false', absent: 'fail', message: 'PubliclyAccessible is not false' },
  ],
});

export const redshiftLogging = defineRule({
  id: 'iac/aws/redshift-logging',
  title: 'Redshift audit logging is off',
  severity: 'medium',
  csv: ['aws:redshift-cluster-configuration-check'],
  checkov: ['CKV_AWS_71'],
  types: ['aws_redshift_cluster', 'AWS::Redshift::Cluster'],
  remediation: `resource "aws_redshift_logging" "c" { cluster_identifier = aws_redshift_cluster.c.id  log_destination_type = "cloudwatch"  log_exports = ["connectionlog", "userlog", "useractivitylog"] }`,
  check: (r, m) => {
    if (r.platform === 'cloudformation') return at(r, 'LoggingProperties') !== undefined ? undefined : v('no LoggingProperties');
    if (asBool(at(r, 'logging.enable')) === true) return undefined;
    return m.referrers(r, ['aws_redshift_logging'], ['cluster_identifier']).length ? undefined : v('no logging block or aws_redshift_logging', 'logging');
  },
});

export const redshiftSsl = defineRule({
  id: 'iac/aws/redshift-require-ssl',
  title: 'Redshift parameter group does not require SSL',
  severity: 'high',
  csv: ['aws:redshift-require-tls-ssl'],
  checkov: ['CKV_AWS_105'],
  types: ['aws_redshift_parameter_group', 'AWS::Redshift::ClusterParameterGroup'],
  remediation: `parameter { name = "require_ssl"  value = "true" }`,
  check: (r) => {
    const cfn = r.platform === 'cloudformation';
    const p = getAll(r.attributes, cfn ? 'Parameters' : 'parameter').find((x) => get(x, cfn ? 'ParameterName' : 'name') === 'require_ssl');
    const val = p ? get(p, cfn ? 'ParameterValue' : 'value') : undefined;
    return isUnknown(val) || asBool(val) === true ? undefined : v('require_ssl is not true', cfn ? 'Parameters' : 'parameter');
  },
});

export const redshiftBackup = attrRule({
  id: 'iac/aws/redshift-snapshot-retention',
  title: 'Redshift automated snapshots are off',
  severity: 'medium',
  csv: ['aws:redshift-backup-enabled'],
  checkov: ['CKV_AWS_343'],
  remediation: `resource "aws_redshift_cluster" "c" { automated_snapshot_retention_period = 7 }`,
  specs: [
    { types: ['aws_redshift_cluster'], path: 'automated_snapshot_retention_period', is: 'min', min: 1, absent: 'pass', message: 'automated_snapshot_retention_period = 0' },
    { types: ['AWS::Redshift::Cluster'], path: 'AutomatedSnapshotRetentionPeriod', is: 'min', min: 1, absent: 'pass', message: 'AutomatedSnapshotRetentionPeriod = 0' },
  ],
});

export const redshiftUpgrade = attrRule({
  id: 'iac/aws/redshift-version-upgrade',
  title: 'Redshift automatic version upgrades are off',
  severity: 'low',
  csv: ['aws:redshift-cluster-maintenancesettings-check'],
  checkov: ['CKV_AWS_141'],
  remediation: `resource "aws_redshift_cluster" "c" { allow_version_upgrade = true }`,
  specs: [
    { types: ['aws_redshift_cluster'], path: 'allow_version_upgrade', is: 'true', absent: 'pass', message: 'allow_version_upgrade = false' },
    { types: ['AWS::Redshift::Cluster'], path: 'AllowVersionUpgrade', is: 'true', absent: 'pass', message: 'AllowVersionUpgrade: false' },
  ],
});

const SEARCH = ['aws_elasticsearch_domain', 'aws_opensearch_domain'];
const SEARCH_CFN = ['AWS::Elasticsearch::Domain', 'AWS::OpenSearchService::Domain'];

export const searchAtRest = attrRule({
  id: 'iac/aws/opensearch-encryption-at-rest',
  title: 'OpenSearch/Elasticsearch domain is not encrypted at rest',
  severity: 'high',
  csv: ['aws:elasticsearch-encrypted-at-rest', 'aws:opensearch-encrypted-at-rest'],
  checkov: ['CKV_AWS_5'],
  remediation: `encrypt_at_rest { enabled = true  kms_key_id = aws_kms_key.phi.arn }`,
  specs: [
    { types: SEARCH, path: 'encrypt_at_rest.enabled', is: 'true', message: 'encrypt_at_rest is not enabled' },
    { types: SEARCH_CFN, path: 'EncryptionAtRestOptions.Enabled', is: 'true', message: 'EncryptionAtRestOptions.Enabled is not true' },
  ],
});

export const searchNodeToNode = defineRule({
  id: 'iac/aws/opensearch-node-to-node-encryption',
  title: 'OpenSearch/Elasticsearch node-to-node encryption is off',
  severity: 'high',
  csv: ['aws:elasticsearch-node-to-node-encryption-check', 'aws:opensearch-node-to-node-encryption-check'],
  checkov: ['CKV_AWS_6'],
  types: [...SEARCH, ...SEARCH_CFN],
  remediation: `node_to_node_encryption { enabled = true }`,
  check: (r) => {
    const cfn = r.platform === 'cloudformation';
    const n = asNumber(at(r, cfn ? 'ClusterConfig.InstanceCount' : 'cluster_config.instance_count'));
    // A single node has no node-to-node traffic to protect.
    if (n === undefined || n <= 1) return undefined;
    const e = at(r, cfn ? 'NodeToNodeEncryptionOptions.Enabled' : 'node_to_node_encryption.enabled');
    return isUnknown(e) || asBool(e) === true ? undefined : v('node_to_node_encryption is not enabled', cfn ? 'NodeToNodeEncryptionOptions' : 'node_to_node_encryption');
  },
});

export const searchHttps = defineRule({
  id: 'iac/aws/opensearch-enforce-https',
  title: 'OpenSearch/Elasticsearch domain does not enforce HTTPS with TLS 1.2',
  severity: 'high',
  csv: ['aws:opensearch-https-required'],
  checkov: ['CKV_AWS_83', 'CKV_AWS_228'],
  types: [...SEARCH, ...SEARCH_CFN],
  remediation: `domain_endpoint_options { enforce_https = true  tls_security_policy = "Policy-Min-TLS-1-2-2019-07" }`,
  check: (r) => {
    const cfn = r.platform === 'cloudformation';
    const e = at(r, cfn ? 'DomainEndpointOptions.EnforceHTTPS' : 'domain_endpoint_options.enforce_https');
    if (asBool(e) === false) return v('enforce_https = false', cfn ? 'DomainEndpointOptions' : 'domain_endpoint_options');
    const p = at(r, cfn ? 'DomainEndpointOptions.TLSSecurityPolicy' : 'domain_endpoint_options.tls_security_policy');
    return typeof p === 'string' && /TLS-1-0/.test(p) ? v(`tls_security_policy ${p} allows TLS 1.0`, cfn ? 'DomainEndpointOptions' : 'domain_endpoint_options') : undefined;
  },
});

export const searchLogs = defineRule({
  id: 'iac/aws/opensearch-logging',
  title: 'OpenSearch/Elasticsearch domain does not publish logs to CloudWatch',
  severity: 'medium',
  csv: ['aws:elasticsearch-logs-to-cloudwatch', 'aws:opensearch-logs-to-cloudwatch'],
  checkov: ['CKV_AWS_84', 'CKV_AWS_317'],
  types: [...SEARCH, ...SEARCH_CFN],
  remediation: `log_publishing_options { cloudwatch_log_group_arn = aws_cloudwatch_log_group.search.arn  log_type = "AUDIT_LOGS" }`,
  check: (r) => {
    if (r.platform === 'cloudformation') return at(r, 'LogPublishingOptions') !== undefined ? undefined : v('no LogPublishingOptions');
    const opts = getAll(r.attributes, 'log_publishing_options');
    if (opts.length === 0) return v('no log_publishing_options');
    return opts.some((o) => asBool(get(o, 'enabled')) !== false) ? undefined : v('every log_publishing_options block is disabled', 'log_publishing_options');
  },
});

export const searchVpc = defineRule({
  id: 'iac/aws/opensearch-in-vpc',
  title: 'OpenSearch/Elasticsearch domain is not in a VPC',
  severity: 'high',
  csv: ['aws:elasticsearch-in-vpc-only', 'aws:opensearch-in-vpc-only'],
  checkov: ['CKV_AWS_137'],
  types: [...SEARCH, ...SEARCH_CFN],
  remediation: `vpc_options { subnet_ids = [aws_subnet.private.id]  security_group_ids = [aws_security_group.search.id] }`,
  check: (r) => (at(r, r.platform === 'cloudformation' ? 'VPCOptions' : 'vpc_options') !== undefined ? undefined : v('domain has a public endpoint (no vpc_options)')),
});

export const sagemakerEndpoint = attrRule({
  id: 'iac/aws/sagemaker-endpoint-kms',
  title: 'SageMaker endpoint configuration has no KMS key',
  severity: 'medium',
  csv: ['aws:sagemaker-endpoint-configuration-kms-key-configured'],
  checkov: ['CKV_AWS_98'],
  remediation: `resource "aws_sagemaker_endpoint_configuration" "e" { kms_key_arn = aws_kms_key.phi.arn }`,
  specs: [
    { types: ['aws_sagemaker_endpoint_configuration'], path: 'kms_key_arn', is: 'set', message: 'no kms_key_arn' },
    { types: ['AWS::SageMaker::EndpointConfig'], path: 'KmsKeyId', is: 'set', message: 'no KmsKeyId' },
  ],
});

export const sagemakerNotebook = attrRule({
  id: 'iac/aws/sagemaker-notebook-kms',
  title: 'SageMaker notebook instance has no KMS key',
  severity: 'medium',
  csv: ['aws:sagemaker-notebook-instance-kms-key-configured'],
  checkov: ['CKV_AWS_22'],
  remediation: `resource "aws_sagemaker_notebook_instance" "n" { kms_key_id = aws_kms_key.phi.id }`,
  specs: [
    { types: ['aws_sagemaker_notebook_instance'], path: 'kms_key_id', is: 'set', message: 'no kms_key_id' },
    { types: ['AWS::SageMaker::NotebookInstance'], path: 'KmsKeyId', is: 'set', message: 'no KmsKeyId' },
  ],
});

export const sagemakerInternet = attrRule({
  id: 'iac/aws/sagemaker-notebook-direct-internet',
  title: 'SageMaker notebook instance has direct internet access',
  severity: 'high',
  csv: ['aws:sagemaker-notebook-no-direct-internet-access'],
  checkov: ['CKV_AWS_122'],
  remediation: `resource "aws_sagemaker_notebook_instance" "n" { direct_internet_access = "Disabled"  subnet_id = aws_subnet.private.id }`,
  specs: [
    { types: ['aws_sagemaker_notebook_instance'], path: 'direct_internet_access', is: 'eq', values: ['Disabled'], message: 'direct_internet_access is not Disabled' },
    { types: ['AWS::SageMaker::NotebookInstance'], path: 'DirectInternetAccess', is: 'eq', values: ['Disabled'], message: 'DirectInternetAccess is not Disabled' },
  ],
});

export default [
  dynamoPitr, dynamoCmk, dax, sns, sqs, kinesis, efs, efsBackup, secretsCmk, secretsRotation, backupVault, backupPlan, backupLock,
  rdsClusterBackup, ebsBackup, dynamoBackup, elasticacheBackup, elasticacheTransit, docdb, docdbTls, msk,
  redshiftEncrypted, redshiftKms, redshiftPublic, redshiftLogging, redshiftSsl, redshiftBackup, redshiftUpgrade,
  searchAtRest, searchNodeToNode, searchHttps, searchLogs, searchVpc, sagemakerEndpoint, sagemakerNotebook, sagemakerInternet,
];
