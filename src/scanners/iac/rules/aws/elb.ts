/** Load balancers: HTTPS redirects, TLS policies, access logs, certificates, resilience. */
import type { IacResource } from '../../model.js';
import type { ModelIndex } from '../context.js';
import { attrRule } from '../simple.js';
import { defineRule } from '../types.js';
import { asBool, at, get, getAll, isUnknown, lower, v } from '../helpers.js';

const LB = ['aws_lb', 'aws_alb'];
const LISTENER = ['aws_lb_listener', 'aws_alb_listener'];
const GOOD_POLICY = /TLS13-1-[23]|TLS-1-[23]|FS-1-2|TLS12/i;

function redirectsToHttps(l: IacResource): boolean {
  if (l.platform === 'cloudformation') {
    return getAll(l.attributes, 'DefaultActions').some((a) => lower(get(a, 'Type')) === 'redirect' && lower(get(a, 'RedirectConfig.Protocol')) === 'https');
  }
  return getAll(l.attributes, 'default_action').some((a) => lower(get(a, 'type')) === 'redirect' && ['https', undefined].includes(lower(get(a, 'redirect.protocol'))) && get(a, 'redirect') !== undefined && lower(get(a, 'redirect.protocol')) === 'https');
}

function isGateway(l: IacResource, m: ModelIndex): boolean {
  const lbs = m.deref(l, at(l, 'load_balancer_arn') ?? null);
  return lbs.some((lb) => lower(at(lb, 'load_balancer_type')) === 'gateway');
}

export const httpRedirect = defineRule({
  id: 'iac/aws/alb-http-redirect-to-https',
  title: 'Load balancer serves HTTP without redirecting to HTTPS',
  severity: 'high',
  csv: ['aws:alb-http-to-https-redirection-check'],
  checkov: ['CKV2_AWS_20'],
  types: [...LB, 'AWS::ElasticLoadBalancingV2::LoadBalancer'],
  remediation: `resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.app.arn
  port              = 80
  protocol          = "HTTP"
  default_action {
    type = "redirect"
    redirect { port = "443"  protocol = "HTTPS"  status_code = "HTTP_301" }
  }
}`,
  check: (lb, m) => {
    const listeners = lb.platform === 'cloudformation' ? m.referrers(lb, ['AWS::ElasticLoadBalancingV2::Listener'], ['LoadBalancerArn']) : m.referrers(lb, LISTENER, ['load_balancer_arn']);
    const bad = listeners.find((l) => lower(at(l, l.platform === 'cloudformation' ? 'Protocol' : 'protocol')) === 'http' && !redirectsToHttps(l));
    return bad ? v(`listener ${bad.address} forwards plain HTTP instead of redirecting to HTTPS`) : undefined;
  },
});

export const listenerTls = defineRule({
  id: 'iac/aws/lb-listener-tls',
  title: 'Load balancer listener does not enforce TLS 1.2 or later',
  severity: 'high',
  csv: ['aws:elbv2-acm-certificate-required', 'aws:alb-http-to-https-redirection-check'],
  checkov: ['CKV_AWS_103', 'CKV_AWS_2'],
  types: [...LISTENER, 'AWS::ElasticLoadBalancingV2::Listener'],
  remediation: `resource "aws_lb_listener" "https" {
  port            = 443
  protocol        = "HTTPS"
  ssl_policy      = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn = aws_acm_certificate.app.arn
}
(an HTTP listener must only redirect to HTTPS)`,
  check: (l, m) => {
    const cfn = l.platform === 'cloudformation';
    const proto = lower(at(l, cfn ? 'Protocol' : 'protocol'));
    if (isUnknown(proto)) return undefined;
    if (!cfn && proto === undefined && isGateway(l, m)) return undefined;
    if (proto === 'tcp' || proto === 'udp' || proto === 'tcp_udp' || proto === 'geneve') return undefined;
    if (proto === 'http' || proto === undefined) return redirectsToHttps(l) ? undefined : v('plain HTTP listener without a redirect to HTTPS', cfn ? 'Protocol' : 'protocol');
    const pol = at(l, cfn ? 'SslPolicy' : 'ssl_policy');
    if (isUnknown(pol)) return undefined;
    if (typeof pol !== 'string' || !GOOD_POLICY.test(pol)) return v(`ssl_policy ${JSON.stringify(pol ?? null)} allows TLS older than 1.2`, cfn ? 'SslPolicy' : 'ssl_policy');
    return undefined;
  },
});

