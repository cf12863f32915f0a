/** Google Cloud (google provider): Cloud Storage, Cloud SQL, logging, Compute, KMS, BigQuery, GKE, IAM, Memorystore, load balancer TLS. */
import type { Json } from '../../model.js';
import { attrRule } from '../simple.js';
import { defineRule } from '../types.js';
import { asBool, asNumber, at, get, getAll, isSet, isUnknown, lower, v } from '../helpers.js';

const K = (c: string) => [`gcp:${c}`];
const PUBLIC_MEMBERS = ['allusers', 'allauthenticatedusers'];
const isPublicMember = (m: Json) => typeof m === 'string' && PUBLIC_MEMBERS.includes(m.toLowerCase());

export const gcsUniform = attrRule({
  id: 'iac/gcp/storage-uniform-access',
  title: 'Cloud Storage bucket does not use uniform bucket-level access',
  severity: 'medium',
  csv: K('Cloud Storage uniform bucket-level access'),
  checkov: ['CKV_GCP_29'],
  remediation: `resource "google_storage_bucket" "b" { uniform_bucket_level_access = true }`,
  specs: [{ types: ['google_storage_bucket'], path: 'uniform_bucket_level_access', is: 'true', message: 'uniform_bucket_level_access is not true' }],
});

export const gcsPublic = defineRule({
  id: 'iac/gcp/storage-public',
  title: 'Cloud Storage bucket is public or does not enforce public access prevention',
  severity: 'critical',
  csv: K('Cloud Storage not public (allUsers/allAuthenticatedUsers) + public access prevention'),
  checkov: ['CKV_GCP_28', 'CKV_GCP_114'],
  types: ['google_storage_bucket', 'google_storage_bucket_iam_member', 'google_storage_bucket_iam_binding', 'google_storage_bucket_access_control'],
  remediation: `resource "google_storage_bucket" "b" { public_access_prevention = "enforced" }   # and never grant allUsers / allAuthenticatedUsers`,
  check: (r) => {
    if (r.type === 'google_storage_bucket') return lower(at(r, 'public_access_prevention')) === 'enforced' || isUnknown(at(r, 'public_access_prevention')) ? undefined : v('public_access_prevention is not "enforced"', 'public_access_prevention');
    const members = [at(r, 'member'), ...getAll(r.attributes, 'members'), at(r, 'entity')].filter((x): x is Json => x !== undefined);
    return members.some(isPublicMember) ? v('grants access to allUsers/allAuthenticatedUsers', 'member') : undefined;
  },
});

export const gcsCmek = attrRule({
  id: 'iac/gcp/storage-cmek',
  title: 'Cloud Storage bucket has no customer-managed encryption key',
  severity: 'low',
  csv: K('Cloud Storage CMEK'),
  remediation: `encryption { default_kms_key_name = google_kms_crypto_key.phi.id }`,
  specs: [{ types: ['google_storage_bucket'], path: 'encryption.default_kms_key_name', is: 'set', message: 'no default_kms_key_name' }],
});

export const gcsVersioning = attrRule({
  id: 'iac/gcp/storage-versioning',
  title: 'Cloud Storage bucket versioning is off',
  severity: 'medium',
  csv: K('Cloud Storage versioning / retention lock'),
  checkov: ['CKV_GCP_78'],
  remediation: `versioning { enabled = true }`,
  specs: [{ types: ['google_storage_bucket'], path: 'versioning.enabled', is: 'true', message: 'versioning is not enabled' }],
});

export const gcsLogging = attrRule({
  id: 'iac/gcp/storage-access-logging',
  title: 'Cloud Storage bucket has no access logging',
  severity: 'medium',
  csv: K('Cloud Storage access logging'),
  checkov: ['CKV_GCP_62', 'CKV_GCP_63'],
  remediation: `logging { log_bucket = google_storage_bucket.logs.name }`,
  specs: [{ types: ['google_storage_bucket'], path: 'logging.log_bucket', is: 'set', message: 'no logging.log_bucket' }],
});

const SQL = ['google_sql_database_instance'];

