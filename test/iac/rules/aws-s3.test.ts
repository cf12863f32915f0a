import { ruleCases } from '../cases.js';

const bucket = (extra = '') => `resource "aws_s3_bucket" "b" {\n  bucket = "phi-records"\n${extra}}\n`;
const split = (type: string, body: string) => `resource "${type}" "b" {\n  bucket = aws_s3_bucket.b.id\n${body}\n}\n`;
const sse = (alg: string) => split('aws_s3_bucket_server_side_encryption_configuration', `  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = "${alg}"\n    }\n  }`);
const cfn = (props: string) => `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n${props}\n`;

ruleCases('aws/s3', [
  {
    id: 'iac/aws/s3-bucket-encryption',
    valid: [bucket() + sse('aws:kms'), bucket('  server_side_encryption_configuration {\n    rule {\n      apply_server_side_encryption_by_default { sse_algorithm = "AES256" }\n    }\n  }\n'), cfn('      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - ServerSideEncryptionByDefault:\n              SSEAlgorithm: aws:kms')],
    invalid: [{ src: bucket(), line: 1, address: 'aws_s3_bucket.b' }, bucket() + sse('none'), { src: cfn('      BucketName: x'), line: 3 }],
  },
  {
    id: 'iac/aws/s3-bucket-kms-encryption',
    valid: [bucket() + sse('aws:kms')],
    invalid: [bucket() + sse('AES256'), bucket()],
  },
  {
    id: 'iac/aws/s3-bucket-versioning',
    valid: [bucket() + split('aws_s3_bucket_versioning', '  versioning_configuration { status = "Enabled" }'), bucket('  versioning { enabled = true }\n'), cfn('      VersioningConfiguration:\n        Status: Enabled')],
    invalid: [bucket() + split('aws_s3_bucket_versioning', '  versioning_configuration { status = "Suspended" }'), cfn('      VersioningConfiguration:\n        Status: Suspended')],
  },
  {
    id: 'iac/aws/s3-bucket-logging',
    valid: [bucket() + split('aws_s3_bucket_logging', '  target_bucket = "logs"'), cfn('      LoggingConfiguration:\n        DestinationBucketName: logs')],
    invalid: [bucket(), cfn('      BucketName: x')],
  },
  {
    id: 'iac/aws/s3-bucket-public-read',
    valid: [bucket('  acl = "private"\n'), bucket() + split('aws_s3_bucket_acl', '  acl = "private"')],
    invalid: [{ src: bucket('  acl = "public-read"\n'), line: 3 }, bucket() + split('aws_s3_bucket_acl', '  acl = "authenticated-read"'), cfn('      AccessControl: PublicRead')],
  },
  {
    id: 'iac/aws/s3-bucket-public-write',
    valid: [bucket('  acl = "public-read"\n')],
    invalid: [bucket('  acl = "public-read-write"\n'), cfn('      AccessControl: PublicReadWrite')],
  },
  {
    id: 'iac/aws/s3-bucket-public-access-block',
    valid: [bucket() + split('aws_s3_bucket_public_access_block', '  block_public_acls = true\n  block_public_policy = true\n  ignore_public_acls = true\n  restrict_public_buckets = true'), cfn('      PublicAccessBlockConfiguration:\n        BlockPublicAcls: true\n        BlockPublicPolicy: true')],
    invalid: [bucket(), bucket() + split('aws_s3_bucket_public_access_block', '  block_public_acls = false\n  block_public_policy = true'), cfn('      BucketName: x')],
  },
  {
    id: 'iac/aws/s3-account-public-access-block',
    valid: ['resource "aws_s3_account_public_access_block" "a" {\n  block_public_acls = true\n  block_public_policy = true\n  ignore_public_acls = true\n  restrict_public_buckets = true\n}\n'],
    invalid: [{ src: 'resource "aws_s3_account_public_access_block" "a" {\n  block_public_acls = true\n  block_public_policy = false\n  ignore_public_acls = true\n  restrict_public_buckets = true\n}\n', line: 3 }],
  },
  {
    id: 'iac/aws/s3-bucket-ssl-requests-only',
    valid: [bucket() + split('aws_s3_bucket_policy', '  policy = jsonencode({ Statement = [{ Effect = "Deny", Principal = "*", Action = "s3:*", Resource = "*", Condition = { Bool = { "aws:SecureTransport" = "false" } } }] })')],
    invalid: [bucket(), bucket() + split('aws_s3_bucket_policy', '  policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "*" }] })')],
  },
  {
    id: 'iac/aws/s3-bucket-replication',
    valid: [bucket() + split('aws_s3_bucket_replication_configuration', '  role = "r"'), cfn('      ReplicationConfiguration:\n        Role: r')],
    invalid: [bucket()],
  },
  {
    id: 'iac/aws/s3-bucket-object-lock',
    valid: [bucket('  object_lock_enabled = true\n'), cfn('      ObjectLockEnabled: true')],
    invalid: [bucket(), cfn('      ObjectLockEnabled: false')],
  },
  {
    id: 'iac/aws/s3-bucket-acl-disabled',
    valid: [bucket() + split('aws_s3_bucket_ownership_controls', '  rule { object_ownership = "BucketOwnerEnforced" }')],
    invalid: [bucket() + split('aws_s3_bucket_ownership_controls', '  rule { object_ownership = "ObjectWriter" }')],
  },
  {
    id: 'iac/aws/s3-bucket-event-notifications',
    valid: [bucket() + split('aws_s3_bucket_notification', '  eventbridge = true')],
    invalid: [bucket()],
  },
  {
    id: 'iac/aws/s3-bucket-lifecycle',
    valid: [bucket() + split('aws_s3_bucket_lifecycle_configuration', '  rule {\n    id = "r"\n    status = "Enabled"\n  }')],
    invalid: [bucket()],
  },
]);
