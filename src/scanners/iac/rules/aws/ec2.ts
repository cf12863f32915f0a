/** EC2, EBS, launch templates/configurations, subnets: encryption, metadata service, public IPs. */
import type { IacResource, Json } from '../../model.js';
import { attrRule } from '../simple.js';
import { defineRule } from '../types.js';
import { asBool, at, get, getAll, isUnknown, lower, v } from '../helpers.js';

export const ebsEncrypted = attrRule({
  id: 'iac/aws/ebs-volume-encrypted',
  title: 'EBS volume is not encrypted',
  severity: 'high',
  csv: ['aws:encrypted-volumes'],
  checkov: ['CKV_AWS_3'],
  remediation: `resource "aws_ebs_volume" "v" { encrypted = true  kms_key_id = aws_kms_key.phi.arn }
CloudFormation: AWS::EC2::Volume Encrypted: true`,
  specs: [
    { types: ['aws_ebs_volume'], path: 'encrypted', is: 'true', message: 'encrypted is not true' },
    { types: ['AWS::EC2::Volume'], path: 'Encrypted', is: 'true', message: 'Encrypted is not true' },
  ],
});

function unencryptedDevices(r: IacResource): string[] {
  const bad: string[] = [];
  for (const k of ['root_block_device', 'ebs_block_device']) {
    for (const d of getAll(r.attributes, k)) {
      if (!d || typeof d !== 'object' || Array.isArray(d)) continue;
      if (d.snapshot_id !== undefined && d.encrypted === undefined) continue;
      if (isUnknown(d.encrypted)) continue;
      if (asBool(d.encrypted) !== true) bad.push(k);
    }
  }
  return bad;
}

export const instanceVolumes = defineRule({
  id: 'iac/aws/ec2-block-device-encrypted',
  title: 'EC2 instance or launch configuration block device is not encrypted',
  severity: 'high',
  csv: ['aws:encrypted-volumes'],
  checkov: ['CKV_AWS_8'],
  types: ['aws_launch_configuration', 'aws_instance', 'AWS::AutoScaling::LaunchConfiguration', 'AWS::EC2::Instance', 'aws_launch_template'],
  remediation: `root_block_device { encrypted = true }
ebs_block_device  { device_name = "/dev/sdf"  encrypted = true }
(or turn on aws_ebs_encryption_by_default for the account)`,
  check: (r, m) => {
    if (r.type === 'aws_launch_configuration' || r.type === 'aws_instance') {
      // Account-wide EBS default encryption covers devices that do not say.
      if (m.sameStack(r, 'aws_ebs_encryption_by_default').some((d) => asBool(at(d, 'enabled')) !== false)) return undefined;
      const bad = unencryptedDevices(r);
      if (getAll(r.attributes, 'root_block_device').length === 0) bad.unshift('root_block_device');
      return bad.length ? v(`${bad[0]} is not encrypted`, bad[0]) : undefined;
    }
    if (r.type === 'aws_launch_template') {
      const bad = getAll(r.attributes, 'block_device_mappings.ebs').filter((e) => e && typeof e === 'object' && !Array.isArray(e) && e.encrypted !== undefined && !isUnknown(e.encrypted) && asBool(e.encrypted) !== true);
      return bad.length ? v('block_device_mappings.ebs.encrypted is not true', 'block_device_mappings') : undefined;
    }
    const maps = getAll(r.attributes, 'BlockDeviceMappings').filter((m) => get(m, 'Ebs') !== undefined);
    const bad = maps.filter((m) => {
      const e = get(m, 'Ebs.Encrypted');
      if (get(m, 'Ebs.SnapshotId') !== undefined && e === undefined) return false;
      return !isUnknown(e) && asBool(e) !== true;
    });
    return bad.length ? v('BlockDeviceMappings Ebs.Encrypted is not true', 'BlockDeviceMappings') : undefined;
  },
});