export const sqlSsl = defineRule({
  id: 'iac/gcp/sql-require-ssl',
  title: 'Cloud SQL instance accepts unencrypted connections',
  severity: 'high',
  csv: K('Cloud SQL requires SSL/TLS'),
  checkov: ['CKV_GCP_6'],
  types: SQL,
  remediation: `settings { ip_configuration { ssl_mode = "ENCRYPTED_ONLY" } }`,
  check: (r) => {
    const ip = at(r, 'settings.ip_configuration');
    const mode = get(ip, 'ssl_mode');
    if (isUnknown(mode) || ['encrypted_only', 'trusted_client_certificate_required'].includes(lower(mode) ?? '')) return undefined;
    if (asBool(get(ip, 'require_ssl')) === true) return undefined;
    return v('ssl_mode is not ENCRYPTED_ONLY', 'settings');
  },
});

export const sqlPublic = defineRule({
  id: 'iac/gcp/sql-public-ip',
  title: 'Cloud SQL instance has a public IP or a world-open authorized network',
  severity: 'critical',
  csv: K('Cloud SQL no public IP / no 0.0.0.0/0 authorized network'),
  checkov: ['CKV_GCP_60', 'CKV_GCP_11'],
  types: SQL,
  remediation: `settings { ip_configuration { ipv4_enabled = false  private_network = google_compute_network.vpc.id } }`,
  check: (r) => {
    const ip = at(r, 'settings.ip_configuration');
    if (getAll(ip, 'authorized_networks.value').some((x) => x === '0.0.0.0/0')) return v('authorized network 0.0.0.0/0', 'settings');
    return asBool(get(ip, 'ipv4_enabled')) === false ? undefined : v('ipv4_enabled is not false (public IP)', 'settings');
  },
});

export const sqlBackups = defineRule({
  id: 'iac/gcp/sql-backups',
  title: 'Cloud SQL automated backups or point-in-time recovery are off',
  severity: 'medium',
  csv: K('Cloud SQL automated backups + PITR'),
  checkov: ['CKV_GCP_14'],
  types: SQL,
  remediation: `settings { backup_configuration { enabled = true  point_in_time_recovery_enabled = true } }`,
  check: (r) => {
    const b = at(r, 'settings.backup_configuration');
    if (asBool(get(b, 'enabled')) !== true) return v('backup_configuration.enabled is not true', 'settings');
    const mysql = /mysql/i.test(String(at(r, 'database_version') ?? ''));
    const pitr = mysql ? get(b, 'binary_log_enabled') : get(b, 'point_in_time_recovery_enabled');
    return asBool(pitr) === true || isUnknown(pitr) ? undefined : v('point-in-time recovery is off', 'settings');
  },
});

export const sqlCmek = attrRule({
  id: 'iac/gcp/sql-cmek',
  title: 'Cloud SQL instance has no customer-managed encryption key',
  severity: 'low',
  csv: K('Cloud SQL CMEK'),
  remediation: `resource "google_sql_database_instance" "db" { encryption_key_name = google_kms_crypto_key.sql.id }`,
  specs: [{ types: SQL, path: 'encryption_key_name', is: 'set', message: 'no encryption_key_name' }],
});

export const sqlAuditFlags = defineRule({
  id: 'iac/gcp/sql-postgres-audit-flags',
  title: 'Cloud SQL PostgreSQL does not log connections or run pgaudit',
  severity: 'medium',
  csv: K('Cloud SQL PostgreSQL audit flags (pgaudit, log_connections)'),
  checkov: ['CKV_GCP_52', 'CKV_GCP_53', 'CKV_GCP_110'],
  types: SQL,
  remediation: `settings {
  database_flags { name = "log_connections"  value = "on" }
  database_flags { name = "log_disconnections"  value = "on" }
  database_flags { name = "cloudsql.enable_pgaudit"  value = "on" }
}`,
  check: (r) => {
    if (!/postgres/i.test(String(at(r, 'database_version') ?? ''))) return undefined;
    const flags = new Map(getAll(r.attributes, 'settings.database_flags').map((f) => [String(get(f, 'name')), lower(String(get(f, 'value')))]));
    const missing = ['log_connections', 'log_disconnections', 'cloudsql.enable_pgaudit'].filter((f) => flags.get(f) !== 'on');
    return missing.length ? v(`flags not on: ${missing.join(', ')}`, 'settings') : undefined;
  },
});

