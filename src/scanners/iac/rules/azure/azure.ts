/** Azure (azurerm provider): storage, databases, Key Vault, networking, App Service, AKS, Defender, Cosmos DB. */
import { attrRule } from '../simple.js';
import { defineRule } from '../types.js';
import { asBool, asNumber, at, get, getAll, isSet, isUnknown, lower, v } from '../helpers.js';

const K = (c: string) => [`azure:${c}`];

export const storageHttps = defineRule({
  id: 'iac/azure/storage-https-only',
  title: 'Storage account accepts plain HTTP',
  severity: 'high',
  csv: K('Storage accounts allow HTTPS only'),
  checkov: ['CKV_AZURE_3'],
  types: ['azurerm_storage_account'],
  remediation: `resource "azurerm_storage_account" "sa" { https_traffic_only_enabled = true }`,
  check: (r) => {
    const x = at(r, 'https_traffic_only_enabled') ?? at(r, 'enable_https_traffic_only');
    return asBool(x) === false ? v('HTTPS-only traffic is disabled', at(r, 'https_traffic_only_enabled') !== undefined ? 'https_traffic_only_enabled' : 'enable_https_traffic_only') : undefined;
  },
});

export const storageTls = defineRule({
  id: 'iac/azure/storage-min-tls',
  title: 'Storage account allows TLS older than 1.2',
  severity: 'high',
  csv: K('Storage accounts minimum TLS 1.2'),
  checkov: ['CKV_AZURE_44'],
  types: ['azurerm_storage_account'],
  remediation: `resource "azurerm_storage_account" "sa" { min_tls_version = "TLS1_2" }`,
  check: (r) => {
    const x = at(r, 'min_tls_version');
    return x === undefined || isUnknown(x) || x === 'TLS1_2' || x === 'TLS1_3' ? undefined : v(`min_tls_version = ${String(x)}`, 'min_tls_version');
  },
});

export const storagePublic = defineRule({
  id: 'iac/azure/storage-public-access',
  title: 'Storage allows anonymous public blob access',
  severity: 'critical',
  csv: K('Storage blob anonymous/public access disabled'),
  checkov: ['CKV_AZURE_59', 'CKV_AZURE_34', 'CKV_AZURE_190'],
  types: ['azurerm_storage_account', 'azurerm_storage_container'],
  remediation: `resource "azurerm_storage_account" "sa" { allow_nested_items_to_be_public = false  public_network_access_enabled = false }
resource "azurerm_storage_container" "c" { container_access_type = "private" }`,
  check: (r) => {
    if (r.type === 'azurerm_storage_container') {
      const t = lower(at(r, 'container_access_type'));
      return t === 'blob' || t === 'container' ? v(`container_access_type = ${t}`, 'container_access_type') : undefined;
    }
    const x = at(r, 'allow_nested_items_to_be_public') ?? at(r, 'allow_blob_public_access');
    return asBool(x) === false || isUnknown(x) ? undefined : v('public blob access is allowed (default true before azurerm v4)', 'allow_nested_items_to_be_public');
  },
});

export const storageNetwork = defineRule({
  id: 'iac/azure/storage-default-network-deny',
  title: 'Storage account network rules allow all networks by default',
  severity: 'medium',
  csv: K('Storage default network rule deny'),
  checkov: ['CKV_AZURE_35'],
  types: ['azurerm_storage_account', 'azurerm_storage_account_network_rules'],
  remediation: `network_rules { default_action = "Deny"  bypass = ["AzureServices"]  virtual_network_subnet_ids = [azurerm_subnet.app.id] }`,
  check: (r, m) => {
    if (r.type === 'azurerm_storage_account_network_rules') return lower(at(r, 'default_action')) === 'allow' ? v('default_action = Allow', 'default_action') : undefined;
    const inline = lower(at(r, 'network_rules.default_action'));
    if (inline === 'deny' || isUnknown(inline)) return undefined;
    if (m.referrers(r, ['azurerm_storage_account_network_rules'], ['storage_account_id']).length) return undefined;
    return v('network_rules.default_action is not Deny', 'network_rules');
  },
});

