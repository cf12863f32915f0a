/** Compute and edge services: Lambda, ECS, CodeBuild, EKS, Beanstalk, EMR, DMS, SSM, API Gateway, CloudFront, WAF, GuardDuty, Security Hub. */
import type { Json } from '../../model.js';
import { attrRule } from '../simple.js';
import { defineRule } from '../types.js';
import { asBool, asList, at, get, getAll, isSet, isUnknown, lower, v } from '../helpers.js';

const SECRET_NAME = /(secret|password|passwd|pwd|token|api_?key|private_?key|access_?key|credential)/i;
const SECRET_VALUE = /^(AKIA|ASIA)[0-9A-Z]{16}$|^(ghp|gho|xox[bap])_?[A-Za-z0-9-]{10,}|-----BEGIN [A-Z ]*PRIVATE KEY/;

/** A literal env value that looks like a credential (the name says so, or the value's shape does). */
export function literalSecret(name: string, value: Json | undefined): boolean {
  if (typeof value !== 'string' || value.length < 4 || isUnknown(value) || /\$\{|\{\{resolve:/.test(value)) return false;
  if (SECRET_VALUE.test(value)) return true;
  if (!SECRET_NAME.test(name) || /(_ARN|_NAME|_ID|_PATH|_FILE|_URL|_REGION)$/i.test(name)) return false;
  return !/^(arn:|true|false|\d+$)/i.test(value);
}

export function maskValue(s: string): string {
  return s.length <= 4 ? '****' : `${s.slice(0, 2)}${'*'.repeat(Math.min(12, s.length - 2))}`;
}

export const lambdaEnvSecrets = defineRule({
  id: 'iac/aws/lambda-environment-secrets',
  title: 'Hard-coded secret in a Lambda environment variable',
  severity: 'high',
  hipaa: ['164.312(a)(1)', '164.312(d)'],
  checkov: ['CKV_AWS_45'],
  types: ['aws_lambda_function', 'AWS::Lambda::Function', 'AWS::Serverless::Function'],
  remediation: `Keep the secret in Secrets Manager and pass only its ARN:
environment { variables = { DB_SECRET_ARN = aws_secretsmanager_secret.db.arn } }`,
  check: (r) => {
    const vars = r.platform === 'cloudformation' ? at(r, 'Environment.Variables') : at(r, 'environment.variables');
    if (!vars || typeof vars !== 'object' || Array.isArray(vars)) return undefined;
    const hit = Object.entries(vars).find(([k, x]) => literalSecret(k, x));
    return hit ? { message: `environment variable ${hit[0]} holds a literal credential`, path: r.platform === 'cloudformation' ? 'Environment' : 'environment', value: String(hit[1]), masked: `${hit[0]}=${maskValue(String(hit[1]))}` } : undefined;
  },
});

export const lambdaPublic = defineRule({
  id: 'iac/aws/lambda-public-permission',
  title: 'Lambda permission lets any principal invoke the function',
  severity: 'high',
  csv: ['aws:lambda-function-public-access-prohibited'],
  checkov: ['CKV_AWS_301'],
  types: ['aws_lambda_permission', 'AWS::Lambda::Permission'],
  remediation: `resource "aws_lambda_permission" "p" { principal = "apigateway.amazonaws.com"  source_arn = "\${aws_api_gateway_rest_api.api.execution_arn}/*" }`,
  check: (r) => {
    const cfn = r.platform === 'cloudformation';
    const p = at(r, cfn ? 'Principal' : 'principal');
    if (p !== '*') return undefined;
    return isSet(at(r, cfn ? 'SourceArn' : 'source_arn')) || isSet(at(r, cfn ? 'SourceAccount' : 'source_account')) ? undefined : v('principal "*" without source_arn/source_account', cfn ? 'Principal' : 'principal');
  },
});

function containerDefs(r: { platform: string; attributes: Record<string, Json> }): Array<Record<string, Json>> {
  let defs: Json | undefined = r.platform === 'cloudformation' ? r.attributes.ContainerDefinitions : r.attributes.container_definitions;
  if (typeof defs === 'string' && !isUnknown(defs)) {
    try {
      defs = JSON.parse(defs) as Json;
    } catch {
      return [];
    }
  }
  return asList(defs).filter((d): d is Record<string, Json> => !!d && typeof d === 'object' && !Array.isArray(d));
}
const cget = (d: Record<string, Json>, k: string) => d[k] ?? d[k[0]!.toUpperCase() + k.slice(1)];

export const ecsReadonly = defineRule({
  id: 'iac/aws/ecs-readonly-root-filesystem',
  title: 'ECS container root filesystem is writable',
  severity: 'low',
  csv: ['aws:ecs-containers-readonly-access'],
  checkov: ['CKV_AWS_336'],
  types: ['aws_ecs_task_definition', 'AWS::ECS::TaskDefinition'],
  remediation: `container_definitions = jsonencode([{ name = "app", image = "...", readonlyRootFilesystem = true }])`,
  check: (r) => {
    const bad = containerDefs(r).find((d) => asBool(cget(d, 'readonlyRootFilesystem')) !== true);
    return bad ? v(`container ${String(cget(bad, 'name') ?? '?')} has a writable root filesystem`, r.platform === 'cloudformation' ? 'ContainerDefinitions' : 'container_definitions') : undefined;
  },
});

export const ecsHostMode = defineRule({
  id: 'iac/aws/ecs-host-network-root',
  title: 'ECS task in host network mode runs a container as root or privileged',
  severity: 'high',
  csv: ['aws:ecs-task-definition-user-for-host-mode-check'],
  types: ['aws_ecs_task_definition', 'AWS::ECS::TaskDefinition'],
  remediation: `network_mode = "awsvpc"   # or, with host networking, run each container as a user:
container_definitions = jsonencode([{ name = "app", user = "1000", privileged = false }])`,
  check: (r) => {
    const mode = lower(at(r, r.platform === 'cloudformation' ? 'NetworkMode' : 'network_mode'));
    if (mode !== 'host') return undefined;
    const bad = containerDefs(r).find((d) => asBool(cget(d, 'privileged')) === true || !cget(d, 'user') || ['root', '0'].includes(String(cget(d, 'user'))));
    return bad ? v(`container ${String(cget(bad, 'name') ?? '?')} runs as root or privileged on the host network`, r.platform === 'cloudformation' ? 'NetworkMode' : 'network_mode') : undefined;
  },
});

export const codebuildCreds = defineRule({
  id: 'iac/aws/codebuild-plaintext-credentials',
  title: 'CodeBuild project has AWS credentials in plaintext environment variables',
  severity: 'high',
  csv: ['aws:codebuild-project-envvar-awscred-check'],
  types: ['aws_codebuild_project', 'AWS::CodeBuild::Project'],
  remediation: `environment_variable { name = "AWS_SECRET_ACCESS_KEY"  type = "SECRETS_MANAGER"  value = "build/aws:secret_key" }   # or use the service role`,
  check: (r) => {
    const cfn = r.platform === 'cloudformation';
    const vars = getAll(r.attributes, cfn ? 'Environment.EnvironmentVariables' : 'environment.environment_variable');
    const bad = vars.find((x) => /^(AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY)$/i.test(String(get(x, cfn ? 'Name' : 'name'))) && ['plaintext', undefined].includes(lower(get(x, cfn ? 'Type' : 'type'))));
    return bad ? v(`${String(get(bad, cfn ? 'Name' : 'name'))} is a PLAINTEXT variable`, cfn ? 'Environment' : 'environment') : undefined;
  },
});

export const codebuildSource = defineRule({
  id: 'iac/aws/codebuild-source-credentials-in-url',
  title: 'CodeBuild source URL embeds credentials',
  severity: 'high',
  csv: ['aws:codebuild-project-source-repo-url-check'],
  types: ['aws_codebuild_project', 'AWS::CodeBuild::Project'],
  remediation: `source { type = "GITHUB"  location = "https://github.com/org/repo.git" }   # credentials via aws_codebuild_source_credential, never user:token@ in the URL`,
  check: (r) => {
    const loc = at(r, r.platform === 'cloudformation' ? 'Source.Location' : 'source.location');
    return typeof loc === 'string' && /^https?:\/\/[^/\s]+:[^@/\s]+@/.test(loc) ? { message: 'source location contains user:token@', path: 'source', value: loc, masked: loc.replace(/\/\/[^@]+@/, '//***@') } : undefined;
  },
});

const EKS_LOGS = ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'];

export const eksLogging = defineRule({
  id: 'iac/aws/eks-control-plane-logging',
  title: 'EKS control plane logging is not enabled for all log types',
  severity: 'medium',
  hipaa: ['164.312(b)', '164.308(a)(1)(ii)(D)'],
  checkov: ['CKV_AWS_37'],
  types: ['aws_eks_cluster', 'AWS::EKS::Cluster'],
  remediation: `resource "aws_eks_cluster" "c" { enabled_cluster_log_types = ["api", "audit", "authenticator", "controllerManager", "scheduler"] }`,
  check: (r) => {
    const got = r.platform === 'cloudformation' ? getAll(r.attributes, 'Logging.ClusterLogging.EnabledTypes.Type') : getAll(r.attributes, 'enabled_cluster_log_types');
    if (got.some(isUnknown)) return undefined;
    const missing = EKS_LOGS.filter((l) => !got.includes(l));
    return missing.length ? v(`log types not enabled: ${missing.join(', ')}`, 'enabled_cluster_log_types') : undefined;
  },
});

export const eksPublic = defineRule({
  id: 'iac/aws/eks-public-endpoint',
  title: 'EKS API endpoint is public to the whole internet',
  severity: 'high',
  hipaa: ['164.312(a)(1)', '164.312(e)(1)'],
  checkov: ['CKV_AWS_38', 'CKV_AWS_39'],
  types: ['aws_eks_cluster'],
  remediation: `vpc_config { endpoint_private_access = true  endpoint_public_access = false }   # or public_access_cidrs = ["203.0.113.0/24"]`,
  check: (r) => {
    const pub = get(at(r, 'vpc_config'), 'endpoint_public_access');
    if (asBool(pub) === false) return undefined;
    const cidrs = getAll(r.attributes, 'vpc_config.public_access_cidrs');
    return cidrs.length === 0 || cidrs.includes('0.0.0.0/0') ? v('public endpoint open to 0.0.0.0/0', 'vpc_config') : undefined;
  },
});

export const beanstalk = defineRule({
  id: 'iac/aws/elastic-beanstalk-managed-updates',
  title: 'Elastic Beanstalk managed platform updates are off',
  severity: 'low',
  csv: ['aws:elastic-beanstalk-managed-updates-enabled'],
  checkov: ['CKV_AWS_340'],
  types: ['aws_elastic_beanstalk_environment', 'AWS::ElasticBeanstalk::Environment'],
  remediation: `setting { namespace = "aws:elasticbeanstalk:managedactions"  name = "ManagedActionsEnabled"  value = "true" }`,
  check: (r) => {
    const cfn = r.platform === 'cloudformation';
    const s = getAll(r.attributes, cfn ? 'OptionSettings' : 'setting').find((x) => get(x, cfn ? 'Namespace' : 'namespace') === 'aws:elasticbeanstalk:managedactions' && get(x, cfn ? 'OptionName' : 'name') === 'ManagedActionsEnabled');
    return s && asBool(get(s, cfn ? 'Value' : 'value')) === true ? undefined : v('ManagedActionsEnabled is not true', cfn ? 'OptionSettings' : 'setting');
  },
});

export const emrKerberos = attrRule({
  id: 'iac/aws/emr-kerberos',
  title: 'EMR cluster does not use Kerberos authentication',
  severity: 'medium',
  csv: ['aws:emr-kerberos-enabled'],
  checkov: ['CKV_AWS_114'],
  remediation: `kerberos_attributes { realm = "EC2.INTERNAL"  kdc_admin_password = var.kdc_password }  security_configuration = aws_emr_security_configuration.kerberos.name`,
  specs: [
    { types: ['aws_emr_cluster'], path: 'kerberos_attributes', is: 'set', message: 'no kerberos_attributes' },
    { types: ['AWS::EMR::Cluster'], path: 'KerberosAttributes', is: 'set', message: 'no KerberosAttributes' },
  ],
});

export const dmsPublic = attrRule({
  id: 'iac/aws/dms-replication-public',
  title: 'DMS replication instance is publicly accessible',
  severity: 'critical',
  csv: ['aws:dms-replication-not-public'],
  checkov: ['CKV_AWS_89'],
  remediation: `resource "aws_dms_replication_instance" "r" { publicly_accessible = false }`,
  specs: [
    { types: ['aws_dms_replication_instance'], path: 'publicly_accessible', is: 'false', message: 'publicly_accessible = true' },
    { types: ['AWS::DMS::ReplicationInstance'], path: 'PubliclyAccessible', is: 'false', message: 'PubliclyAccessible: true' },
  ],
});

export const ssmPublic = defineRule({
  id: 'iac/aws/ssm-document-public',
  title: 'SSM document is shared publicly',
  severity: 'high',
  csv: ['aws:ssm-document-not-public'],
  checkov: ['CKV_AWS_303'],
  types: ['aws_ssm_document'],
  remediation: `permissions = { type = "Share"  account_ids = "111122223333" }   # never "All"`,
  check: (r) => (getAll(r.attributes, 'permissions.account_ids').some((x) => lower(x) === 'all') ? v('shared with All', 'permissions') : undefined),
});

export const apigwLogging = defineRule({
  id: 'iac/aws/api-gateway-logging',
  title: 'API Gateway stage has no access or execution logging',
  severity: 'medium',
  csv: ['aws:api-gw-execution-logging-enabled'],
  checkov: ['CKV_AWS_76', 'CKV2_AWS_4'],
  types: ['aws_api_gateway_stage', 'aws_apigatewayv2_stage', 'AWS::ApiGateway::Stage', 'AWS::ApiGatewayV2::Stage', 'AWS::Serverless::Api', 'AWS::Serverless::HttpApi'],
  remediation: `access_log_settings { destination_arn = aws_cloudwatch_log_group.api.arn  format = jsonencode({ requestId = "$context.requestId", ip = "$context.identity.sourceIp", status = "$context.status" }) }`,
  check: (r) => {
    if (r.platform === 'cloudformation') return at(r, r.type.startsWith('AWS::ApiGatewayV2') || r.type === 'AWS::Serverless::HttpApi' ? 'AccessLogSettings' : 'AccessLogSetting') !== undefined ? undefined : v('no AccessLogSetting');
    return at(r, 'access_log_settings') !== undefined ? undefined : v('no access_log_settings');
  },
});

export const apigwClientCert = attrRule({
  id: 'iac/aws/api-gateway-client-certificate',
  title: 'API Gateway stage has no client certificate for backend calls',
  severity: 'low',
  csv: ['aws:api-gw-ssl-enabled'],
  checkov: ['CKV2_AWS_51'],
  remediation: `resource "aws_api_gateway_stage" "s" { client_certificate_id = aws_api_gateway_client_certificate.backend.id }`,
  specs: [
    { types: ['aws_api_gateway_stage'], path: 'client_certificate_id', is: 'set', message: 'no client_certificate_id' },
    { types: ['AWS::ApiGateway::Stage'], path: 'ClientCertificateId', is: 'set', message: 'no ClientCertificateId' },
  ],
});

export const cloudfrontTls = defineRule({
  id: 'iac/aws/cloudfront-tls',
  title: 'CloudFront viewer certificate allows TLS older than 1.2',
  severity: 'high',
  hipaa: ['164.312(e)(1)', '164.312(e)(2)(ii)'],
  checkov: ['CKV_AWS_174'],
  types: ['aws_cloudfront_distribution', 'AWS::CloudFront::Distribution'],
  remediation: `viewer_certificate { acm_certificate_arn = aws_acm_certificate.cdn.arn  ssl_support_method = "sni-only"  minimum_protocol_version = "TLSv1.2_2021" }`,
  check: (r) => {
    const cfn = r.platform === 'cloudformation';
    const vc = at(r, cfn ? 'DistributionConfig.ViewerCertificate' : 'viewer_certificate');
    if (vc === undefined) return cfn ? v('no ViewerCertificate (the default certificate allows TLSv1)', 'DistributionConfig') : undefined;
    if (asBool(get(vc, cfn ? 'CloudFrontDefaultCertificate' : 'cloudfront_default_certificate')) === true) return v('default CloudFront certificate allows TLSv1', cfn ? 'DistributionConfig.ViewerCertificate' : 'viewer_certificate');
    const p = get(vc, cfn ? 'MinimumProtocolVersion' : 'minimum_protocol_version');
    if (isUnknown(p)) return undefined;
    return typeof p === 'string' && /^TLSv1\.[23]/.test(p) ? undefined : v(`minimum_protocol_version ${JSON.stringify(p ?? null)} is below TLSv1.2`, cfn ? 'DistributionConfig.ViewerCertificate' : 'viewer_certificate');
  },
});

export const wafLogging = defineRule({
  id: 'iac/aws/wafv2-logging',
  title: 'WAFv2 web ACL has no logging configuration',
  severity: 'low',
  csv: ['aws:wafv2-logging-enabled'],
  checkov: ['CKV2_AWS_31'],
  types: ['aws_wafv2_web_acl', 'AWS::WAFv2::WebACL'],
  remediation: `resource "aws_wafv2_web_acl_logging_configuration" "l" { resource_arn = aws_wafv2_web_acl.acl.arn  log_destination_configs = [aws_cloudwatch_log_group.waf.arn] }`,
  check: (r, m) => (m.referrers(r, ['aws_wafv2_web_acl_logging_configuration', 'AWS::WAFv2::LoggingConfiguration'], ['resource_arn', 'ResourceArn']).length ? undefined : v('no logging configuration references this web ACL')),
});

export const albWaf = defineRule({
  id: 'iac/aws/alb-waf',
  title: 'Internet-facing load balancer or API stage has no WAF web ACL',
  severity: 'low',
  csv: ['aws:alb-waf-enabled', 'aws:api-gw-associated-with-waf'],
  checkov: ['CKV2_AWS_28', 'CKV2_AWS_29'],
  types: ['aws_lb', 'aws_alb', 'aws_api_gateway_stage'],
  remediation: `resource "aws_wafv2_web_acl_association" "a" { resource_arn = aws_lb.app.arn  web_acl_arn = aws_wafv2_web_acl.acl.arn }`,
  check: (r, m) => {
    if (r.type !== 'aws_api_gateway_stage' && (asBool(at(r, 'internal')) === true || ['network', 'gateway'].includes(lower(at(r, 'load_balancer_type')) ?? ''))) return undefined;
    if (r.type === 'aws_api_gateway_stage' && isSet(at(r, 'web_acl_arn'))) return undefined;
    return m.referrers(r, ['aws_wafv2_web_acl_association', 'aws_wafregional_web_acl_association'], ['resource_arn']).length ? undefined : v('no WAF web ACL association');
  },
});

export const guardduty = attrRule({
  id: 'iac/aws/guardduty-enabled',
  title: 'GuardDuty detector is disabled',
  severity: 'medium',
  csv: ['aws:guardduty-enabled-centralized'],
  checkov: ['CKV2_AWS_3', 'CKV_AWS_238'],
  remediation: `resource "aws_guardduty_detector" "d" { enable = true }`,
  specs: [
    { types: ['aws_guardduty_detector'], path: 'enable', is: 'true', absent: 'pass', message: 'enable = false' },
    { types: ['AWS::GuardDuty::Detector'], path: 'Enable', is: 'true', message: 'Enable is not true' },
  ],
});

export const securityHub = defineRule({
  id: 'iac/aws/securityhub-standards',
  title: 'Security Hub account has default standards turned off',
  severity: 'low',
  csv: ['aws:securityhub-enabled'],
  types: ['aws_securityhub_account', 'AWS::SecurityHub::Hub'],
  remediation: `resource "aws_securityhub_account" "this" { enable_default_standards = true }`,
  check: (r) => (asBool(at(r, r.platform === 'cloudformation' ? 'EnableDefaultStandards' : 'enable_default_standards')) === false ? v('enable_default_standards = false', 'enable_default_standards') : undefined),
});

export const emrPublic = defineRule({
  id: 'iac/aws/emr-master-public',
  title: 'EMR cluster master has a public IP (subnet maps public IPs)',
  severity: 'high',
  csv: ['aws:emr-master-no-public-ip'],
  checkov: ['CKV2_AWS_7'],
  types: ['aws_emr_cluster'],
  remediation: `Launch EMR into a private subnet: aws_subnet.private { map_public_ip_on_launch = false }`,
  check: (r, m) => {
    const subs = m.deref(r, get(at(r, 'ec2_attributes'), 'subnet_id') ?? null).filter((s) => s.type === 'aws_subnet');
    return subs.some((s) => asBool(at(s, 'map_public_ip_on_launch')) === true) ? v('cluster subnet assigns public IPs', 'ec2_attributes') : undefined;
  },
});

export const igwRoute = defineRule({
  id: 'iac/aws/route-unrestricted-to-igw',
  title: 'Route sends 0.0.0.0/0 to an internet gateway',
  severity: 'info',
  csv: ['aws:no-unrestricted-route-to-igw', 'aws:internet-gateway-authorized-vpc-only'],
  types: ['aws_route', 'AWS::EC2::Route'],
  remediation: `Keep ePHI workloads in private subnets whose default route goes to a NAT gateway:
resource "aws_route" "private_default" { route_table_id = aws_route_table.private.id  destination_cidr_block = "0.0.0.0/0"  nat_gateway_id = aws_nat_gateway.nat.id }`,
  check: (r, m) => {
    const cfn = r.platform === 'cloudformation';
    const dest = at(r, cfn ? 'DestinationCidrBlock' : 'destination_cidr_block');
    if (dest !== '0.0.0.0/0') return undefined;
    const gw = at(r, cfn ? 'GatewayId' : 'gateway_id');
    return m.deref(r, gw ?? null).some((g) => g.type === 'aws_internet_gateway' || g.type === 'AWS::EC2::InternetGateway') || (typeof gw === 'string' && gw.startsWith('igw-')) ? v('default route to an internet gateway', cfn ? 'GatewayId' : 'gateway_id') : undefined;
  },
});

export const ebsSnapshotPublic = defineRule({
  id: 'iac/aws/ebs-snapshot-public',
  title: 'EBS snapshot create-volume permission is public',
  severity: 'critical',
  csv: ['aws:ebs-snapshot-public-restorable-check'],
  types: ['aws_snapshot_create_volume_permission'],
  remediation: `resource "aws_snapshot_create_volume_permission" "p" { snapshot_id = aws_ebs_snapshot.s.id  account_id = "111122223333" }   # never "all"`,
  check: (r) => (lower(at(r, 'account_id')) === 'all' ? v('account_id = all', 'account_id') : undefined),
});

export const rdsClusterMultiAz = defineRule({
  id: 'iac/aws/rds-cluster-multi-az',
  title: 'RDS cluster spans fewer than two availability zones',
  severity: 'low',
  csv: ['aws:rds-cluster-multi-az-enabled'],
  types: ['aws_rds_cluster', 'AWS::RDS::DBCluster'],
  remediation: `resource "aws_rds_cluster" "c" { availability_zones = ["us-east-1a", "us-east-1b", "us-east-1c"] }`,
  check: (r) => {
    const azs = getAll(r.attributes, r.platform === 'cloudformation' ? 'AvailabilityZones' : 'availability_zones');
    return azs.length === 1 ? v('only one availability zone', r.platform === 'cloudformation' ? 'AvailabilityZones' : 'availability_zones') : undefined;
  },
});

export const dynamoAutoscaling = defineRule({
  id: 'iac/aws/dynamodb-autoscaling',
  title: 'Provisioned DynamoDB table has no auto scaling',
  severity: 'info',
  csv: ['aws:dynamodb-autoscaling-enabled'],
  checkov: ['CKV2_AWS_16'],
  types: ['aws_dynamodb_table'],
  remediation: `billing_mode = "PAY_PER_REQUEST", or add aws_appautoscaling_target for the table`,
  check: (r, m) => {
    if (lower(at(r, 'billing_mode')) !== 'provisioned') return undefined;
    return m.sameStack(r, 'aws_appautoscaling_target').some((t) => JSON.stringify(t.attributes.resource_id ?? '').includes(r.name)) ? undefined : v('provisioned capacity without aws_appautoscaling_target', 'billing_mode');
  },
});

export const ec2BackupPlan = defineRule({
  id: 'iac/aws/ec2-backup-plan',
  title: 'Resource is not in an AWS Backup plan',
  severity: 'info',
  csv: ['aws:ec2-resources-protected-by-backup-plan', 'aws:rds-in-backup-plan'],
  types: ['aws_instance', 'aws_db_instance'],
  remediation: `resource "aws_backup_selection" "s" { plan_id = aws_backup_plan.p.id  iam_role_arn = aws_iam_role.backup.arn  resources = [aws_instance.app.arn] }`,
  check: (r, m) => {
    if (m.sameStack(r, 'aws_backup_plan').length === 0) return undefined;
    const sels = m.sameStack(r, 'aws_backup_selection');
    return sels.some((s) => m.pointsAt(s, at(s, 'resources') ?? null, r) || JSON.stringify(s.attributes).includes('"*"')) ? undefined : v('a backup plan exists but does not select this resource');
  },
});

export default [
  lambdaEnvSecrets, lambdaPublic, ecsReadonly, ecsHostMode, codebuildCreds, codebuildSource, eksLogging, eksPublic, beanstalk, emrKerberos, emrPublic, dmsPublic,
  ssmPublic, apigwLogging, apigwClientCert, cloudfrontTls, wafLogging, albWaf, guardduty, securityHub, igwRoute, ebsSnapshotPublic, rdsClusterMultiAz, dynamoAutoscaling, ec2BackupPlan,
];