export const ebsDefault = attrRule({
  id: 'iac/aws/ebs-encryption-by-default',
  title: 'EBS encryption by default is turned off',
  severity: 'medium',
  csv: ['aws:ec2-ebs-encryption-by-default'],
  checkov: ['CKV_AWS_106'],
  remediation: `resource "aws_ebs_encryption_by_default" "this" { enabled = true }`,
  specs: [{ types: ['aws_ebs_encryption_by_default'], path: 'enabled', is: 'true', absent: 'pass', message: 'enabled = false' }],
});

export const attachedVolumes = defineRule({
  id: 'iac/aws/ec2-attached-volume-encrypted',
  title: 'Unencrypted EBS volume is attached to an instance',
  severity: 'high',
  csv: ['aws:encrypted-volumes'],
  checkov: ['CKV2_AWS_2'],
  types: ['aws_ebs_volume'],
  remediation: `Encrypt the attached volume: resource "aws_ebs_volume" "v" { encrypted = true }`,
  check: (r, m) => {
    const e = at(r, 'encrypted');
    if (isUnknown(e) || asBool(e) === true) return undefined;
    const att = m.referrers(r, ['aws_volume_attachment'], ['volume_id']);
    return att.length ? v(`unencrypted volume is attached by ${att[0]!.address}`, 'encrypted') : undefined;
  },
});

function imdsv1(r: IacResource): string | undefined {
  if (r.platform === 'cloudformation') {
    const base = r.type === 'AWS::EC2::LaunchTemplate' ? 'LaunchTemplateData.MetadataOptions' : 'MetadataOptions';
    const t = at(r, `${base}.HttpTokens`);
    const e = at(r, `${base}.HttpEndpoint`);
    if (lower(e) === 'disabled') return undefined;
    return lower(t) === 'required' || isUnknown(t) ? undefined : `${base}.HttpTokens`;
  }
  const mo = at(r, 'metadata_options');
  const t = get(mo, 'http_tokens');
  const e = get(mo, 'http_endpoint');
  if (lower(e) === 'disabled') return undefined;
  if (lower(t) === 'required' || isUnknown(t)) return undefined;
  return 'metadata_options';
}

export const imdsv2 = defineRule({
  id: 'iac/aws/ec2-imdsv2-required',
  title: 'EC2 instance metadata service allows IMDSv1',
  severity: 'medium',
  csv: ['aws:ec2-imdsv2-check'],
  checkov: ['CKV_AWS_79'],
  types: ['aws_instance', 'aws_launch_template', 'aws_launch_configuration', 'AWS::EC2::LaunchTemplate'],
  remediation: `metadata_options {
  http_endpoint = "enabled"
  http_tokens   = "required"
}`,
  check: (r) => {
    const p = imdsv1(r);
    return p ? v('http_tokens is not "required" (IMDSv1 lets SSRF read instance credentials)', p) : undefined;
  },
});

export const publicIp = defineRule({
  id: 'iac/aws/ec2-public-ip',
  title: 'EC2 instance gets a public IP address',
  severity: 'high',
  csv: ['aws:ec2-instance-no-public-ip', 'aws:autoscaling-launch-config-public-ip-disabled'],
  checkov: ['CKV_AWS_88', 'CKV_AWS_389'],
  types: ['aws_instance', 'aws_launch_template', 'aws_launch_configuration', 'AWS::EC2::Instance', 'AWS::EC2::LaunchTemplate', 'AWS::AutoScaling::LaunchConfiguration'],
  remediation: `aws_instance: associate_public_ip_address = false (reach it through a load balancer, SSM or a bastion)
aws_launch_template: network_interfaces { associate_public_ip_address = false }`,
  check: (r) => {
    const candidates: Array<[Json | undefined, string]> =
      r.platform === 'cloudformation'
        ? [
            ...getAll(r.attributes, r.type === 'AWS::EC2::LaunchTemplate' ? 'LaunchTemplateData.NetworkInterfaces' : 'NetworkInterfaces').map((n): [Json | undefined, string] => [get(n, 'AssociatePublicIpAddress'), 'NetworkInterfaces']),
            [at(r, 'AssociatePublicIpAddress'), 'AssociatePublicIpAddress'],
          ]
        : [
            [at(r, 'associate_public_ip_address'), 'associate_public_ip_address'],
            ...getAll(r.attributes, 'network_interfaces').map((n): [Json | undefined, string] => [get(n, 'associate_public_ip_address'), 'network_interfaces']),
          ];
    const hit = candidates.find(([x]) => asBool(x) === true);
    return hit ? v('a public IP address is associated', hit[1]) : undefined;
  },
});

