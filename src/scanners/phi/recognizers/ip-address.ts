import type { Recognizer } from '../types.js';
import { labelRe } from '../labels.js';
import { maskAll } from '../mask.js';
import { nonPersonalIp, validIp } from '../validators.js';
import { phiRule } from './common.js';

export const recognizer: Recognizer = {
  kind: 'ip-address',
  meta: phiRule('ip-address', 'IP address tied to a patient', 'low', "A public IP address in a patient's record or a log line about a patient."),
  labels: labelRe(['ip', 'ip_address', 'ip_addr', 'ipaddress', 'client_ip', 'remote_addr', 'remote_ip', 'source_ip', 'src_ip', 'x_forwarded_for', 'patient_ip', 'user_ip', 'login_ip', 'device_ip', 'ipv4', 'ipv6']),
  antiLabels: /(?:^|_)(?:server|host|bind|listen|gateway|dns|nameserver|proxy|subnet|cidr|vpc|router|node|cluster|lb|load_balancer|db|database|redis|smtp|ntp|broker|endpoint|upstream|allow|deny|whitelist|allowlist|blocklist|netmask|mask|route)(?:_ip|_address|_addr|_ips|_cidr)?$/,
  pattern:
    /(?<![\w.]|[A-Za-z]\/)((?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}(?:\/\d{1,2}(?!\d))?)(?![\w]|\.\d)|(?<![\w:.])((?:[0-9A-Fa-f]{1,4}:){1,7}(?::?(?:\d{1,3}\.){3}\d{1,3}|(?::[0-9A-Fa-f]{1,4}){1,7}|[0-9A-Fa-f]{1,4}|:)?(?:%\w+)?(?:\/\d{1,3})?|::(?:(?:ffff:(?:0{1,4}:)?)?(?:\d{1,3}\.){3}\d{1,3}|[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,6})?(?:%\w+)?(?:\/\d{1,3})?)(?![\w:]|\.\d)/dg,
  boostable: true,
  judge(v, ctx) {
    const bare = v.replace(/\/\d+$/, '');
    if (!validIp(v) && !validIp(bare)) return 0;
    if (ctx.valueMode) return 0.9;
    if (nonPersonalIp(bare)) return 0;
    if (ctx.labelled && ctx.patient) return 0.85;
    if (ctx.patient) return 0.6;
    return ctx.labelled ? 0.4 : 0.2;
  },
  mask: maskAll,
};
