/** CloudTrail, CloudWatch Logs and alarms, KMS keys: the audit-control and key-management rules. */
import type { IacResource, Json } from '../../model.js';
import type { ModelIndex } from '../context.js';
import { attrRule } from '../simple.js';
import { defineRule } from '../types.js';
import { asBool, asList, asNumber, at, get, getAll, isSet, isUnknown, lower, policyDoc, statements, v } from '../helpers.js';

const TRAIL = ['aws_cloudtrail', 'AWS::CloudTrail::Trail'];

export const trailKms = attrRule({
  id: 'iac/aws/cloudtrail-encryption',
  title: 'CloudTrail logs are not encrypted with a KMS key',
  severity: 'medium',
  csv: ['aws:cloud-trail-encryption-enabled'],
  checkov: ['CKV_AWS_35'],
  remediation: `resource "aws_cloudtrail" "t" { kms_key_id = aws_kms_key.audit.arn }
CloudFormation: KMSKeyId: !Ref AuditKey`,
  specs: [
    { types: ['aws_cloudtrail'], path: 'kms_key_id', is: 'set', message: 'no kms_key_id' },
    { types: ['AWS::CloudTrail::Trail'], path: 'KMSKeyId', is: 'set', message: 'no KMSKeyId' },
  ],
});

export const trailValidation = attrRule({
  id: 'iac/aws/cloudtrail-log-file-validation',
  title: 'CloudTrail log file validation is off',
  severity: 'medium',
  csv: ['aws:cloud-trail-log-file-validation-enabled'],
  checkov: ['CKV_AWS_36'],
  remediation: `resource "aws_cloudtrail" "t" { enable_log_file_validation = true }`,
  specs: [
    { types: ['aws_cloudtrail'], path: 'enable_log_file_validation', is: 'true', message: 'enable_log_file_validation is not true' },
    { types: ['AWS::CloudTrail::Trail'], path: 'EnableLogFileValidation', is: 'true', message: 'EnableLogFileValidation is not true' },
  ],
});

export const trailMultiRegion = attrRule({
  id: 'iac/aws/cloudtrail-multi-region',
  title: 'CloudTrail trail is not multi-region',
  severity: 'medium',
  csv: ['aws:multi-region-cloudtrail-enabled'],
  checkov: ['CKV_AWS_67'],
  remediation: `resource "aws_cloudtrail" "t" { is_multi_region_trail = true }`,
  specs: [
    { types: ['aws_cloudtrail'], path: 'is_multi_region_trail', is: 'true', message: 'is_multi_region_trail is not true' },
    { types: ['AWS::CloudTrail::Trail'], path: 'IsMultiRegionTrail', is: 'true', message: 'IsMultiRegionTrail is not true' },
  ],
});

export const trailCloudWatch = attrRule({
  id: 'iac/aws/cloudtrail-cloudwatch-logs',
  title: 'CloudTrail is not integrated with CloudWatch Logs',
  severity: 'low',
  csv: ['aws:cloud-trail-cloud-watch-logs-enabled'],
  checkov: ['CKV2_AWS_10'],
  remediation: `resource "aws_cloudtrail" "t" {
  cloud_watch_logs_group_arn = "\${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn  = aws_iam_role.trail_to_cw.arn
}`,
  specs: [
    { types: ['aws_cloudtrail'], path: 'cloud_watch_logs_group_arn', is: 'set', message: 'no cloud_watch_logs_group_arn' },
    { types: ['AWS::CloudTrail::Trail'], path: 'CloudWatchLogsLogGroupArn', is: 'set', message: 'no CloudWatchLogsLogGroupArn' },
  ],
});

export const trailEnabled = attrRule({
  id: 'iac/aws/cloudtrail-logging-enabled',
  title: 'CloudTrail logging is turned off',
  severity: 'high',
  csv: ['aws:cloudtrail-enabled'],
  checkov: ['CKV_AWS_251'],
  remediation: `resource "aws_cloudtrail" "t" { enable_logging = true }`,
  specs: [
    { types: ['aws_cloudtrail'], path: 'enable_logging', is: 'true', absent: 'pass', message: 'enable_logging = false' },
    { types: ['AWS::CloudTrail::Trail'], path: 'IsLogging', is: 'true', message: 'IsLogging is not true' },
  ],
});