export const albLogging = defineRule({
  id: 'iac/aws/lb-access-logs',
  title: 'Load balancer access logging is not enabled',
  severity: 'medium',
  csv: ['aws:elb-logging-enabled'],
  checkov: ['CKV_AWS_91', 'CKV_AWS_92'],
  types: [...LB, 'aws_elb', 'AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::ElasticLoadBalancing::LoadBalancer'],
  remediation: `access_logs {
  bucket  = aws_s3_bucket.lb_logs.id
  enabled = true
}`,
  check: (r) => {
    if (r.type === 'AWS::ElasticLoadBalancingV2::LoadBalancer') {
      const a = getAll(r.attributes, 'LoadBalancerAttributes').find((x) => get(x, 'Key') === 'access_logs.s3.enabled');
      return a && asBool(get(a, 'Value')) === true ? undefined : v('access_logs.s3.enabled is not true', 'LoadBalancerAttributes');
    }
    if (r.type === 'AWS::ElasticLoadBalancing::LoadBalancer') return asBool(at(r, 'AccessLoggingPolicy.Enabled')) === true ? undefined : v('AccessLoggingPolicy is not enabled', 'AccessLoggingPolicy');
    if (r.type !== 'aws_elb' && lower(at(r, 'load_balancer_type')) === 'gateway') return undefined;
    const al = at(r, 'access_logs');
    if (!al) return v('no access_logs block');
    const en = get(al, 'enabled');
    if (isUnknown(en)) return undefined;
    if (r.type === 'aws_elb') return asBool(en) === false ? v('access_logs.enabled = false', 'access_logs') : undefined;
    return asBool(en) === true ? undefined : v('access_logs.enabled is not true', 'access_logs');
  },
});

export const elbTls = defineRule({
  id: 'iac/aws/elb-tls-listeners',
  title: 'Classic load balancer listener is not HTTPS/SSL with a certificate',
  severity: 'high',
  csv: ['aws:elb-tls-https-listeners-only', 'aws:elb-acm-certificate-required'],
  checkov: ['CKV_AWS_376', 'CKV_AWS_127'],
  types: ['aws_elb', 'AWS::ElasticLoadBalancing::LoadBalancer'],
  remediation: `listener {
  lb_port = 443  lb_protocol = "https"
  instance_port = 443  instance_protocol = "https"
  ssl_certificate_id = aws_acm_certificate.app.arn
}`,
  check: (r) => {
    const cfn = r.platform === 'cloudformation';
    const ls = getAll(r.attributes, cfn ? 'Listeners' : 'listener');
    const bad = ls.find((l) => {
      const p = lower(get(l, cfn ? 'Protocol' : 'lb_protocol'));
      return p !== undefined && !isUnknown(p) && !['https', 'ssl'].includes(p);
    });
    return bad ? v('a listener uses plain HTTP/TCP', cfn ? 'Listeners' : 'listener') : undefined;
  },
});

export const elbCrossZone = attrRule({
  id: 'iac/aws/elb-cross-zone',
  title: 'Classic load balancer cross-zone balancing is off',
  severity: 'low',
  csv: ['aws:elb-cross-zone-load-balancing-enabled'],
  checkov: ['CKV_AWS_138'],
  remediation: `resource "aws_elb" "lb" { cross_zone_load_balancing = true }`,
  specs: [
    { types: ['aws_elb'], path: 'cross_zone_load_balancing', is: 'true', absent: 'pass', message: 'cross_zone_load_balancing = false' },
    { types: ['AWS::ElasticLoadBalancing::LoadBalancer'], path: 'CrossZone', is: 'true', message: 'CrossZone is not true' },
  ],
});

