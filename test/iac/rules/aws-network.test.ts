import { cfn, ruleCases, tf } from '../cases.js';

const sg = (port: number, cidr: string, proto = 'tcp') => tf('aws_security_group', 'sg', `  ingress {\n    from_port   = ${port}\n    to_port     = ${port}\n    protocol    = "${proto}"\n    cidr_blocks = ["${cidr}"]\n  }`);

ruleCases('aws/network', [
  { id: 'iac/aws/security-group-open-ssh', valid: [sg(22, '10.0.0.0/8'), sg(443, '0.0.0.0/0')], invalid: [{ src: sg(22, '0.0.0.0/0'), line: 2 }, tf('aws_security_group_rule', 'r', '  type = "ingress"\n  from_port = 0\n  to_port = 65535\n  protocol = "tcp"\n  cidr_blocks = ["0.0.0.0/0"]'), cfn('AWS::EC2::SecurityGroup', 'SecurityGroupIngress:\n  - IpProtocol: tcp\n    FromPort: 22\n    ToPort: 22\n    CidrIp: 0.0.0.0/0')] },
  { id: 'iac/aws/security-group-open-rdp', valid: [sg(3389, '10.0.0.0/8')], invalid: [sg(3389, '0.0.0.0/0')] },
  { id: 'iac/aws/security-group-open-database-ports', valid: [sg(5432, '10.0.0.0/16')], invalid: [sg(5432, '0.0.0.0/0'), tf('aws_vpc_security_group_ingress_rule', 'r', '  cidr_ipv4 = "0.0.0.0/0"\n  from_port = 3306\n  to_port = 3306\n  ip_protocol = "tcp"')] },
  { id: 'iac/aws/security-group-open-all-ports', valid: [sg(443, '0.0.0.0/0')], invalid: [sg(0, '0.0.0.0/0', '-1')] },
  { id: 'iac/aws/default-security-group-closed', valid: [tf('aws_default_security_group', 'd', '  vpc_id = "vpc-1"')], invalid: [tf('aws_default_security_group', 'd', '  ingress {\n    protocol = -1\n    self = true\n    from_port = 0\n    to_port = 0\n  }')] },
  { id: 'iac/aws/vpc-flow-logs', valid: [tf('aws_vpc', 'v') + tf('aws_flow_log', 'f', '  vpc_id = aws_vpc.v.id'), cfn('AWS::EC2::VPC', 'CidrBlock: 10.0.0.0/16', 'Vpc', '  Flow:\n    Type: AWS::EC2::FlowLog\n    Properties:\n      ResourceId: !Ref Vpc\n')], invalid: [tf('aws_vpc', 'v'), cfn('AWS::EC2::VPC', 'CidrBlock: 10.0.0.0/16')] },
  {
    id: 'iac/aws/database-security-group-open',
    valid: [tf('aws_db_instance', 'db', '  vpc_security_group_ids = [aws_security_group.sg.id]') + sg(5432, '10.0.0.0/8')],
    invalid: [
      { src: tf('aws_db_instance', 'db', '  vpc_security_group_ids = [aws_security_group.sg.id]') + sg(5432, '0.0.0.0/0'), address: 'aws_db_instance.db', line: 2 },
      // The open rule lives on a separate aws_security_group_rule resource.
      tf('aws_db_instance', 'db', '  vpc_security_group_ids = [aws_security_group.sg.id]') + tf('aws_security_group', 'sg') + tf('aws_security_group_rule', 'open', '  type = "ingress"\n  security_group_id = aws_security_group.sg.id\n  from_port = 5432\n  to_port = 5432\n  protocol = "tcp"\n  cidr_blocks = ["0.0.0.0/0"]'),
    ],
  },
]);