export const trailDataEvents = defineRule({
  id: 'iac/aws/cloudtrail-s3-data-events',
  title: 'CloudTrail does not record S3 data events',
  severity: 'low',
  csv: ['aws:cloudtrail-s3-dataevents-enabled'],
  types: TRAIL,
  remediation: `event_selector {
  read_write_type = "All"
  data_resource { type = "AWS::S3::Object"  values = ["arn:aws:s3"] }
}`,
  check: (r) => {
    const s = JSON.stringify(r.attributes);
    return /AWS::S3::Object/.test(s) || /"resources\.type"|"field":"resources.type"|eventCategory/.test(s) ? undefined : v('no event selector for AWS::S3::Object');
  },
});

/** Cross-resource: the trail's bucket must be private and encrypted. */
export const trailBucket = defineRule({
  id: 'iac/aws/cloudtrail-bucket-protected',
  title: 'CloudTrail writes to a bucket that is public or unencrypted',
  severity: 'high',
  csv: ['aws:cloud-trail-encryption-enabled', 'aws:s3-bucket-public-read-prohibited'],
  types: TRAIL,
  remediation: `Give the trail bucket a public access block and default encryption:
resource "aws_s3_bucket_public_access_block" "trail" { bucket = aws_s3_bucket.trail.id  block_public_acls = true  block_public_policy = true  ignore_public_acls = true  restrict_public_buckets = true }
resource "aws_s3_bucket_server_side_encryption_configuration" "trail" { bucket = aws_s3_bucket.trail.id  rule { apply_server_side_encryption_by_default { sse_algorithm = "aws:kms" } } }`,
  check: (r, m) => {
    const cfn = r.platform === 'cloudformation';
    const ref = at(r, cfn ? 'S3BucketName' : 's3_bucket_name');
    const buckets = [...m.deref(r, ref ?? null), ...m.sameStack(r, cfn ? 'AWS::S3::Bucket' : 'aws_s3_bucket').filter((b) => !isUnknown(ref) && typeof ref === 'string' && (at(b, 'bucket') === ref || at(b, 'BucketName') === ref))].filter((b) => b.type === 'aws_s3_bucket' || b.type === 'AWS::S3::Bucket');
    for (const b of buckets) {
      const problems = bucketWeakness(b, m);
      if (problems.length) return v(`trail bucket ${b.address}: ${problems.join(', ')}`, cfn ? 'S3BucketName' : 's3_bucket_name');
    }
    return undefined;
  },
});

function bucketWeakness(b: IacResource, m: ModelIndex): string[] {
  const out: string[] = [];
  const acl = lower(at(b, 'acl') ?? at(b, 'AccessControl'));
  const splitAcl = m.referrers(b, ['aws_s3_bucket_acl'], ['bucket']).map((x) => lower(at(x, 'acl')));
  if ([acl, ...splitAcl].some((a) => a && /public|authenticated/.test(a))) out.push('public ACL');
  const enc = b.platform === 'cloudformation' ? at(b, 'BucketEncryption') !== undefined : at(b, 'server_side_encryption_configuration') !== undefined || m.referrers(b, ['aws_s3_bucket_server_side_encryption_configuration'], ['bucket']).length > 0;
  if (!enc) out.push('no default encryption');
  return out;
}

export const logGroupKms = attrRule({
  id: 'iac/aws/cloudwatch-log-group-kms',
  title: 'CloudWatch log group is not encrypted with KMS',
  severity: 'medium',
  hipaa: ['164.312(a)(2)(iv)', '164.312(b)'],
  checkov: ['CKV_AWS_158'],
  remediation: `resource "aws_cloudwatch_log_group" "g" { kms_key_id = aws_kms_key.logs.arn }`,
  specs: [
    { types: ['aws_cloudwatch_log_group'], path: 'kms_key_id', is: 'set', message: 'no kms_key_id' },
    { types: ['AWS::Logs::LogGroup'], path: 'KmsKeyId', is: 'set', message: 'no KmsKeyId' },
  ],
});

