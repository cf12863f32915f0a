/**
 * Security groups, default security groups, VPC flow logs, and the cross-resource check that a
 * database sits behind a security group open to the internet.
 */
import type { IacResource, Json } from '../../model.js';
import type { ModelIndex } from '../context.js';
import { defineRule, type IacRule } from '../types.js';
import { asBool, asNumber, at, get, getAll, isUnknown, isWorld, lower, v } from '../helpers.js';

export interface OpenIngress {
  from: number;
  to: number;
  path: string;
}

function ruleOpen(x: Json, tf: boolean): OpenIngress | undefined {
  if (!x || typeof x !== 'object' || Array.isArray(x)) return undefined;
  const g = (k: string) => (x as Record<string, Json>)[k];
  if (tf) {
    if (asBool(g('self') ?? null) === true) return undefined;
    const world = isWorld(g('cidr_blocks') ?? null) || isWorld(g('ipv6_cidr_blocks') ?? null) || isWorld(g('cidr_ipv4') ?? null) || isWorld(g('cidr_ipv6') ?? null);
    if (!world) return undefined;
    const proto = lower(String(g('protocol') ?? g('ip_protocol') ?? 'tcp'));
    let from = asNumber(g('from_port') ?? null);
    let to = asNumber(g('to_port') ?? null);
    if (proto === '-1' || proto === 'all' || (from === 0 && to === 0) || from === undefined || from === -1) {
      if (proto === '-1' || proto === 'all' || from === undefined || from === 0 || from === -1) {
        from = 0;
        to = 65535;
      }
    }
    if (!['tcp', '6', '-1', 'all', 'udp', '17'].includes(proto ?? '')) return undefined;
    return { from: from ?? 0, to: to ?? 65535, path: '' };
  }
  const world = isWorld(g('CidrIp') ?? null) || isWorld(g('CidrIpv6') ?? null);
  if (!world) return undefined;
  const proto = lower(String(g('IpProtocol') ?? 'tcp'));
  const from = asNumber(g('FromPort') ?? null);
  const to = asNumber(g('ToPort') ?? null);
  if (proto === '-1' || from === undefined || from === -1) return { from: 0, to: 65535, path: '' };
  return { from, to: to ?? from, path: '' };
}

/** Ingress rules of this resource alone that are open to the internet. */
export function openIngress(r: IacResource): OpenIngress[] {
  const tf = r.platform !== 'cloudformation';
  const out: OpenIngress[] = [];
  if (r.type === 'aws_security_group') {
    getAll(r.attributes, 'ingress').forEach((x, i) => {
      const o = ruleOpen(x, true);
      if (o) out.push({ ...o, path: `ingress.${i}` });
    });
  } else if (r.type === 'aws_security_group_rule') {
    if (lower(at(r, 'type')) !== 'ingress') return [];
    const o = ruleOpen(r.attributes, true);
    if (o) out.push({ ...o, path: 'cidr_blocks' });
  } else if (r.type === 'aws_vpc_security_group_ingress_rule') {
    const o = ruleOpen(r.attributes, true);
    if (o) out.push({ ...o, path: 'cidr_ipv4' });
  } else if (r.type === 'AWS::EC2::SecurityGroup') {
    getAll(r.attributes, 'SecurityGroupIngress').forEach((x, i) => {
      const o = ruleOpen(x, false);
      if (o) out.push({ ...o, path: `SecurityGroupIngress.${i}` });
    });
  } else if (r.type === 'AWS::EC2::SecurityGroupIngress') {
    const o = ruleOpen(r.attributes, false);
    if (o) out.push({ ...o, path: 'CidrIp' });
  }
  void tf;
  return out;
}

/** Ingress open to the internet for a security group including its separate rule resources. */
export function groupOpenIngress(sg: IacResource, m: ModelIndex): OpenIngress[] {
  const extra = sg.platform === 'cloudformation'
    ? m.referrers(sg, ['AWS::EC2::SecurityGroupIngress'], ['GroupId'])
    : m.referrers(sg, ['aws_security_group_rule', 'aws_vpc_security_group_ingress_rule'], ['security_group_id']);
  return [...openIngress(sg), ...extra.flatMap(openIngress)];
}

const SG_TYPES = ['aws_security_group', 'aws_security_group_rule', 'aws_vpc_security_group_ingress_rule', 'AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress'];

function portRule(id: string, title: string, ports: number[], checkov: string[], csv: string[], severity: IacRule['severity']): IacRule {
  return defineRule({
    id,
    title,
    severity,
    csv,
    checkov,
    types: SG_TYPES,
    remediation: `Allow the port only from known networks (VPN, bastion, load balancer security group).
ingress {
  from_port   = ${ports[0]}
  to_port     = ${ports[0]}
  protocol    = "tcp"
  cidr_blocks = ["10.0.0.0/8"]   # never 0.0.0.0/0 or ::/0
}`,
    check: (r) => {
      const hit = openIngress(r).find((o) => ports.some((p) => o.from <= p && p <= o.to));
      if (!hit) return undefined;
      const p = ports.find((x) => hit.from <= x && x <= hit.to)!;
      return v(`port ${p} is open to 0.0.0.0/0 or ::/0`, hit.path);
    },
  });
}