export const storageCmk = defineRule({
  id: 'iac/azure/storage-customer-managed-key',
  title: 'Storage account is not encrypted with a customer-managed key',
  severity: 'low',
  csv: K('Storage encryption with customer-managed key'),
  checkov: ['CKV2_AZURE_1'],
  types: ['azurerm_storage_account'],
  remediation: `resource "azurerm_storage_account_customer_managed_key" "cmk" { storage_account_id = azurerm_storage_account.sa.id  key_vault_id = azurerm_key_vault.kv.id  key_name = azurerm_key_vault_key.k.name }`,
  check: (r, m) => (at(r, 'customer_managed_key') !== undefined || m.referrers(r, ['azurerm_storage_account_customer_managed_key'], ['storage_account_id']).length ? undefined : v('no customer-managed key')),
});

export const storageSoftDelete = defineRule({
  id: 'iac/azure/storage-blob-soft-delete',
  title: 'Storage blobs have no soft delete or versioning',
  severity: 'medium',
  csv: K('Storage soft delete / versioning for blobs'),
  checkov: ['CKV2_AZURE_38'],
  types: ['azurerm_storage_account'],
  remediation: `blob_properties { versioning_enabled = true  delete_retention_policy { days = 30 } }`,
  check: (r) => {
    const bp = at(r, 'blob_properties');
    if (!bp) return v('no blob_properties (soft delete off)');
    return get(bp, 'delete_retention_policy') !== undefined ? undefined : v('no delete_retention_policy', 'blob_properties');
  },
});

export const diskEncryption = defineRule({
  id: 'iac/azure/disk-encryption',
  title: 'Managed disk or VM is not encrypted with a disk encryption set or host encryption',
  severity: 'medium',
  csv: K('Managed disks encrypted (encryption set / host encryption)'),
  checkov: ['CKV_AZURE_2', 'CKV_AZURE_93', 'CKV_AZURE_97'],
  types: ['azurerm_managed_disk', 'azurerm_linux_virtual_machine', 'azurerm_windows_virtual_machine'],
  remediation: `resource "azurerm_linux_virtual_machine" "vm" { encryption_at_host_enabled = true  os_disk { disk_encryption_set_id = azurerm_disk_encryption_set.des.id } }`,
  check: (r) => {
    if (r.type === 'azurerm_managed_disk') return isSet(at(r, 'disk_encryption_set_id')) || get(at(r, 'encryption_settings'), 'enabled') !== undefined ? undefined : v('no disk_encryption_set_id', 'disk_encryption_set_id');
    if (asBool(at(r, 'encryption_at_host_enabled')) === true || isSet(at(r, 'os_disk.disk_encryption_set_id'))) return undefined;
    return v('neither encryption_at_host_enabled nor a disk encryption set', 'encryption_at_host_enabled');
  },
});

export const sqlTde = defineRule({
  id: 'iac/azure/sql-tde-and-auditing',
  title: 'Azure SQL database has TDE off or server auditing missing',
  severity: 'high',
  csv: K('Azure SQL transparent data encryption + auditing'),
  checkov: ['CKV2_AZURE_27', 'CKV_AZURE_23', 'CKV_AZURE_24'],
  types: ['azurerm_mssql_database', 'azurerm_mssql_server', 'azurerm_mssql_server_extended_auditing_policy'],
  remediation: `resource "azurerm_mssql_database" "db" { transparent_data_encryption_enabled = true }
resource "azurerm_mssql_server_extended_auditing_policy" "a" { server_id = azurerm_mssql_server.s.id  retention_in_days = 90 }`,
  check: (r, m) => {
    if (r.type === 'azurerm_mssql_database') return asBool(at(r, 'transparent_data_encryption_enabled')) === false ? v('transparent_data_encryption_enabled = false', 'transparent_data_encryption_enabled') : undefined;
    if (r.type === 'azurerm_mssql_server_extended_auditing_policy') {
      const d = asNumber(at(r, 'retention_in_days'));
      return d !== undefined && d > 0 && d < 90 ? v(`audit retention ${d} days is under 90`, 'retention_in_days') : undefined;
    }
    return at(r, 'extended_auditing_policy') !== undefined || m.referrers(r, ['azurerm_mssql_server_extended_auditing_policy'], ['server_id']).length ? undefined : v('no auditing policy for this server');
  },
});