export const logRetentionSet = attrRule({
  id: 'iac/aws/cloudwatch-log-retention-set',
  title: 'CloudWatch log group has no retention setting',
  severity: 'low',
  hipaa: ['164.312(b)', '164.316(b)(2)(i)'],
  checkov: ['CKV_AWS_66'],
  remediation: `resource "aws_cloudwatch_log_group" "g" { retention_in_days = 2192 }`,
  specs: [
    { types: ['aws_cloudwatch_log_group'], path: 'retention_in_days', is: 'set', message: 'retention_in_days is not set' },
    { types: ['AWS::Logs::LogGroup'], path: 'RetentionInDays', is: 'set', message: 'RetentionInDays is not set' },
  ],
});

export const logRetention = defineRule({
  id: 'iac/aws/cloudwatch-log-retention',
  title: 'CloudWatch log group keeps logs less than a year',
  severity: 'low',
  hipaa: ['164.312(b)', '164.316(b)(2)(i)'],
  checkov: ['CKV_AWS_338'],
  types: ['aws_cloudwatch_log_group', 'AWS::Logs::LogGroup'],
  remediation: `resource "aws_cloudwatch_log_group" "g" { retention_in_days = 2192 }   # or 0 = never expire`,
  check: (r) => {
    const p = r.platform === 'cloudformation' ? 'RetentionInDays' : 'retention_in_days';
    const x = at(r, p);
    if (isUnknown(x)) return undefined;
    if (x === undefined || x === null) return undefined;
    const n = asNumber(x);
    return n === 0 || (n !== undefined && n >= 365) ? undefined : v(`${p} = ${String(x)} is under 365 days`, p);
  },
});

export const alarmActions = defineRule({
  id: 'iac/aws/cloudwatch-alarm-actions',
  title: 'CloudWatch alarm has no actions',
  severity: 'low',
  csv: ['aws:cloudwatch-alarm-action-check'],
  checkov: ['CKV_AWS_319'],
  types: ['aws_cloudwatch_metric_alarm', 'AWS::CloudWatch::Alarm'],
  remediation: `resource "aws_cloudwatch_metric_alarm" "a" { alarm_actions = [aws_sns_topic.security.arn]  actions_enabled = true }`,
  check: (r) => {
    const cfn = r.platform === 'cloudformation';
    if (asBool(at(r, cfn ? 'ActionsEnabled' : 'actions_enabled')) === false) return v('actions are disabled', cfn ? 'ActionsEnabled' : 'actions_enabled');
    return isSet(at(r, cfn ? 'AlarmActions' : 'alarm_actions')) ? undefined : v('no alarm actions', cfn ? 'AlarmActions' : 'alarm_actions');
  },
});

const SYMMETRIC = (spec: Json | undefined) => spec === undefined || spec === null || spec === 'SYMMETRIC_DEFAULT';

export const kmsRotation = defineRule({
  id: 'iac/aws/kms-key-rotation',
  title: 'KMS key rotation is not enabled',
  severity: 'medium',
  hipaa: ['164.312(a)(2)(iv)'],
  checkov: ['CKV_AWS_7'],
  types: ['aws_kms_key', 'AWS::KMS::Key'],
  remediation: `resource "aws_kms_key" "k" { enable_key_rotation = true }
CloudFormation: EnableKeyRotation: true`,
  check: (r) => {
    const cfn = r.platform === 'cloudformation';
    if (!SYMMETRIC(at(r, cfn ? 'KeySpec' : 'customer_master_key_spec'))) return undefined;
    const x = at(r, cfn ? 'EnableKeyRotation' : 'enable_key_rotation');
    return isUnknown(x) || asBool(x) === true ? undefined : v('key rotation is off', cfn ? 'EnableKeyRotation' : 'enable_key_rotation');
  },
});

