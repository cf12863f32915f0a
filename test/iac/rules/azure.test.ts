import { ruleCases, tf } from '../cases.js';

const sa = (body = '') => tf('azurerm_storage_account', 'sa', `  name = "phi"\n${body}`);
const app = (body: string) => tf('azurerm_linux_web_app', 'app', body);

ruleCases('azure', [
  { id: 'iac/azure/storage-https-only', valid: [sa('  https_traffic_only_enabled = true')], invalid: [sa('  enable_https_traffic_only = false')] },
  { id: 'iac/azure/storage-min-tls', valid: [sa('  min_tls_version = "TLS1_2"')], invalid: [sa('  min_tls_version = "TLS1_0"')] },
  { id: 'iac/azure/storage-public-access', valid: [sa('  allow_nested_items_to_be_public = false')], invalid: [sa(), tf('azurerm_storage_container', 'c', '  container_access_type = "blob"')] },
  { id: 'iac/azure/storage-default-network-deny', valid: [sa('  network_rules {\n    default_action = "Deny"\n  }')], invalid: [sa(), tf('azurerm_storage_account_network_rules', 'n', '  default_action = "Allow"')] },
  { id: 'iac/azure/storage-customer-managed-key', valid: [sa() + tf('azurerm_storage_account_customer_managed_key', 'k', '  storage_account_id = azurerm_storage_account.sa.id')], invalid: [sa()] },
  { id: 'iac/azure/storage-blob-soft-delete', valid: [sa('  blob_properties {\n    delete_retention_policy {\n      days = 30\n    }\n  }')], invalid: [sa()] },
  { id: 'iac/azure/disk-encryption', valid: [tf('azurerm_managed_disk', 'd', '  disk_encryption_set_id = "des"')], invalid: [tf('azurerm_managed_disk', 'd'), tf('azurerm_linux_virtual_machine', 'vm', '  os_disk {\n    caching = "ReadWrite"\n  }')] },
  { id: 'iac/azure/sql-tde-and-auditing', valid: [tf('azurerm_mssql_server', 's') + tf('azurerm_mssql_server_extended_auditing_policy', 'a', '  server_id = azurerm_mssql_server.s.id\n  retention_in_days = 90')], invalid: [tf('azurerm_mssql_server', 's'), tf('azurerm_mssql_database', 'd', '  transparent_data_encryption_enabled = false')] },
  { id: 'iac/azure/sql-public-access', valid: [tf('azurerm_mssql_server', 's', '  public_network_access_enabled = false')], invalid: [tf('azurerm_mssql_server', 's'), tf('azurerm_mssql_firewall_rule', 'f', '  start_ip_address = "0.0.0.0"\n  end_ip_address = "255.255.255.255"')] },
  { id: 'iac/azure/sql-min-tls', valid: [tf('azurerm_mssql_server', 's', '  minimum_tls_version = "1.2"')], invalid: [tf('azurerm_mssql_server', 's', '  minimum_tls_version = "1.0"')] },
  { id: 'iac/azure/database-enforce-ssl', valid: [tf('azurerm_postgresql_server', 'p', '  ssl_enforcement_enabled = true\n  ssl_minimal_tls_version_enforced = "TLS1_2"')], invalid: [tf('azurerm_postgresql_server', 'p', '  ssl_enforcement_enabled = false'), tf('azurerm_postgresql_flexible_server_configuration', 'c', '  name = "require_secure_transport"\n  value = "off"')] },
  { id: 'iac/azure/database-geo-redundant-backup', valid: [tf('azurerm_postgresql_flexible_server', 'p', '  geo_redundant_backup_enabled = true')], invalid: [tf('azurerm_postgresql_flexible_server', 'p')] },
  { id: 'iac/azure/key-vault-purge-protection', valid: [tf('azurerm_key_vault', 'kv', '  purge_protection_enabled = true')], invalid: [tf('azurerm_key_vault', 'kv')] },
  { id: 'iac/azure/key-vault-key-rotation', valid: [tf('azurerm_key_vault_key', 'k', '  expiration_date = "2027-01-01T00:00:00Z"')], invalid: [tf('azurerm_key_vault_key', 'k')] },
  { id: 'iac/azure/key-vault-diagnostic-logging', valid: [tf('azurerm_key_vault', 'kv') + tf('azurerm_monitor_diagnostic_setting', 'd', '  target_resource_id = azurerm_key_vault.kv.id')], invalid: [tf('azurerm_key_vault', 'kv')] },
  { id: 'iac/azure/activity-log-retention', valid: [tf('azurerm_monitor_log_profile', 'p', '  retention_policy {\n    enabled = true\n    days = 365\n  }')], invalid: [tf('azurerm_monitor_log_profile', 'p', '  retention_policy {\n    enabled = true\n    days = 30\n  }')] },
  { id: 'iac/azure/nsg-admin-ports-open', valid: [tf('azurerm_network_security_rule', 'r', '  direction = "Inbound"\n  access = "Allow"\n  destination_port_range = "22"\n  source_address_prefix = "10.0.0.0/8"')], invalid: [tf('azurerm_network_security_rule', 'r', '  direction = "Inbound"\n  access = "Allow"\n  destination_port_range = "3389"\n  source_address_prefix = "*"')] },
  { id: 'iac/azure/nsg-flow-logs', valid: [tf('azurerm_network_watcher_flow_log', 'f', '  enabled = true\n  retention_policy {\n    enabled = true\n    days = 90\n  }')], invalid: [tf('azurerm_network_watcher_flow_log', 'f', '  enabled = false')] },
  { id: 'iac/azure/app-service-https-tls', valid: [app('  https_only = true\n  site_config {\n    minimum_tls_version = "1.2"\n    ftps_state = "Disabled"\n  }')], invalid: [app('  https_only = false')] },
  { id: 'iac/azure/app-service-auth-identity', valid: [app('  identity {\n    type = "SystemAssigned"\n  }\n  auth_settings_v2 {\n    auth_enabled = true\n  }')], invalid: [app('  https_only = true')] },
  { id: 'iac/azure/aks-access-control', valid: [tf('azurerm_kubernetes_cluster', 'k', '  private_cluster_enabled = true\n  local_account_disabled = true\n  azure_active_directory_role_based_access_control {\n    azure_rbac_enabled = true\n  }')], invalid: [tf('azurerm_kubernetes_cluster', 'k')] },
  { id: 'iac/azure/defender-plan', valid: [tf('azurerm_security_center_subscription_pricing', 'p', '  tier = "Standard"')], invalid: [tf('azurerm_security_center_subscription_pricing', 'p', '  tier = "Free"')] },
  { id: 'iac/azure/cosmosdb-access-encryption', valid: [tf('azurerm_cosmosdb_account', 'c', '  public_network_access_enabled = false\n  key_vault_key_id = "k"\n  access_key_metadata_writes_enabled = false')], invalid: [tf('azurerm_cosmosdb_account', 'c')] },
]);