export const sqlPublic = defineRule({
  id: 'iac/azure/sql-public-access',
  title: 'Azure SQL server is reachable from the internet',
  severity: 'critical',
  csv: K('Azure SQL public network access disabled / no 0.0.0.0 firewall rule'),
  checkov: ['CKV_AZURE_113', 'CKV_AZURE_11'],
  types: ['azurerm_mssql_server', 'azurerm_mssql_firewall_rule', 'azurerm_sql_firewall_rule'],
  remediation: `resource "azurerm_mssql_server" "s" { public_network_access_enabled = false }   # use a private endpoint`,
  check: (r) => {
    if (r.type !== 'azurerm_mssql_server') return at(r, 'start_ip_address') === '0.0.0.0' && at(r, 'end_ip_address') === '255.255.255.255' ? v('firewall rule admits every address', 'start_ip_address') : undefined;
    return asBool(at(r, 'public_network_access_enabled')) === false ? undefined : v('public_network_access_enabled is not false', 'public_network_access_enabled');
  },
});

export const sqlTls = defineRule({
  id: 'iac/azure/sql-min-tls',
  title: 'Azure SQL server allows TLS older than 1.2',
  severity: 'high',
  csv: K('SQL minimum TLS 1.2'),
  checkov: ['CKV_AZURE_52'],
  types: ['azurerm_mssql_server'],
  remediation: `resource "azurerm_mssql_server" "s" { minimum_tls_version = "1.2" }`,
  check: (r) => {
    const x = at(r, 'minimum_tls_version');
    return x === undefined || isUnknown(x) || x === '1.2' || x === '1.3' ? undefined : v(`minimum_tls_version = ${String(x)}`, 'minimum_tls_version');
  },
});

export const pgSsl = defineRule({
  id: 'iac/azure/database-enforce-ssl',
  title: 'PostgreSQL/MySQL server does not require TLS',
  severity: 'high',
  csv: K('PostgreSQL/MySQL enforce SSL and TLS 1.2'),
  checkov: ['CKV_AZURE_29', 'CKV_AZURE_28', 'CKV_AZURE_54'],
  types: ['azurerm_postgresql_server', 'azurerm_mysql_server', 'azurerm_postgresql_flexible_server_configuration', 'azurerm_mysql_flexible_server_configuration'],
  remediation: `resource "azurerm_postgresql_flexible_server_configuration" "tls" { name = "require_secure_transport"  value = "on"  server_id = azurerm_postgresql_flexible_server.db.id }`,
  check: (r) => {
    if (r.type.endsWith('_configuration')) return at(r, 'name') === 'require_secure_transport' && lower(at(r, 'value')) === 'off' ? v('require_secure_transport = off', 'value') : undefined;
    if (asBool(at(r, 'ssl_enforcement_enabled')) === false) return v('ssl_enforcement_enabled = false', 'ssl_enforcement_enabled');
    const t = at(r, 'ssl_minimal_tls_version_enforced');
    return typeof t === 'string' && !isUnknown(t) && !/TLS1_[23]/.test(t) ? v(`ssl_minimal_tls_version_enforced = ${t}`, 'ssl_minimal_tls_version_enforced') : undefined;
  },
});

export const geoBackup = attrRule({
  id: 'iac/azure/database-geo-redundant-backup',
  title: 'Database server backups are not geo-redundant',
  severity: 'medium',
  csv: K('Database geo-redundant backups'),
  checkov: ['CKV_AZURE_136', 'CKV_AZURE_94'],
  remediation: `resource "azurerm_postgresql_flexible_server" "db" { geo_redundant_backup_enabled = true }`,
  specs: [{ types: ['azurerm_postgresql_flexible_server', 'azurerm_mysql_flexible_server', 'azurerm_postgresql_server', 'azurerm_mysql_server'], path: 'geo_redundant_backup_enabled', is: 'true', message: 'geo_redundant_backup_enabled is not true' }],
});

