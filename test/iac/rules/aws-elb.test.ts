import { cfn, ruleCases, tf } from '../cases.js';

const lb = tf('aws_lb', 'app', '  load_balancer_type = "application"');
const listener = (body: string) => tf('aws_lb_listener', 'l', `  load_balancer_arn = aws_lb.app.arn\n${body}`);
const redirect = '  port = 80\n  protocol = "HTTP"\n  default_action {\n    type = "redirect"\n    redirect {\n      port = "443"\n      protocol = "HTTPS"\n      status_code = "HTTP_301"\n    }\n  }';
const forward = '  port = 80\n  protocol = "HTTP"\n  default_action {\n    type = "forward"\n  }';

ruleCases('aws/elb', [
  { id: 'iac/aws/alb-http-redirect-to-https', valid: [lb + listener(redirect), lb], invalid: [{ src: lb + listener(forward), address: 'aws_lb.app' }] },
  { id: 'iac/aws/lb-listener-tls', valid: [lb + listener(redirect), lb + listener('  protocol = "HTTPS"\n  ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"'), lb + listener('  protocol = "TCP"')], invalid: [lb + listener(forward), lb + listener('  protocol = "HTTPS"\n  ssl_policy = "ELBSecurityPolicy-2016-08"'), cfn('AWS::ElasticLoadBalancingV2::Listener', 'Protocol: HTTPS\nSslPolicy: ELBSecurityPolicy-TLS-1-1-2017-01')] },
  { id: 'iac/aws/lb-access-logs', valid: [tf('aws_lb', 'a', '  access_logs {\n    bucket = "logs"\n    enabled = true\n  }')], invalid: [tf('aws_lb', 'a'), tf('aws_elb', 'e', '  access_logs {\n    bucket = "logs"\n    enabled = false\n  }')] },
  { id: 'iac/aws/elb-tls-listeners', valid: [tf('aws_elb', 'e', '  listener {\n    lb_port = 443\n    lb_protocol = "https"\n    instance_port = 8443\n    instance_protocol = "https"\n  }')], invalid: [tf('aws_elb', 'e', '  listener {\n    lb_port = 80\n    lb_protocol = "http"\n    instance_port = 80\n    instance_protocol = "http"\n  }')] },
  { id: 'iac/aws/elb-cross-zone', valid: [tf('aws_elb', 'e')], invalid: [tf('aws_elb', 'e', '  cross_zone_load_balancing = false')] },
  { id: 'iac/aws/lb-deletion-protection', valid: [tf('aws_lb', 'a', '  enable_deletion_protection = true')], invalid: [tf('aws_lb', 'a')] },
  { id: 'iac/aws/elb-predefined-ssl-policy', valid: [tf('aws_load_balancer_policy', 'p', '  policy_type_name = "SSLNegotiationPolicyType"\n  policy_attribute {\n    name = "Reference-Security-Policy"\n    value = "ELBSecurityPolicy-TLS-1-2-2017-01"\n  }')], invalid: [tf('aws_load_balancer_policy', 'p', '  policy_type_name = "SSLNegotiationPolicyType"\n  policy_attribute {\n    name = "Protocol-TLSv1"\n    value = "true"\n  }')] },
  { id: 'iac/aws/autoscaling-elb-health-check', valid: [tf('aws_autoscaling_group', 'g', '  target_group_arns = ["arn"]\n  health_check_type = "ELB"'), tf('aws_autoscaling_group', 'g')], invalid: [tf('aws_autoscaling_group', 'g', '  target_group_arns = ["arn"]\n  health_check_type = "EC2"')] },
]);
