/**
 * S3 buckets. Terraform AWS provider v4+ moved bucket settings to separate resources
 * (`aws_s3_bucket_server_side_encryption_configuration`, `_versioning`, `_logging`,
 * `_public_access_block`, `_acl` ...); each rule accepts the inline (v3) form or a split resource
 * that points at the bucket.
 */
import type { IacResource, Json } from '../../model.js';
import type { ModelIndex } from '../context.js';
import { defineRule } from '../types.js';
import { asBool, at, byPlatform, get, getAll, isUnknown, lower, policyDoc, statements, v, asList } from '../helpers.js';

const BUCKET = ['aws_s3_bucket', 'AWS::S3::Bucket'];
const split = (m: ModelIndex, b: IacResource, type: string) => m.referrers(b, [type], ['bucket']);

function sseAlgorithms(b: IacResource, m: ModelIndex): Json[] | undefined {
  const inline = getAll(b.attributes, 'server_side_encryption_configuration.rule.apply_server_side_encryption_by_default');
  const sep = split(m, b, 'aws_s3_bucket_server_side_encryption_configuration').flatMap((r) => getAll(r.attributes, 'rule.apply_server_side_encryption_by_default'));
  const blocks = [...inline, ...sep];
  const hasConfig = b.attributes.server_side_encryption_configuration !== undefined || split(m, b, 'aws_s3_bucket_server_side_encryption_configuration').length > 0;
  if (!hasConfig) return undefined;
  return blocks.map((x) => (x && typeof x === 'object' && !Array.isArray(x) ? (x.sse_algorithm ?? null) : null));
}

const VALID_SSE = ['aes256', 'aws:kms', 'aws:kms:dsse'];

export const s3Encryption = defineRule({
  id: 'iac/aws/s3-bucket-encryption',
  title: 'S3 bucket has no default server-side encryption',
  severity: 'high',
  csv: ['aws:s3-bucket-server-side-encryption-enabled'],
  checkov: ['CKV_AWS_19'],
  types: BUCKET,
  remediation: `Declare default encryption for the bucket (provider v4+: a separate resource).
resource "aws_s3_bucket_server_side_encryption_configuration" "b" {
  bucket = aws_s3_bucket.b.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.phi.arn
    }
  }
}
CloudFormation: BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: aws:kms, KMSMasterKeyID: !Ref PhiKey } }] }`,
  check: byPlatform({
    tf: (b, m) => {
      const algs = sseAlgorithms(b, m);
      if (!algs) return v('no server-side encryption configuration (inline or aws_s3_bucket_server_side_encryption_configuration)');
      const bad = algs.find((a) => !isUnknown(a) && !VALID_SSE.includes(lower(a) ?? ''));
      if (algs.length === 0 || bad !== undefined) return v(`server-side encryption algorithm ${JSON.stringify(bad ?? null)} is not AES256 or aws:kms`, 'server_side_encryption_configuration');
      return undefined;
    },
    cfn: (b) => {
      const rules = getAll(b.attributes, 'BucketEncryption.ServerSideEncryptionConfiguration');
      if (rules.length === 0) return v('no BucketEncryption', 'BucketEncryption');
      const algs = rules.map((r) => get(r, 'ServerSideEncryptionByDefault.SSEAlgorithm'));
      return algs.some((a) => a === undefined || (!isUnknown(a) && !VALID_SSE.includes(lower(a) ?? ''))) ? v('SSEAlgorithm is not AES256 or aws:kms', 'BucketEncryption') : undefined;
    },
  }),
});