export const kvRecoverable = attrRule({
  id: 'iac/azure/key-vault-purge-protection',
  title: 'Key Vault purge protection is off',
  severity: 'medium',
  csv: K('Key Vault soft delete + purge protection'),
  checkov: ['CKV_AZURE_110', 'CKV_AZURE_42'],
  remediation: `resource "azurerm_key_vault" "kv" { purge_protection_enabled = true  soft_delete_retention_days = 90 }`,
  specs: [{ types: ['azurerm_key_vault'], path: 'purge_protection_enabled', is: 'true', message: 'purge_protection_enabled is not true' }],
});

export const kvKeyRotation = defineRule({
  id: 'iac/azure/key-vault-key-rotation',
  title: 'Key Vault key has no rotation policy or expiry',
  severity: 'medium',
  csv: K('Key Vault key rotation / expiry'),
  checkov: ['CKV_AZURE_40'],
  types: ['azurerm_key_vault_key'],
  remediation: `resource "azurerm_key_vault_key" "k" { expiration_date = "2027-12-31T00:00:00Z"  rotation_policy { automatic { time_before_expiry = "P30D" }  expire_after = "P365D" } }`,
  check: (r) => (at(r, 'rotation_policy') !== undefined || isSet(at(r, 'expiration_date')) ? undefined : v('no rotation_policy and no expiration_date')),
});

export const kvLogging = defineRule({
  id: 'iac/azure/key-vault-diagnostic-logging',
  title: 'Key Vault has no diagnostic setting sending AuditEvent logs',
  severity: 'medium',
  csv: K('Key Vault diagnostic logging'),
  types: ['azurerm_key_vault'],
  remediation: `resource "azurerm_monitor_diagnostic_setting" "kv" { target_resource_id = azurerm_key_vault.kv.id  log_analytics_workspace_id = azurerm_log_analytics_workspace.w.id  enabled_log { category = "AuditEvent" } }`,
  check: (r, m) => (m.referrers(r, ['azurerm_monitor_diagnostic_setting'], ['target_resource_id']).length ? undefined : v('no azurerm_monitor_diagnostic_setting targets this vault')),
});

export const activityLog = defineRule({
  id: 'iac/azure/activity-log-retention',
  title: 'Activity log profile keeps logs less than a year',
  severity: 'low',
  csv: K('Activity log / diagnostic settings exported and retained'),
  checkov: ['CKV_AZURE_37', 'CKV_AZURE_38'],
  types: ['azurerm_monitor_log_profile'],
  remediation: `retention_policy { enabled = true  days = 365 }`,
  check: (r) => {
    const rp = at(r, 'retention_policy');
    const d = asNumber(get(rp, 'days'));
    return asBool(get(rp, 'enabled')) === true && d !== undefined && (d === 0 || d >= 365) ? undefined : v('retention under 365 days', 'retention_policy');
  },
});

const ANY = (x: unknown) => typeof x === 'string' && ['*', 'internet', 'any', '0.0.0.0/0', '0.0.0.0'].includes(x.toLowerCase());
function portIn(spec: unknown, port: number): boolean {
  if (typeof spec !== 'string') return false;
  if (spec === '*') return true;
  return spec.split(',').some((p) => {
    const [a, b] = p.trim().split('-').map(Number);
    return a !== undefined && (b === undefined ? a === port : a <= port && port <= b);
  });
}

