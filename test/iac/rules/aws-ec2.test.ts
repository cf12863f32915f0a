import { cfn, ruleCases, tf } from '../cases.js';

ruleCases('aws/ec2', [
  { id: 'iac/aws/ebs-volume-encrypted', valid: [tf('aws_ebs_volume', 'v', '  encrypted = true'), cfn('AWS::EC2::Volume', 'Encrypted: true')], invalid: [tf('aws_ebs_volume', 'v', '  encrypted = False'), cfn('AWS::EC2::Volume', 'Size: 10')] },
  { id: 'iac/aws/ec2-block-device-encrypted', valid: [tf('aws_instance', 'i', '  root_block_device {\n    encrypted = true\n  }'), tf('aws_instance', 'i') + tf('aws_ebs_encryption_by_default', 'd', '  enabled = true')], invalid: [tf('aws_instance', 'i', '  root_block_device {}'), tf('aws_launch_configuration', 'lc', '  root_block_device {\n    encrypted = false\n  }'), cfn('AWS::EC2::Instance', 'BlockDeviceMappings:\n  - DeviceName: /dev/sda1\n    Ebs:\n      Encrypted: false')] },
  { id: 'iac/aws/ebs-encryption-by-default', valid: [tf('aws_ebs_encryption_by_default', 'd', '  enabled = true')], invalid: [tf('aws_ebs_encryption_by_default', 'd', '  enabled = false')] },
  { id: 'iac/aws/ec2-attached-volume-encrypted', valid: [tf('aws_ebs_volume', 'v', '  encrypted = true') + tf('aws_volume_attachment', 'a', '  volume_id = aws_ebs_volume.v.id'), tf('aws_ebs_volume', 'v')], invalid: [tf('aws_ebs_volume', 'v') + tf('aws_volume_attachment', 'a', '  volume_id = aws_ebs_volume.v.id')] },
  { id: 'iac/aws/ec2-imdsv2-required', valid: [tf('aws_instance', 'i', '  metadata_options {\n    http_tokens = "required"\n  }'), cfn('AWS::EC2::LaunchTemplate', 'LaunchTemplateData:\n  MetadataOptions:\n    HttpTokens: required')], invalid: [tf('aws_instance', 'i'), tf('aws_launch_template', 'lt', '  metadata_options {\n    http_tokens = "optional"\n  }')] },
  { id: 'iac/aws/ec2-public-ip', valid: [tf('aws_instance', 'i', '  associate_public_ip_address = false')], invalid: [tf('aws_instance', 'i', '  associate_public_ip_address = true'), tf('aws_launch_template', 'lt', '  network_interfaces {\n    associate_public_ip_address = true\n  }'), cfn('AWS::EC2::Instance', 'NetworkInterfaces:\n  - AssociatePublicIpAddress: true\n    DeviceIndex: "0"')] },
  { id: 'iac/aws/ec2-instance-profile', valid: [tf('aws_instance', 'i', '  iam_instance_profile = "app"')], invalid: [tf('aws_instance', 'i')] },
  { id: 'iac/aws/ec2-instance-in-vpc', valid: [tf('aws_instance', 'i', '  subnet_id = "subnet-1"')], invalid: [tf('aws_instance', 'i')] },
  { id: 'iac/aws/subnet-public-ip-on-launch', valid: [tf('aws_subnet', 's')], invalid: [tf('aws_subnet', 's', '  map_public_ip_on_launch = true'), cfn('AWS::EC2::Subnet', 'MapPublicIpOnLaunch: true')] },
  { id: 'iac/aws/ec2-user-data-secrets', valid: [tf('aws_instance', 'i', '  user_data = "echo hello"')], invalid: [tf('aws_instance', 'i', '  user_data = <<EOF\nexport DB_PASSWORD=' + 'hunter2hunter2\nEOF')] },
]);