export const sshOpen = portRule('iac/aws/security-group-open-ssh', 'Security group allows SSH (22) from the internet', [22], ['CKV_AWS_24'], ['aws:restricted-ssh'], 'high');
export const rdpOpen = portRule('iac/aws/security-group-open-rdp', 'Security group allows RDP (3389) from the internet', [3389], ['CKV_AWS_25'], ['aws:restricted-common-ports'], 'high');
export const dbPortsOpen = portRule(
  'iac/aws/security-group-open-database-ports',
  'Security group allows database or file-transfer ports from the internet',
  [20, 21, 1433, 1521, 3306, 4333, 5432, 5439, 6379, 9200, 11211, 27017],
  ['CKV_AWS_260', 'CKV_AWS_277'],
  ['aws:restricted-common-ports', 'aws:vpc-sg-open-only-to-authorized-ports'],
  'high',
);

export const allPortsOpen = defineRule({
  id: 'iac/aws/security-group-open-all-ports',
  title: 'Security group allows all ports from the internet',
  severity: 'critical',
  csv: ['aws:vpc-sg-open-only-to-authorized-ports'],
  checkov: ['CKV_AWS_277'],
  types: SG_TYPES,
  remediation: `Open only the ports the service needs, never protocol "-1" from 0.0.0.0/0:
ingress { from_port = 443  to_port = 443  protocol = "tcp"  cidr_blocks = ["0.0.0.0/0"] }   # on the load balancer only`,
  check: (r) => {
    const hit = openIngress(r).find((o) => o.from <= 0 && o.to >= 65535);
    return hit ? v('all ports are open to 0.0.0.0/0 or ::/0', hit.path) : undefined;
  },
});

export const defaultSg = defineRule({
  id: 'iac/aws/default-security-group-closed',
  title: 'Default security group allows traffic',
  severity: 'medium',
  csv: ['aws:vpc-default-security-group-closed'],
  checkov: ['CKV2_AWS_12'],
  types: ['aws_default_security_group'],
  remediation: `resource "aws_default_security_group" "default" { vpc_id = aws_vpc.main.id }   # no ingress or egress blocks`,
  check: (r) => (getAll(r.attributes, 'ingress').length + getAll(r.attributes, 'egress').length > 0 ? v('default security group has ingress or egress rules', 'ingress') : undefined),
});

export const vpcFlowLogs = defineRule({
  id: 'iac/aws/vpc-flow-logs',
  title: 'VPC has no flow logs',
  severity: 'medium',
  csv: ['aws:vpc-flow-logs-enabled'],
  checkov: ['CKV2_AWS_11'],
  types: ['aws_vpc', 'AWS::EC2::VPC'],
  remediation: `resource "aws_flow_log" "vpc" {
  vpc_id          = aws_vpc.main.id
  traffic_type    = "ALL"
  log_destination = aws_cloudwatch_log_group.flow.arn
  iam_role_arn    = aws_iam_role.flow.arn
}`,
  check: (r, m) => {
    const logs = r.platform === 'cloudformation' ? m.referrers(r, ['AWS::EC2::FlowLog'], ['ResourceId']) : m.referrers(r, ['aws_flow_log'], ['vpc_id']);
    return logs.length ? undefined : v('no flow log references this VPC');
  },
});

const DB_TYPES = ['aws_db_instance', 'aws_rds_cluster', 'aws_redshift_cluster', 'aws_elasticache_cluster', 'aws_elasticache_replication_group', 'aws_docdb_cluster', 'aws_neptune_cluster', 'AWS::RDS::DBInstance', 'AWS::RDS::DBCluster', 'AWS::Redshift::Cluster'];

export const dbBehindOpenSg = defineRule({
  id: 'iac/aws/database-security-group-open',
  title: 'Database is attached to a security group open to the internet',
  severity: 'critical',
  csv: ['aws:rds-instance-public-access-check', 'aws:vpc-sg-open-only-to-authorized-ports'],
  types: DB_TYPES,
  remediation: `Attach a security group that admits only the application tier:
ingress { from_port = 5432  to_port = 5432  protocol = "tcp"  security_groups = [aws_security_group.app.id] }`,
  check: (r, m) => {
    const refs: Json[] = r.platform === 'cloudformation'
      ? [...getAll(r.attributes, 'VPCSecurityGroups'), ...getAll(r.attributes, 'VpcSecurityGroupIds')]
      : [...getAll(r.attributes, 'vpc_security_group_ids'), ...getAll(r.attributes, 'security_group_ids')];
    for (const ref of refs) {
      for (const sg of m.deref(r, ref).filter((x) => x.type === 'aws_security_group' || x.type === 'AWS::EC2::SecurityGroup')) {
        const open = groupOpenIngress(sg, m);
        if (open.length) return v(`security group ${sg.address} admits 0.0.0.0/0 on ports ${open[0]!.from}-${open[0]!.to}`, r.platform === 'cloudformation' ? 'VPCSecurityGroups' : 'vpc_security_group_ids');
      }
    }
    return undefined;
  },
});

export default [sshOpen, rdpOpen, dbPortsOpen, allPortsOpen, defaultSg, vpcFlowLogs, dbBehindOpenSg];