export const s3Kms = defineRule({
  id: 'iac/aws/s3-bucket-kms-encryption',
  title: 'S3 bucket default encryption does not use KMS',
  severity: 'medium',
  csv: ['aws:s3-default-encryption-kms'],
  checkov: ['CKV_AWS_145'],
  types: BUCKET,
  remediation: `Use SSE-KMS with a customer managed key so key use is logged and access to ePHI can be revoked.
rule { apply_server_side_encryption_by_default { sse_algorithm = "aws:kms"  kms_master_key_id = aws_kms_key.phi.arn } }`,
  check: byPlatform({
    tf: (b, m) => {
      const algs = sseAlgorithms(b, m);
      if (!algs || algs.length === 0) return v('default encryption is not SSE-KMS');
      return algs.some((a) => !isUnknown(a) && !['aws:kms', 'aws:kms:dsse'].includes(lower(a) ?? '')) ? v('default encryption is not SSE-KMS', 'server_side_encryption_configuration') : undefined;
    },
    cfn: (b) => {
      const algs = getAll(b.attributes, 'BucketEncryption.ServerSideEncryptionConfiguration.ServerSideEncryptionByDefault.SSEAlgorithm');
      return algs.length > 0 && algs.every((a) => isUnknown(a) || ['aws:kms', 'aws:kms:dsse'].includes(lower(a) ?? '')) ? undefined : v('default encryption is not SSE-KMS', 'BucketEncryption');
    },
  }),
});

export const s3Versioning = defineRule({
  id: 'iac/aws/s3-bucket-versioning',
  title: 'S3 bucket versioning is not enabled',
  severity: 'medium',
  csv: ['aws:s3-bucket-versioning-enabled'],
  checkov: ['CKV_AWS_21'],
  types: BUCKET,
  remediation: `Enable versioning so overwritten or deleted ePHI objects can be recovered.
resource "aws_s3_bucket_versioning" "b" {
  bucket = aws_s3_bucket.b.id
  versioning_configuration { status = "Enabled" }
}
CloudFormation: VersioningConfiguration: { Status: Enabled }`,
  check: byPlatform({
    tf: (b, m) => {
      const inline = at(b, 'versioning.enabled');
      if (inline !== undefined && (isUnknown(inline) || asBool(inline) === true)) return undefined;
      const sep = split(m, b, 'aws_s3_bucket_versioning').map((r) => at(r, 'versioning_configuration.status'));
      if (sep.some((s) => isUnknown(s) || s === 'Enabled')) return undefined;
      return v('versioning is not enabled', 'versioning');
    },
    cfn: (b) => {
      const s = at(b, 'VersioningConfiguration.Status');
      return s === 'Enabled' || isUnknown(s) ? undefined : v('VersioningConfiguration.Status is not Enabled', 'VersioningConfiguration');
    },
  }),
});

export const s3Logging = defineRule({
  id: 'iac/aws/s3-bucket-logging',
  title: 'S3 bucket server access logging is not enabled',
  severity: 'medium',
  csv: ['aws:s3-bucket-logging-enabled'],
  checkov: ['CKV_AWS_18'],
  types: BUCKET,
  remediation: `Send server access logs to a separate log bucket.
resource "aws_s3_bucket_logging" "b" {
  bucket        = aws_s3_bucket.b.id
  target_bucket = aws_s3_bucket.logs.id
  target_prefix = "s3/b/"
}
CloudFormation: LoggingConfiguration: { DestinationBucketName: !Ref LogBucket, LogFilePrefix: s3/b/ }`,
  check: byPlatform({
    tf: (b, m) => {
      if (getAll(b.attributes, 'logging').length > 0) return undefined;
      if (split(m, b, 'aws_s3_bucket_logging').length > 0) return undefined;
      return v('no access logging (inline logging block or aws_s3_bucket_logging)');
    },
    cfn: (b) => (at(b, 'LoggingConfiguration') !== undefined ? undefined : v('no LoggingConfiguration')),
  }),
});

const PUBLIC_READ_ACLS = ['public-read', 'public-read-write', 'website', 'authenticated-read'];
const ALL_USERS = /acs\.amazonaws\.com\/groups\/global\/(AllUsers|AuthenticatedUsers)/;