export const auditConfig = defineRule({
  id: 'iac/gcp/data-access-audit-logs',
  title: 'Data Access audit logs do not cover all services or exempt members',
  severity: 'medium',
  csv: K('Data Access audit logs configured for all services'),
  types: ['google_project_iam_audit_config', 'google_organization_iam_audit_config', 'google_folder_iam_audit_config'],
  remediation: `resource "google_project_iam_audit_config" "all" {
  service = "allServices"
  audit_log_config { log_type = "DATA_READ" }
  audit_log_config { log_type = "DATA_WRITE" }
  audit_log_config { log_type = "ADMIN_READ" }
}`,
  check: (r) => {
    if (at(r, 'service') !== 'allServices') return undefined;
    const cfgs = getAll(r.attributes, 'audit_log_config');
    if (cfgs.some((c) => getAll(c, 'exempted_members').length > 0)) return v('members are exempted from audit logging', 'audit_log_config');
    const types = cfgs.map((c) => get(c, 'log_type'));
    const missing = ['DATA_READ', 'DATA_WRITE'].filter((t) => !types.includes(t));
    return missing.length ? v(`missing ${missing.join(', ')}`, 'audit_log_config') : undefined;
  },
});

export const logSink = defineRule({
  id: 'iac/gcp/log-bucket-retention',
  title: 'Log bucket retention is short or unlocked',
  severity: 'low',
  csv: K('Log sink exporting all logs with locked retention'),
  types: ['google_logging_project_bucket_config', 'google_logging_project_sink'],
  remediation: `resource "google_logging_project_bucket_config" "audit" { retention_days = 2192  locked = true }`,
  check: (r) => {
    if (r.type === 'google_logging_project_sink') return isSet(at(r, 'filter')) ? v('sink has a filter: not all logs are exported', 'filter') : undefined;
    const d = asNumber(at(r, 'retention_days'));
    if (d !== undefined && d < 365) return v(`retention_days = ${d}`, 'retention_days');
    return asBool(at(r, 'locked')) === true ? undefined : v('retention is not locked', 'locked');
  },
});

export const diskCmek = defineRule({
  id: 'iac/gcp/compute-disk-cmek',
  title: 'Compute disk is not encrypted with a customer-managed key',
  severity: 'low',
  csv: K('Compute disks CMEK/CSEK'),
  checkov: ['CKV_GCP_37', 'CKV_GCP_38'],
  types: ['google_compute_disk', 'google_compute_instance'],
  remediation: `boot_disk { kms_key_self_link = google_kms_crypto_key.disk.id }   # google_compute_disk: disk_encryption_key { kms_key_self_link = ... }`,
  check: (r) => {
    if (r.type === 'google_compute_disk') return at(r, 'disk_encryption_key') !== undefined ? undefined : v('no disk_encryption_key');
    const bd = at(r, 'boot_disk');
    return isSet(get(bd, 'kms_key_self_link')) || isSet(get(bd, 'disk_encryption_key_raw')) ? undefined : v('boot disk has no customer-managed key', 'boot_disk');
  },
});

export const instancePublicIp = defineRule({
  id: 'iac/gcp/compute-public-ip',
  title: 'Compute instance has a public IP',
  severity: 'high',
  csv: K('Compute instances without public IP'),
  checkov: ['CKV_GCP_40'],
  types: ['google_compute_instance', 'google_compute_instance_template'],
  remediation: `network_interface { network = google_compute_network.vpc.id }   # no access_config block`,
  check: (r) => (getAll(r.attributes, 'network_interface.access_config').length ? v('network_interface has an access_config (external IP)', 'network_interface') : undefined),
});