export const instanceProfile = attrRule({
  id: 'iac/aws/ec2-instance-profile',
  title: 'EC2 instance has no IAM instance profile',
  severity: 'low',
  csv: ['aws:ec2-instance-profile-attached'],
  checkov: ['CKV2_AWS_41'],
  remediation: `resource "aws_instance" "i" { iam_instance_profile = aws_iam_instance_profile.app.name }`,
  specs: [
    { types: ['aws_instance'], path: 'iam_instance_profile', is: 'set', message: 'no iam_instance_profile (credentials end up hard-coded instead)' },
    { types: ['AWS::EC2::Instance'], path: 'IamInstanceProfile', is: 'set', message: 'no IamInstanceProfile' },
  ],
});

export const instanceInVpc = attrRule({
  id: 'iac/aws/ec2-instance-in-vpc',
  title: 'EC2 instance is not placed in a VPC subnet',
  severity: 'low',
  csv: ['aws:ec2-instances-in-vpc'],
  remediation: `resource "aws_instance" "i" { subnet_id = aws_subnet.private.id  vpc_security_group_ids = [aws_security_group.app.id] }`,
  specs: [
    { types: ['aws_instance'], path: 'subnet_id', is: 'set', message: 'no subnet_id' },
    { types: ['AWS::EC2::Instance'], path: 'SubnetId', is: 'set', message: 'no SubnetId' },
  ],
});

export const subnetPublicIp = attrRule({
  id: 'iac/aws/subnet-public-ip-on-launch',
  title: 'Subnet assigns public IPs on launch',
  severity: 'medium',
  csv: ['aws:subnet-auto-assign-public-ip-disabled'],
  checkov: ['CKV_AWS_130'],
  remediation: `resource "aws_subnet" "s" { map_public_ip_on_launch = false }`,
  specs: [
    { types: ['aws_subnet'], path: 'map_public_ip_on_launch', is: 'false', message: 'map_public_ip_on_launch = true' },
    { types: ['AWS::EC2::Subnet'], path: 'MapPublicIpOnLaunch', is: 'false', message: 'MapPublicIpOnLaunch: true' },
  ],
});

const SECRET_IN_TEXT = /(AKIA[0-9A-Z]{16})|((aws_secret_access_key|secret_key|password|passwd|api_key|apikey|token)\s*[=:]\s*["']?[^\s"'$]{6,})/i;

export const userDataSecrets = defineRule({
  id: 'iac/aws/ec2-user-data-secrets',
  title: 'Hard-coded secret in EC2 user data',
  severity: 'high',
  hipaa: ['164.312(a)(1)', '164.312(d)'],
  checkov: ['CKV_AWS_46'],
  types: ['aws_instance', 'aws_launch_configuration', 'aws_launch_template', 'AWS::EC2::Instance'],
  remediation: `Read secrets at boot from Secrets Manager or SSM Parameter Store using the instance role:
user_data = <<-EOT
  DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id app/db --query SecretString --output text)
EOT`,
  check: (r) => {
    for (const p of ['user_data', 'user_data_base64', 'UserData']) {
      let x = at(r, p);
      if (typeof x !== 'string' || isUnknown(x)) continue;
      if (p !== 'user_data' && /^[A-Za-z0-9+/=\s]+$/.test(x)) x = Buffer.from(x, 'base64').toString('utf8');
      const m = SECRET_IN_TEXT.exec(x);
      if (m) return { message: 'user data contains a credential', path: p, value: m[0], masked: `${m[0].slice(0, 4)}***` };
    }
    return undefined;
  },
});

export default [ebsEncrypted, instanceVolumes, ebsDefault, attachedVolumes, imdsv2, publicIp, instanceProfile, instanceInVpc, subnetPublicIp, userDataSecrets];