function aclProblem(b: IacResource, m: ModelIndex, acls: string[], perms: string[]): string | undefined {
  const cands: Array<Json | undefined> = [at(b, 'acl'), ...split(m, b, 'aws_s3_bucket_acl').map((r) => at(r, 'acl')), at(b, 'AccessControl')];
  const bad = cands.find((a) => typeof a === 'string' && acls.includes(a.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()));
  if (bad) return `ACL ${bad} grants public access`;
  const grants = [...getAll(b.attributes, 'grant'), ...split(m, b, 'aws_s3_bucket_acl').flatMap((r) => getAll(r.attributes, 'access_control_policy.grant'))];
  for (const g of grants) {
    const uri = get(g, 'grantee.uri') ?? get(g, 'uri');
    const p = get(g, 'permission') ?? get(g, 'permissions');
    const ps = asList(p).map((x) => String(x).toUpperCase());
    if (typeof uri === 'string' && ALL_USERS.test(uri) && ps.some((x) => perms.includes(x))) return `grant gives ${ps.join('/')} to ${uri.split('/').pop()}`;
  }
  return undefined;
}

export const s3PublicRead = defineRule({
  id: 'iac/aws/s3-bucket-public-read',
  title: 'S3 bucket ACL allows public read',
  severity: 'critical',
  csv: ['aws:s3-bucket-public-read-prohibited'],
  checkov: ['CKV_AWS_20'],
  types: BUCKET,
  remediation: `Keep the bucket private and block public ACLs.
resource "aws_s3_bucket_acl" "b" { bucket = aws_s3_bucket.b.id  acl = "private" }
CloudFormation: AccessControl: Private`,
  check: (b, m) => {
    const p = aclProblem(b, m, PUBLIC_READ_ACLS, ['READ', 'READ_ACP', 'FULL_CONTROL']);
    return p ? v(p, b.platform === 'cloudformation' ? 'AccessControl' : 'acl') : undefined;
  },
});

export const s3PublicWrite = defineRule({
  id: 'iac/aws/s3-bucket-public-write',
  title: 'S3 bucket ACL allows public write',
  severity: 'critical',
  csv: ['aws:s3-bucket-public-write-prohibited'],
  checkov: ['CKV_AWS_57'],
  types: BUCKET,
  remediation: `Remove public-read-write ACLs and grants to AllUsers.
resource "aws_s3_bucket_acl" "b" { bucket = aws_s3_bucket.b.id  acl = "private" }`,
  check: (b, m) => {
    const p = aclProblem(b, m, ['public-read-write'], ['WRITE', 'WRITE_ACP', 'FULL_CONTROL']);
    return p ? v(p, b.platform === 'cloudformation' ? 'AccessControl' : 'acl') : undefined;
  },
});

const PAB_FLAGS_TF = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'];
const PAB_FLAGS_CFN = ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'];

export const s3PublicAccessBlock = defineRule({
  id: 'iac/aws/s3-bucket-public-access-block',
  title: 'S3 bucket has no public access block',
  severity: 'high',
  csv: ['aws:s3-bucket-public-read-prohibited', 'aws:s3-bucket-public-write-prohibited'],
  checkov: ['CKV2_AWS_6'],
  types: BUCKET,
  remediation: `Attach a public access block with all four settings on.
resource "aws_s3_bucket_public_access_block" "b" {
  bucket                  = aws_s3_bucket.b.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
CloudFormation: PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true }`,
  check: byPlatform({
    tf: (b, m) => {
      const pabs = split(m, b, 'aws_s3_bucket_public_access_block');
      if (pabs.length === 0) return v('no aws_s3_bucket_public_access_block for this bucket');
      const ok = pabs.some((p) => ['block_public_acls', 'block_public_policy'].every((f) => at(p, f) === undefined ? false : asBool(at(p, f)) !== false));
      return ok ? undefined : v('public access block leaves public ACLs or policies allowed');
    },
    cfn: (b) => {
      const c = at(b, 'PublicAccessBlockConfiguration');
      if (!c) return v('no PublicAccessBlockConfiguration');
      return PAB_FLAGS_CFN.slice(0, 2).every((f) => asBool(get(c, f)) !== false && get(c, f) !== undefined) ? undefined : v('public access block leaves public ACLs or policies allowed', 'PublicAccessBlockConfiguration');
    },
  }),
});