export const firewall = defineRule({
  id: 'iac/gcp/firewall-admin-db-ports-open',
  title: 'Firewall allows SSH, RDP or database ports from 0.0.0.0/0',
  severity: 'high',
  csv: K('Firewall: no SSH/RDP/DB ports from 0.0.0.0/0'),
  checkov: ['CKV_GCP_2', 'CKV_GCP_3', 'CKV_GCP_88'],
  types: ['google_compute_firewall'],
  remediation: `source_ranges = ["35.235.240.0/20"]   # IAP, or your VPN range; never 0.0.0.0/0 for 22/3389/3306/5432`,
  check: (r) => {
    if (lower(at(r, 'direction')) === 'egress' || asBool(at(r, 'disabled')) === true) return undefined;
    if (!getAll(r.attributes, 'source_ranges').some((x) => x === '0.0.0.0/0' || x === '::/0')) return undefined;
    for (const a of getAll(r.attributes, 'allow')) {
      const proto = lower(get(a, 'protocol'));
      const ports = getAll(a, 'ports').map(String);
      if (proto === 'all' || ((proto === 'tcp' || proto === 'udp') && ports.length === 0)) return v('all ports open to 0.0.0.0/0', 'allow');
      const hit = [22, 3389, 3306, 5432, 1433].find((p) => ports.some((s) => {
        const [lo, hi] = s.split('-').map(Number);
        return lo !== undefined && (hi === undefined ? lo === p : lo <= p && p <= hi);
      }));
      if (hit) return v(`port ${hit} open to 0.0.0.0/0`, 'allow');
    }
    return undefined;
  },
});

export const subnetFlowLogs = attrRule({
  id: 'iac/gcp/subnet-flow-logs',
  title: 'VPC subnet has no flow logs',
  severity: 'medium',
  csv: K('VPC flow logs on subnets'),
  checkov: ['CKV_GCP_26'],
  remediation: `log_config { aggregation_interval = "INTERVAL_5_SEC"  flow_sampling = 0.5  metadata = "INCLUDE_ALL_METADATA" }`,
  specs: [{ types: ['google_compute_subnetwork'], path: 'log_config', is: 'set', message: 'no log_config' }],
});

export const kmsRotation = defineRule({
  id: 'iac/gcp/kms-key-rotation',
  title: 'KMS key rotates less often than every 90 days or is public',
  severity: 'medium',
  csv: K('KMS key rotation <= 90 days and not public'),
  checkov: ['CKV_GCP_43', 'CKV_GCP_112'],
  types: ['google_kms_crypto_key', 'google_kms_crypto_key_iam_member', 'google_kms_crypto_key_iam_binding'],
  remediation: `resource "google_kms_crypto_key" "k" { rotation_period = "7776000s" }`,
  check: (r) => {
    if (r.type !== 'google_kms_crypto_key') return [at(r, 'member'), ...getAll(r.attributes, 'members')].some((x) => x !== undefined && isPublicMember(x)) ? v('key granted to allUsers/allAuthenticatedUsers', 'member') : undefined;
    const p = at(r, 'rotation_period');
    if (isUnknown(p)) return undefined;
    const s = typeof p === 'string' ? Number(p.replace(/s$/, '')) : undefined;
    return s !== undefined && s <= 7776000 ? undefined : v('rotation_period unset or over 90 days', 'rotation_period');
  },
});

export const bigquery = defineRule({
  id: 'iac/gcp/bigquery-dataset',
  title: 'BigQuery dataset has no CMEK or is public',
  severity: 'high',
  csv: K('BigQuery datasets CMEK and not public'),
  checkov: ['CKV_GCP_81', 'CKV_GCP_15'],
  types: ['google_bigquery_dataset', 'google_bigquery_dataset_iam_member', 'google_bigquery_dataset_iam_binding'],
  remediation: `default_encryption_configuration { kms_key_name = google_kms_crypto_key.bq.id }   # and no allUsers access`,
  check: (r) => {
    if (r.type !== 'google_bigquery_dataset') return [at(r, 'member'), ...getAll(r.attributes, 'members')].some((x) => x !== undefined && isPublicMember(x)) ? v('dataset granted to allUsers/allAuthenticatedUsers', 'member') : undefined;
    if (getAll(r.attributes, 'access.special_group').some((x) => x === 'allAuthenticatedUsers') || getAll(r.attributes, 'access.iam_member').some(isPublicMember)) return v('public access entry', 'access');
    return isSet(at(r, 'default_encryption_configuration.kms_key_name')) ? undefined : v('no default_encryption_configuration.kms_key_name', 'default_encryption_configuration');
  },
});

