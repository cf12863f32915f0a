import { ruleCases, tf } from '../cases.js';

const bucket = (body = '') => tf('google_storage_bucket', 'b', `  name = "phi"\n${body}`);
const sql = (body: string) => tf('google_sql_database_instance', 'db', `  database_version = "POSTGRES_15"\n${body}`);

ruleCases('gcp', [
  { id: 'iac/gcp/storage-uniform-access', valid: [bucket('  uniform_bucket_level_access = true')], invalid: [bucket()] },
  { id: 'iac/gcp/storage-public', valid: [bucket('  public_access_prevention = "enforced"'), tf('google_storage_bucket_iam_member', 'm', '  member = "user:a@example.org"')], invalid: [bucket(), tf('google_storage_bucket_iam_member', 'm', '  member = "allUsers"')] },
  { id: 'iac/gcp/storage-cmek', valid: [bucket('  encryption {\n    default_kms_key_name = "k"\n  }')], invalid: [bucket()] },
  { id: 'iac/gcp/storage-versioning', valid: [bucket('  versioning {\n    enabled = true\n  }')], invalid: [bucket()] },
  { id: 'iac/gcp/storage-access-logging', valid: [bucket('  logging {\n    log_bucket = "logs"\n  }')], invalid: [bucket()] },
  { id: 'iac/gcp/sql-require-ssl', valid: [sql('  settings {\n    ip_configuration {\n      ssl_mode = "ENCRYPTED_ONLY"\n    }\n  }')], invalid: [sql('  settings {\n    tier = "db-f1-micro"\n  }')] },
  { id: 'iac/gcp/sql-public-ip', valid: [sql('  settings {\n    ip_configuration {\n      ipv4_enabled = false\n    }\n  }')], invalid: [sql('  settings {\n    ip_configuration {\n      ipv4_enabled = true\n      authorized_networks {\n        value = "0.0.0.0/0"\n      }\n    }\n  }')] },
  { id: 'iac/gcp/sql-backups', valid: [sql('  settings {\n    backup_configuration {\n      enabled = true\n      point_in_time_recovery_enabled = true\n    }\n  }')], invalid: [sql('  settings {\n    tier = "x"\n  }')] },
  { id: 'iac/gcp/sql-cmek', valid: [sql('  encryption_key_name = "k"')], invalid: [sql('  name = "db"')] },
  { id: 'iac/gcp/sql-postgres-audit-flags', valid: [sql('  settings {\n    database_flags {\n      name = "log_connections"\n      value = "on"\n    }\n    database_flags {\n      name = "log_disconnections"\n      value = "on"\n    }\n    database_flags {\n      name = "cloudsql.enable_pgaudit"\n      value = "on"\n    }\n  }')], invalid: [sql('  settings {\n    tier = "x"\n  }')] },
  { id: 'iac/gcp/data-access-audit-logs', valid: [tf('google_project_iam_audit_config', 'a', '  service = "allServices"\n  audit_log_config {\n    log_type = "DATA_READ"\n  }\n  audit_log_config {\n    log_type = "DATA_WRITE"\n  }')], invalid: [tf('google_project_iam_audit_config', 'a', '  service = "allServices"\n  audit_log_config {\n    log_type = "ADMIN_READ"\n  }')] },
  { id: 'iac/gcp/log-bucket-retention', valid: [tf('google_logging_project_bucket_config', 'b', '  retention_days = 400\n  locked = true')], invalid: [tf('google_logging_project_bucket_config', 'b', '  retention_days = 30')] },
  { id: 'iac/gcp/compute-disk-cmek', valid: [tf('google_compute_disk', 'd', '  disk_encryption_key {\n    kms_key_self_link = "k"\n  }')], invalid: [tf('google_compute_disk', 'd')] },
  { id: 'iac/gcp/compute-public-ip', valid: [tf('google_compute_instance', 'i', '  network_interface {\n    network = "default"\n  }')], invalid: [tf('google_compute_instance', 'i', '  network_interface {\n    network = "default"\n    access_config {}\n  }')] },
  { id: 'iac/gcp/firewall-admin-db-ports-open', valid: [tf('google_compute_firewall', 'f', '  source_ranges = ["10.0.0.0/8"]\n  allow {\n    protocol = "tcp"\n    ports = ["22"]\n  }')], invalid: [tf('google_compute_firewall', 'f', '  source_ranges = ["0.0.0.0/0"]\n  allow {\n    protocol = "tcp"\n    ports = ["5432"]\n  }')] },
  { id: 'iac/gcp/subnet-flow-logs', valid: [tf('google_compute_subnetwork', 's', '  log_config {\n    flow_sampling = 0.5\n  }')], invalid: [tf('google_compute_subnetwork', 's')] },
  { id: 'iac/gcp/kms-key-rotation', valid: [tf('google_kms_crypto_key', 'k', '  rotation_period = "7776000s"')], invalid: [tf('google_kms_crypto_key', 'k'), tf('google_kms_crypto_key_iam_member', 'm', '  member = "allUsers"')] },
  { id: 'iac/gcp/bigquery-dataset', valid: [tf('google_bigquery_dataset', 'd', '  default_encryption_configuration {\n    kms_key_name = "k"\n  }')], invalid: [tf('google_bigquery_dataset', 'd')] },
  { id: 'iac/gcp/gke-private-logging', valid: [tf('google_container_cluster', 'c', '  private_cluster_config {\n    enable_private_nodes = true\n  }\n  master_authorized_networks_config {}')], invalid: [tf('google_container_cluster', 'c')] },
  { id: 'iac/gcp/iam-service-account-keys-basic-roles', valid: [tf('google_project_iam_member', 'm', '  role = "roles/cloudsql.client"')], invalid: [tf('google_service_account_key', 'k'), tf('google_project_iam_member', 'm', '  role = "roles/owner"')] },
  { id: 'iac/gcp/redis-auth-tls', valid: [tf('google_redis_instance', 'r', '  auth_enabled = true\n  transit_encryption_mode = "SERVER_AUTHENTICATION"')], invalid: [tf('google_redis_instance', 'r')] },
  { id: 'iac/gcp/ssl-policy-tls12', valid: [tf('google_compute_ssl_policy', 'p', '  min_tls_version = "TLS_1_2"\n  profile = "MODERN"')], invalid: [tf('google_compute_ssl_policy', 'p')] },
]);