export const s3AccountPab = defineRule({
  id: 'iac/aws/s3-account-public-access-block',
  title: 'Account-level S3 public access block is not fully on',
  severity: 'high',
  csv: ['aws:s3-account-level-public-access-blocks-periodic'],
  types: ['aws_s3_account_public_access_block'],
  remediation: `resource "aws_s3_account_public_access_block" "this" {
  block_public_acls = true  block_public_policy = true  ignore_public_acls = true  restrict_public_buckets = true
}`,
  check: (r) => {
    const off = PAB_FLAGS_TF.filter((f) => !isUnknown(at(r, f)) && asBool(at(r, f)) !== true);
    return off.length ? v(`${off.join(', ')} not true`, off[0]) : undefined;
  },
});

function denyInsecureTransport(policy: Json | undefined): boolean {
  return statements(policyDoc(policy)).some((s) => {
    if (s.Effect !== 'Deny') return false;
    const c = JSON.stringify(s.Condition ?? {});
    return /aws:SecureTransport/i.test(c) && /false/i.test(c);
  });
}

export const s3SslOnly = defineRule({
  id: 'iac/aws/s3-bucket-ssl-requests-only',
  title: 'S3 bucket policy does not deny requests without TLS',
  severity: 'medium',
  csv: ['aws:s3-bucket-ssl-requests-only'],
  types: BUCKET,
  remediation: `Add a bucket policy statement denying any request where aws:SecureTransport is false.
statement {
  effect = "Deny"  actions = ["s3:*"]  resources = [aws_s3_bucket.b.arn, "\${aws_s3_bucket.b.arn}/*"]
  principals { type = "*"  identifiers = ["*"] }
  condition { test = "Bool"  variable = "aws:SecureTransport"  values = ["false"] }
}`,
  check: (b, m) => {
    const pols = b.platform === 'cloudformation' ? m.referrers(b, ['AWS::S3::BucketPolicy'], ['Bucket']).map((p) => at(p, 'PolicyDocument')) : [at(b, 'policy'), ...split(m, b, 'aws_s3_bucket_policy').map((p) => at(p, 'policy'))];
    if (pols.some((p) => isUnknown(p))) return undefined;
    return pols.some(denyInsecureTransport) ? undefined : v('no bucket policy statement denies aws:SecureTransport = false');
  },
});

export const s3Replication = defineRule({
  id: 'iac/aws/s3-bucket-replication',
  title: 'S3 bucket has no cross-region replication',
  severity: 'low',
  csv: ['aws:s3-bucket-replication-enabled'],
  checkov: ['CKV_AWS_144'],
  types: BUCKET,
  remediation: `resource "aws_s3_bucket_replication_configuration" "b" {
  bucket = aws_s3_bucket.b.id  role = aws_iam_role.replication.arn
  rule { status = "Enabled"  destination { bucket = aws_s3_bucket.replica.arn } }
}`,
  check: byPlatform({
    tf: (b, m) => (at(b, 'replication_configuration') !== undefined || split(m, b, 'aws_s3_bucket_replication_configuration').length > 0 ? undefined : v('no replication configuration')),
    cfn: (b) => (at(b, 'ReplicationConfiguration') !== undefined ? undefined : v('no ReplicationConfiguration')),
  }),
});