export const nsgAdmin = defineRule({
  id: 'iac/azure/nsg-admin-ports-open',
  title: 'Network security group allows SSH or RDP from the internet',
  severity: 'high',
  csv: K('NSG: no RDP/SSH from Internet'),
  checkov: ['CKV_AZURE_9', 'CKV_AZURE_10'],
  types: ['azurerm_network_security_rule', 'azurerm_network_security_group'],
  remediation: `security_rule { direction = "Inbound"  access = "Allow"  destination_port_range = "22"  source_address_prefix = "10.0.0.0/8" }   # never "*" or "Internet"`,
  check: (r) => {
    const rules = r.type === 'azurerm_network_security_rule' ? [r.attributes] : getAll(r.attributes, 'security_rule');
    for (const x of rules) {
      if (lower(get(x, 'direction')) !== 'inbound' || lower(get(x, 'access')) !== 'allow') continue;
      const srcs = [get(x, 'source_address_prefix'), ...getAll(x, 'source_address_prefixes')];
      if (!srcs.some(ANY)) continue;
      const ports = [get(x, 'destination_port_range'), ...getAll(x, 'destination_port_ranges')];
      const p = [22, 3389].find((n) => ports.some((s) => portIn(s, n)));
      if (p) return v(`port ${p} open to ${String(srcs.find(ANY))}`, r.type === 'azurerm_network_security_rule' ? 'destination_port_range' : 'security_rule');
    }
    return undefined;
  },
});

export const flowLogs = defineRule({
  id: 'iac/azure/nsg-flow-logs',
  title: 'NSG flow logs are off or kept under 90 days',
  severity: 'medium',
  csv: K('NSG flow logs with retention'),
  checkov: ['CKV_AZURE_12'],
  types: ['azurerm_network_watcher_flow_log'],
  remediation: `resource "azurerm_network_watcher_flow_log" "f" { enabled = true  retention_policy { enabled = true  days = 90 } }`,
  check: (r) => {
    if (asBool(at(r, 'enabled')) === false) return v('flow log disabled', 'enabled');
    const d = asNumber(get(at(r, 'retention_policy'), 'days'));
    return asBool(get(at(r, 'retention_policy'), 'enabled')) === true && d !== undefined && (d === 0 || d >= 90) ? undefined : v('retention under 90 days', 'retention_policy');
  },
});

const APPS = ['azurerm_linux_web_app', 'azurerm_windows_web_app', 'azurerm_app_service', 'azurerm_linux_function_app', 'azurerm_windows_function_app', 'azurerm_function_app'];

export const appTls = defineRule({
  id: 'iac/azure/app-service-https-tls',
  title: 'App Service allows HTTP, TLS older than 1.2 or plain FTP',
  severity: 'high',
  csv: K('App Service HTTPS only, TLS 1.2, FTPS only'),
  checkov: ['CKV_AZURE_14', 'CKV_AZURE_15', 'CKV_AZURE_78'],
  types: APPS,
  remediation: `https_only = true
site_config { minimum_tls_version = "1.2"  ftps_state = "Disabled" }`,
  check: (r) => {
    const out = [];
    if (asBool(at(r, 'https_only')) !== true && !isUnknown(at(r, 'https_only'))) out.push(v('https_only is not true', 'https_only'));
    const tls = at(r, 'site_config.minimum_tls_version') ?? at(r, 'site_config.min_tls_version');
    if (typeof tls === 'string' && !isUnknown(tls) && !['1.2', '1.3'].includes(tls)) out.push(v(`minimum_tls_version = ${tls}`, 'site_config'));
    const ftps = lower(at(r, 'site_config.ftps_state'));
    if (ftps === 'allallowed') out.push(v('ftps_state = AllAllowed permits plain FTP', 'site_config'));
    return out;
  },
});

export const appAuth = defineRule({
  id: 'iac/azure/app-service-auth-identity',
  title: 'App Service has no built-in authentication or managed identity',
  severity: 'low',
  csv: K('App Service authentication + managed identity'),
  checkov: ['CKV_AZURE_13', 'CKV_AZURE_71'],
  types: APPS,
  remediation: `identity { type = "SystemAssigned" }
auth_settings_v2 { auth_enabled = true  active_directory_v2 { client_id = var.client_id  tenant_auth_endpoint = var.tenant_endpoint } }`,
  check: (r) => {
    const out = [];
    if (at(r, 'identity') === undefined) out.push(v('no managed identity'));
    const auth = at(r, 'auth_settings_v2') ?? at(r, 'auth_settings');
    if (!auth || asBool(get(auth, 'auth_enabled') ?? get(auth, 'enabled')) === false) out.push(v('built-in authentication is off', 'auth_settings_v2'));
    return out;
  },
});