const DATA_STORES: Array<[string, string]> = [
  ['aws_db_instance', 'kms_key_id'], ['aws_rds_cluster', 'kms_key_id'], ['aws_dynamodb_table', 'server_side_encryption.kms_key_arn'],
  ['aws_ebs_volume', 'kms_key_id'], ['aws_redshift_cluster', 'kms_key_id'], ['aws_s3_bucket_server_side_encryption_configuration', 'rule.apply_server_side_encryption_by_default.kms_master_key_id'],
  ['AWS::RDS::DBInstance', 'KmsKeyId'], ['AWS::RDS::DBCluster', 'KmsKeyId'], ['AWS::DynamoDB::Table', 'SSESpecification.KMSMasterKeyId'],
];

/** Cross-resource: a key that protects a database must rotate. */
export const dbKeyRotation = defineRule({
  id: 'iac/aws/database-kms-key-rotation',
  title: 'Database is encrypted with a KMS key that does not rotate',
  severity: 'high',
  hipaa: ['164.312(a)(2)(iv)'],
  types: DATA_STORES.map(([t]) => t),
  remediation: `Turn on rotation on the key the database uses:
resource "aws_kms_key" "db" { enable_key_rotation = true }`,
  check: (r, m) => {
    const path = DATA_STORES.find(([t]) => t === r.type)![1];
    const keys = getAll(r.attributes, path).flatMap((x) => m.deref(r, x)).filter((k) => k.type === 'aws_kms_key' || k.type === 'AWS::KMS::Key');
    const bad = keys.find((k) => kmsRotation.check(k, m));
    return bad ? v(`KMS key ${bad.address} has rotation off`, path) : undefined;
  },
});

function wildcardPrincipal(p: Json | undefined): boolean {
  if (p === '*') return true;
  if (Array.isArray(p)) return p.some(wildcardPrincipal);
  if (p && typeof p === 'object') return Object.values(p).some((x) => asList(x).some((y) => y === '*'));
  return false;
}

export const kmsWildcard = defineRule({
  id: 'iac/aws/kms-key-policy-wildcard-principal',
  title: 'KMS key policy allows any principal',
  severity: 'critical',
  hipaa: ['164.312(a)(1)', '164.312(a)(2)(iv)'],
  checkov: ['CKV_AWS_33'],
  types: ['aws_kms_key', 'AWS::KMS::Key'],
  remediation: `Name the account or roles that may use the key:
"Principal": { "AWS": "arn:aws:iam::111122223333:root" }   # never "*" without a restricting Condition`,
  check: (r) => {
    const doc = policyDoc(at(r, r.platform === 'cloudformation' ? 'KeyPolicy' : 'policy'));
    const bad = statements(doc).find((s) => s.Effect === 'Allow' && wildcardPrincipal(s.Principal) && !s.Condition);
    return bad ? v('an Allow statement has Principal "*" and no Condition', r.platform === 'cloudformation' ? 'KeyPolicy' : 'policy') : undefined;
  },
});

export const kmsDeletion = defineRule({
  id: 'iac/aws/kms-key-deletion',
  title: 'KMS key is disabled or has a short deletion window',
  severity: 'medium',
  csv: ['aws:kms-cmk-not-scheduled-for-deletion'],
  checkov: ['CKV_AWS_227'],
  types: ['aws_kms_key', 'AWS::KMS::Key'],
  remediation: `resource "aws_kms_key" "k" { is_enabled = true  deletion_window_in_days = 30 }`,
  check: (r) => {
    const cfn = r.platform === 'cloudformation';
    if (asBool(at(r, cfn ? 'Enabled' : 'is_enabled')) === false) return v('the key is disabled: data encrypted with it is unreadable', cfn ? 'Enabled' : 'is_enabled');
    const w = asNumber(at(r, cfn ? 'PendingWindowInDays' : 'deletion_window_in_days'));
    return w !== undefined && w < 14 ? v(`deletion window of ${w} days leaves little time to stop an accidental deletion`, cfn ? 'PendingWindowInDays' : 'deletion_window_in_days') : undefined;
  },
});

export default [trailKms, trailValidation, trailMultiRegion, trailCloudWatch, trailEnabled, trailDataEvents, trailBucket, logGroupKms, logRetentionSet, logRetention, alarmActions, kmsRotation, dbKeyRotation, kmsWildcard, kmsDeletion];