export const s3ObjectLock = defineRule({
  id: 'iac/aws/s3-bucket-object-lock',
  title: 'S3 bucket has no object lock',
  severity: 'low',
  csv: ['aws:s3-bucket-default-lock-enabled'],
  checkov: ['CKV_AWS_143'],
  types: BUCKET,
  remediation: `resource "aws_s3_bucket" "b" { object_lock_enabled = true }
CloudFormation: ObjectLockEnabled: true`,
  check: byPlatform({
    tf: (b, m) => (asBool(at(b, 'object_lock_enabled')) === true || isUnknown(at(b, 'object_lock_enabled')) || at(b, 'object_lock_configuration') !== undefined || split(m, b, 'aws_s3_bucket_object_lock_configuration').length > 0 ? undefined : v('object lock is not enabled', 'object_lock_enabled')),
    cfn: (b) => (asBool(at(b, 'ObjectLockEnabled')) === true ? undefined : v('ObjectLockEnabled is not true', 'ObjectLockEnabled')),
  }),
});

export const s3AclProhibited = defineRule({
  id: 'iac/aws/s3-bucket-acl-disabled',
  title: 'S3 bucket still uses ACLs (object ownership not BucketOwnerEnforced)',
  severity: 'low',
  csv: ['aws:s3-bucket-acl-prohibited'],
  checkov: ['CKV2_AWS_65'],
  types: BUCKET,
  remediation: `resource "aws_s3_bucket_ownership_controls" "b" { bucket = aws_s3_bucket.b.id  rule { object_ownership = "BucketOwnerEnforced" } }`,
  check: byPlatform({
    tf: (b, m) => {
      const oc = split(m, b, 'aws_s3_bucket_ownership_controls').map((r) => at(r, 'rule.object_ownership'));
      return oc.some((o) => o === 'BucketOwnerEnforced' || isUnknown(o)) ? undefined : v('object ownership is not BucketOwnerEnforced');
    },
    cfn: (b) => (getAll(b.attributes, 'OwnershipControls.Rules.ObjectOwnership').includes('BucketOwnerEnforced') ? undefined : v('OwnershipControls is not BucketOwnerEnforced', 'OwnershipControls')),
  }),
});

export const s3Notifications = defineRule({
  id: 'iac/aws/s3-bucket-event-notifications',
  title: 'S3 bucket has no event notifications',
  severity: 'info',
  csv: ['aws:s3-event-notifications-enabled'],
  checkov: ['CKV2_AWS_62'],
  types: BUCKET,
  remediation: `resource "aws_s3_bucket_notification" "b" { bucket = aws_s3_bucket.b.id  topic { topic_arn = aws_sns_topic.s3.arn  events = ["s3:ObjectRemoved:*"] } }`,
  check: byPlatform({
    tf: (b, m) => (split(m, b, 'aws_s3_bucket_notification').length > 0 ? undefined : v('no aws_s3_bucket_notification')),
    cfn: (b) => (at(b, 'NotificationConfiguration') !== undefined ? undefined : v('no NotificationConfiguration')),
  }),
});

export const s3Lifecycle = defineRule({
  id: 'iac/aws/s3-bucket-lifecycle',
  title: 'S3 bucket has no lifecycle policy',
  severity: 'info',
  csv: ['aws:s3-version-lifecycle-policy-check'],
  checkov: ['CKV2_AWS_61'],
  types: BUCKET,
  remediation: `resource "aws_s3_bucket_lifecycle_configuration" "b" { bucket = aws_s3_bucket.b.id  rule { id = "retention"  status = "Enabled"  noncurrent_version_expiration { noncurrent_days = 2190 } } }`,
  check: byPlatform({
    tf: (b, m) => (at(b, 'lifecycle_rule') !== undefined || split(m, b, 'aws_s3_bucket_lifecycle_configuration').length > 0 ? undefined : v('no lifecycle configuration')),
    cfn: (b) => (at(b, 'LifecycleConfiguration') !== undefined ? undefined : v('no LifecycleConfiguration')),
  }),
});

export default [s3Encryption, s3Kms, s3Versioning, s3Logging, s3PublicRead, s3PublicWrite, s3PublicAccessBlock, s3AccountPab, s3SslOnly, s3Replication, s3ObjectLock, s3AclProhibited, s3Notifications, s3Lifecycle];