export const lbDeletion = defineRule({
  id: 'iac/aws/lb-deletion-protection',
  title: 'Load balancer deletion protection is off',
  severity: 'low',
  csv: ['aws:elb-deletion-protection-enabled'],
  checkov: ['CKV_AWS_150'],
  types: [...LB, 'AWS::ElasticLoadBalancingV2::LoadBalancer'],
  remediation: `resource "aws_lb" "app" { enable_deletion_protection = true }`,
  check: (r) => {
    if (r.platform === 'cloudformation') {
      const a = getAll(r.attributes, 'LoadBalancerAttributes').find((x) => get(x, 'Key') === 'deletion_protection.enabled');
      return a && asBool(get(a, 'Value')) === true ? undefined : v('deletion_protection.enabled is not true', 'LoadBalancerAttributes');
    }
    const x = at(r, 'enable_deletion_protection');
    return isUnknown(x) || asBool(x) === true ? undefined : v('enable_deletion_protection is not true', 'enable_deletion_protection');
  },
});

export const elbSslPolicy = defineRule({
  id: 'iac/aws/elb-predefined-ssl-policy',
  title: 'Classic load balancer uses a custom or outdated SSL negotiation policy',
  severity: 'medium',
  csv: ['aws:elb-predefined-security-policy-ssl-check'],
  checkov: ['CKV_AWS_213'],
  types: ['aws_load_balancer_policy', 'aws_lb_ssl_negotiation_policy'],
  remediation: `policy_attribute { name = "Reference-Security-Policy"  value = "ELBSecurityPolicy-TLS-1-2-2017-01" }`,
  check: (r) => {
    if (r.type === 'aws_lb_ssl_negotiation_policy') return v('custom SSL negotiation policy; use a predefined Reference-Security-Policy');
    if (lower(at(r, 'policy_type_name')) !== 'sslnegotiationpolicytype') return undefined;
    const ref = getAll(r.attributes, 'policy_attribute').find((a) => get(a, 'name') === 'Reference-Security-Policy');
    const val = ref ? get(ref, 'value') : undefined;
    return typeof val === 'string' && (isUnknown(val) || GOOD_POLICY.test(val)) ? undefined : v('no TLS 1.2 Reference-Security-Policy', 'policy_attribute');
  },
});

export const asgHealth = defineRule({
  id: 'iac/aws/autoscaling-elb-health-check',
  title: 'Auto Scaling group behind a load balancer uses EC2 health checks',
  severity: 'low',
  csv: ['aws:autoscaling-group-elb-healthcheck-required'],
  checkov: ['CKV2_AWS_15'],
  types: ['aws_autoscaling_group', 'AWS::AutoScaling::AutoScalingGroup'],
  remediation: `resource "aws_autoscaling_group" "app" { health_check_type = "ELB" }`,
  check: (r) => {
    const cfn = r.platform === 'cloudformation';
    const lbs = cfn ? [...getAll(r.attributes, 'LoadBalancerNames'), ...getAll(r.attributes, 'TargetGroupARNs')] : [...getAll(r.attributes, 'load_balancers'), ...getAll(r.attributes, 'target_group_arns')];
    if (lbs.length === 0) return undefined;
    const t = at(r, cfn ? 'HealthCheckType' : 'health_check_type');
    return isUnknown(t) || lower(t) === 'elb' ? undefined : v('health_check_type is not ELB', cfn ? 'HealthCheckType' : 'health_check_type');
  },
});

export default [httpRedirect, listenerTls, albLogging, elbTls, elbCrossZone, lbDeletion, elbSslPolicy, asgHealth];
