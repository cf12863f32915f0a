import { cfn, ruleCases, tf } from '../cases.js';

const trail = (body = '') => tf('aws_cloudtrail', 't', `  name = "t"\n  s3_bucket_name = aws_s3_bucket.trail.id\n${body}`);
const trailBucket = (body = '') => tf('aws_s3_bucket', 'trail', `  bucket = "trail-logs"\n${body}`);
const sse = tf('aws_s3_bucket_server_side_encryption_configuration', 'trail', '  bucket = aws_s3_bucket.trail.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = "aws:kms"\n    }\n  }');
const key = (rot: boolean) => tf('aws_kms_key', 'k', `  enable_key_rotation = ${rot}`);

ruleCases('aws/audit', [
  { id: 'iac/aws/cloudtrail-encryption', valid: [trail('  kms_key_id = aws_kms_key.k.arn')], invalid: [trail(), cfn('AWS::CloudTrail::Trail', 'IsLogging: true')] },
  { id: 'iac/aws/cloudtrail-log-file-validation', valid: [trail('  enable_log_file_validation = true')], invalid: [trail()] },
  { id: 'iac/aws/cloudtrail-multi-region', valid: [trail('  is_multi_region_trail = true')], invalid: [trail('  is_multi_region_trail = false')] },
  { id: 'iac/aws/cloudtrail-cloudwatch-logs', valid: [trail('  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.g.arn}:*"')], invalid: [trail()] },
  { id: 'iac/aws/cloudtrail-logging-enabled', valid: [trail()], invalid: [trail('  enable_logging = false')] },
  { id: 'iac/aws/cloudtrail-s3-data-events', valid: [trail('  event_selector {\n    data_resource {\n      type = "AWS::S3::Object"\n      values = ["arn:aws:s3"]\n    }\n  }')], invalid: [trail()] },
  { id: 'iac/aws/cloudtrail-bucket-protected', valid: [trail() + trailBucket() + sse], invalid: [{ src: trail() + trailBucket(), address: 'aws_cloudtrail.t' }, trail() + trailBucket('  acl = "public-read"\n') + sse] },
  { id: 'iac/aws/cloudwatch-log-group-kms', valid: [tf('aws_cloudwatch_log_group', 'g', '  kms_key_id = "arn:k"')], invalid: [tf('aws_cloudwatch_log_group', 'g')] },
  { id: 'iac/aws/cloudwatch-log-retention-set', valid: [tf('aws_cloudwatch_log_group', 'g', '  retention_in_days = 90')], invalid: [tf('aws_cloudwatch_log_group', 'g'), cfn('AWS::Logs::LogGroup', 'LogGroupName: g')] },
  { id: 'iac/aws/cloudwatch-log-retention', valid: [tf('aws_cloudwatch_log_group', 'g', '  retention_in_days = 400'), tf('aws_cloudwatch_log_group', 'g', '  retention_in_days = 0')], invalid: [tf('aws_cloudwatch_log_group', 'g', '  retention_in_days = 30')] },
  { id: 'iac/aws/cloudwatch-alarm-actions', valid: [tf('aws_cloudwatch_metric_alarm', 'a', '  alarm_actions = ["arn:sns"]')], invalid: [tf('aws_cloudwatch_metric_alarm', 'a')] },
  { id: 'iac/aws/kms-key-rotation', valid: [key(true), tf('aws_kms_key', 'k', '  customer_master_key_spec = "RSA_2048"')], invalid: [key(false), cfn('AWS::KMS::Key', 'EnableKeyRotation: false')] },
  {
    id: 'iac/aws/database-kms-key-rotation',
    valid: [key(true) + tf('aws_db_instance', 'db', '  kms_key_id = aws_kms_key.k.arn')],
    invalid: [{ src: key(false) + tf('aws_db_instance', 'db', '  kms_key_id = aws_kms_key.k.arn'), address: 'aws_db_instance.db', line: 5 }, cfn('AWS::KMS::Key', 'EnableKeyRotation: false', 'Key', '  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      KmsKeyId: !GetAtt Key.Arn\n')],
  },
  { id: 'iac/aws/kms-key-policy-wildcard-principal', valid: [tf('aws_kms_key', 'k', '  policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::111122223333:root" }, Action = "kms:*", Resource = "*" }] })')], invalid: [tf('aws_kms_key', 'k', '  policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = "*", Action = "kms:*", Resource = "*" }] })')] },
  { id: 'iac/aws/kms-key-deletion', valid: [tf('aws_kms_key', 'k', '  deletion_window_in_days = 30')], invalid: [tf('aws_kms_key', 'k', '  deletion_window_in_days = 7'), tf('aws_kms_key', 'k', '  is_enabled = false')] },
]);