export const gke = defineRule({
  id: 'iac/gcp/gke-private-logging',
  title: 'GKE cluster is not private, has no authorized networks or disables logging',
  severity: 'high',
  csv: K('GKE private cluster, master authorized networks, logging'),
  checkov: ['CKV_GCP_25', 'CKV_GCP_20', 'CKV_GCP_1'],
  types: ['google_container_cluster'],
  remediation: `private_cluster_config { enable_private_nodes = true  enable_private_endpoint = true  master_ipv4_cidr_block = "172.16.0.0/28" }
master_authorized_networks_config { cidr_blocks { cidr_block = "10.0.0.0/8" } }
logging_service = "logging.googleapis.com/kubernetes"`,
  check: (r) => {
    const out = [];
    if (asBool(at(r, 'private_cluster_config.enable_private_nodes')) !== true) out.push(v('nodes are not private', 'private_cluster_config'));
    if (at(r, 'master_authorized_networks_config') === undefined) out.push(v('no master_authorized_networks_config'));
    if (lower(at(r, 'logging_service')) === 'none') out.push(v('logging_service = none', 'logging_service'));
    return out;
  },
});

export const serviceAccounts = defineRule({
  id: 'iac/gcp/iam-service-account-keys-basic-roles',
  title: 'User-managed service account key, or basic owner/editor role granted',
  severity: 'high',
  csv: K('Service accounts: no user-managed keys, no admin roles, no basic roles'),
  checkov: ['CKV_GCP_42', 'CKV_GCP_117'],
  types: ['google_service_account_key', 'google_project_iam_member', 'google_project_iam_binding'],
  remediation: `Use workload identity instead of keys, and predefined roles instead of roles/owner or roles/editor:
resource "google_project_iam_member" "db" { role = "roles/cloudsql.client"  member = "serviceAccount:\${google_service_account.app.email}" }`,
  check: (r) => {
    if (r.type === 'google_service_account_key') return v('long-lived user-managed service account key');
    const role = at(r, 'role');
    return role === 'roles/owner' || role === 'roles/editor' ? v(`basic role ${role} granted`, 'role') : undefined;
  },
});

export const redis = defineRule({
  id: 'iac/gcp/redis-auth-tls',
  title: 'Memorystore Redis has AUTH off or no in-transit encryption',
  severity: 'high',
  csv: K('Memorystore Redis AUTH + in-transit encryption'),
  checkov: ['CKV_GCP_95', 'CKV_GCP_97'],
  types: ['google_redis_instance'],
  remediation: `resource "google_redis_instance" "r" { auth_enabled = true  transit_encryption_mode = "SERVER_AUTHENTICATION" }`,
  check: (r) => {
    const out = [];
    if (asBool(at(r, 'auth_enabled')) !== true) out.push(v('auth_enabled is not true', 'auth_enabled'));
    if (at(r, 'transit_encryption_mode') !== 'SERVER_AUTHENTICATION' && !isUnknown(at(r, 'transit_encryption_mode'))) out.push(v('transit_encryption_mode is not SERVER_AUTHENTICATION', 'transit_encryption_mode'));
    return out;
  },
});

export const sslPolicy = defineRule({
  id: 'iac/gcp/ssl-policy-tls12',
  title: 'Load balancer SSL policy allows TLS older than 1.2 or weak ciphers',
  severity: 'high',
  csv: K('HTTPS LB SSL policy TLS 1.2 with strong ciphers'),
  checkov: ['CKV_GCP_4'],
  types: ['google_compute_ssl_policy'],
  remediation: `resource "google_compute_ssl_policy" "p" { min_tls_version = "TLS_1_2"  profile = "MODERN" }`,
  check: (r) => {
    const t = at(r, 'min_tls_version');
    if (t !== 'TLS_1_2' && t !== 'TLS_1_3' && !isUnknown(t)) return v(`min_tls_version = ${String(t ?? 'TLS_1_0 (default)')}`, 'min_tls_version');
    const p = lower(at(r, 'profile'));
    return p === 'compatible' || p === undefined ? v('profile COMPATIBLE allows weak ciphers', 'profile') : undefined;
  },
});

export default [gcsUniform, gcsPublic, gcsCmek, gcsVersioning, gcsLogging, sqlSsl, sqlPublic, sqlBackups, sqlCmek, sqlAuditFlags, auditConfig, logSink, diskCmek, instancePublicIp, firewall, subnetFlowLogs, kmsRotation, bigquery, gke, serviceAccounts, redis, sslPolicy];