export const aks = defineRule({
  id: 'iac/azure/aks-access-control',
  title: 'AKS cluster lacks RBAC, Entra ID integration, a private API or disables local accounts',
  severity: 'high',
  csv: K('AKS RBAC + Entra ID integration, private API, no local accounts'),
  checkov: ['CKV_AZURE_5', 'CKV_AZURE_115', 'CKV_AZURE_141', 'CKV_AZURE_6'],
  types: ['azurerm_kubernetes_cluster'],
  remediation: `role_based_access_control_enabled = true
local_account_disabled            = true
private_cluster_enabled           = true   # or api_server_access_profile { authorized_ip_ranges = [...] }
azure_active_directory_role_based_access_control { azure_rbac_enabled = true }`,
  check: (r) => {
    const out = [];
    if (asBool(at(r, 'role_based_access_control_enabled')) === false) out.push(v('RBAC disabled', 'role_based_access_control_enabled'));
    if (at(r, 'azure_active_directory_role_based_access_control') === undefined) out.push(v('no Entra ID RBAC integration'));
    if (asBool(at(r, 'private_cluster_enabled')) !== true && getAll(r.attributes, 'api_server_access_profile.authorized_ip_ranges').length === 0 && getAll(r.attributes, 'api_server_authorized_ip_ranges').length === 0) out.push(v('API server is public to every address', 'private_cluster_enabled'));
    if (asBool(at(r, 'local_account_disabled')) !== true) out.push(v('local accounts are enabled', 'local_account_disabled'));
    return out;
  },
});

export const defender = defineRule({
  id: 'iac/azure/defender-plan',
  title: 'Microsoft Defender for Cloud plan is on the Free tier',
  severity: 'medium',
  csv: K('Defender for Cloud plans on (Servers, SQL, Storage, Key Vault, Containers)'),
  checkov: ['CKV_AZURE_19', 'CKV_AZURE_55', 'CKV_AZURE_69', 'CKV_AZURE_84', 'CKV_AZURE_87'],
  types: ['azurerm_security_center_subscription_pricing'],
  remediation: `resource "azurerm_security_center_subscription_pricing" "vm" { tier = "Standard"  resource_type = "VirtualMachines" }`,
  check: (r) => (lower(at(r, 'tier')) === 'free' ? v('tier = Free', 'tier') : undefined),
});

export const cosmos = defineRule({
  id: 'iac/azure/cosmosdb-access-encryption',
  title: 'Cosmos DB account is public, lacks a customer-managed key or allows key-based metadata writes',
  severity: 'high',
  csv: K('Cosmos DB: no public network, CMK, key-based metadata writes disabled'),
  checkov: ['CKV_AZURE_101', 'CKV_AZURE_100', 'CKV_AZURE_132'],
  types: ['azurerm_cosmosdb_account'],
  remediation: `public_network_access_enabled = false
key_vault_key_id = azurerm_key_vault_key.cosmos.versionless_id
access_key_metadata_writes_enabled = false`,
  check: (r) => {
    const out = [];
    if (asBool(at(r, 'public_network_access_enabled')) !== false && !isUnknown(at(r, 'public_network_access_enabled'))) out.push(v('public network access is enabled', 'public_network_access_enabled'));
    if (!isSet(at(r, 'key_vault_key_id'))) out.push(v('no customer-managed key', 'key_vault_key_id'));
    if (asBool(at(r, 'access_key_metadata_writes_enabled')) !== false) out.push(v('key-based metadata writes are allowed', 'access_key_metadata_writes_enabled'));
    return out;
  },
});

export default [storageHttps, storageTls, storagePublic, storageNetwork, storageCmk, storageSoftDelete, diskEncryption, sqlTde, sqlPublic, sqlTls, pgSsl, geoBackup, kvRecoverable, kvKeyRotation, kvLogging, activityLog, nsgAdmin, flowLogs, appTls, appAuth, aks, defender, cosmos];
