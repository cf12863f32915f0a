import { cfn, ruleCases, tf } from '../cases.js';

ruleCases('aws/rds', [
  { id: 'iac/aws/rds-storage-encrypted', valid: [tf('aws_db_instance', 'db', '  engine = "postgres"\n  storage_encrypted = true'), tf('aws_db_instance', 'a', '  engine = "aurora-postgresql"'), cfn('AWS::RDS::DBInstance', 'StorageEncrypted: true')], invalid: [{ src: tf('aws_db_instance', 'db', '  engine = "postgres"\n  storage_encrypted = false'), line: 3 }, tf('aws_rds_cluster', 'c', '  engine = "aurora-mysql"'), cfn('AWS::RDS::DBCluster', 'Engine: aurora')] },
  { id: 'iac/aws/rds-publicly-accessible', valid: [tf('aws_db_instance', 'db', '  publicly_accessible = false'), tf('aws_db_instance', 'db')], invalid: [tf('aws_db_instance', 'db', '  publicly_accessible = true'), cfn('AWS::RDS::DBInstance', 'PubliclyAccessible: true')] },
  { id: 'iac/aws/rds-backup-enabled', valid: [tf('aws_db_instance', 'db', '  backup_retention_period = 7'), tf('aws_db_instance', 'db')], invalid: [tf('aws_db_instance', 'db', '  backup_retention_period = 0'), tf('aws_rds_cluster', 'c', '  backup_retention_period = 36'), cfn('AWS::RDS::DBInstance', 'BackupRetentionPeriod: 0')] },
  { id: 'iac/aws/rds-multi-az', valid: [tf('aws_db_instance', 'db', '  multi_az = true')], invalid: [tf('aws_db_instance', 'db'), cfn('AWS::RDS::DBInstance', 'MultiAZ: false')] },
  { id: 'iac/aws/rds-logging-enabled', valid: [tf('aws_db_instance', 'db', '  enabled_cloudwatch_logs_exports = ["postgresql"]')], invalid: [tf('aws_db_instance', 'db'), cfn('AWS::RDS::DBCluster', 'Engine: aurora')] },
  { id: 'iac/aws/rds-iam-authentication', valid: [tf('aws_db_instance', 'db', '  engine = "mysql"\n  iam_database_authentication_enabled = true'), tf('aws_db_instance', 'db', '  engine = "oracle-ee"')], invalid: [tf('aws_db_instance', 'db', '  engine = "postgres"'), cfn('AWS::RDS::DBInstance', 'Engine: mysql')] },
  { id: 'iac/aws/rds-cluster-deletion-protection', valid: [tf('aws_rds_cluster', 'c', '  deletion_protection = true')], invalid: [tf('aws_rds_cluster', 'c'), cfn('AWS::RDS::DBCluster', 'DeletionProtection: false')] },
  { id: 'iac/aws/rds-instance-deletion-protection', valid: [tf('aws_db_instance', 'db', '  deletion_protection = true')], invalid: [tf('aws_db_instance', 'db')] },
  { id: 'iac/aws/rds-auto-minor-version-upgrade', valid: [tf('aws_db_instance', 'db')], invalid: [tf('aws_db_instance', 'db', '  auto_minor_version_upgrade = false')] },
  { id: 'iac/aws/rds-enhanced-monitoring', valid: [tf('aws_db_instance', 'db', '  monitoring_interval = 60')], invalid: [tf('aws_db_instance', 'db', '  monitoring_interval = 0')] },
  { id: 'iac/aws/rds-snapshot-public', valid: [tf('aws_db_snapshot', 's', '  shared_accounts = ["111122223333"]')], invalid: [tf('aws_db_snapshot', 's', '  shared_accounts = ["all"]')] },
  {
    id: 'iac/aws/rds-encryption-in-transit',
    valid: [tf('aws_db_instance', 'db', '  parameter_group_name = aws_db_parameter_group.pg.name') + tf('aws_db_parameter_group', 'pg', '  family = "postgres16"\n  parameter {\n    name = "rds.force_ssl"\n    value = "1"\n  }')],
    invalid: [tf('aws_db_instance', 'db', '  parameter_group_name = aws_db_parameter_group.pg.name') + tf('aws_db_parameter_group', 'pg', '  family = "mysql8.0"\n  parameter {\n    name = "require_secure_transport"\n    value = "0"\n  }')],
  },
]);
