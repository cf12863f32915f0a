import type { Recognizer } from '../types.js';
import { labelRe } from '../labels.js';
import { maskEmail } from '../mask.js';
import { syntheticEmail } from '../synthetic.js';
import { ladder, phiRule } from './common.js';

/**
 * Mailboxes of a role, not a person (`billing@`, `oncall@`, `ep-intake@`, `referrals@`): package and
 * commit metadata, and an organisation's desks that patients write to. A prefix or suffix joins with
 * `-` or `_` only: `jane.office@` is a person.
 */
const ROLE_MAILBOX =
  /^(?:[a-z0-9]+[-_])?(?:git|npm|noreply|no-reply|donotreply|do-not-reply|support|info|admin|webmaster|security|privacy|hello|contact|sales|team|help|helpdesk|billing|oncall|on-call|alerts?|notifications?|notify|referrals?|intake|appointments?|scheduling|records|medical-records|hr|ops|devops|compliance|hipaa|frontdesk|front-desk|reception|office|careteam|care-team|pharmacy|lab|radiology|claims|eligibility|enrollment|feedback|press|marketing|postmaster|abuse|mailer-daemon|root)(?:[-_][a-z0-9]+)?@/i;

export const recognizer: Recognizer = {
  kind: 'email-address',
  meta: phiRule('email-address', 'Email address', 'medium', "A person's email address in a labelled field, an email header, or beside patient data."),
  labels: labelRe(['email', 'emails', 'e_mail', 'mail', 'email_address', 'mail_to', 'mailto', 'telecom_email', 'contact', 'from', 'to', 'cc', 'reply_to', 'patient_email', 'username', 'login']),
  antiLabels:
    /(?:^|_)(?:author|authors|maintainers?|contributors?|bugs|publisher|owner|developer|committer|copyright|support|noreply|sender_address|admin|webmaster|security|abuse|postmaster|license|funding|git|npm|registry|smtp|imap|from_address|system)(?:_|$)/,
  pattern: /(?<![\w.+%-])([A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+(?:[A-Za-z]{2,24}|xn--[A-Za-z0-9-]{2,59}))(?![\w-]|\.[A-Za-z0-9])/dg,
  // The regex tries every letter and digit of the text as a start; only lines with an `@` can match.
  literal: '@',
  boostable: true,
  judge(v, ctx) {
    if (!/^[^\s@<>"']+@(?:[A-Za-z0-9-]+\.)+[A-Za-z0-9-]{2,}$/.test(v)) return 0;
    if (ctx.valueMode) return 0.9;
    // "Maintainer: Dana Lee <dana@...>", "Copyright (c) ... <...>": project people, not patients.
    if (/\b(?:author|maintainer|contributor|copyright|written by|developed by|created by|signed-off-by|co-authored-by)\b/i.test(ctx.line.slice(Math.max(0, ctx.col - 120), ctx.col))) return 0;
    // Role mailboxes: package metadata (`git@github.com`) and an organisation's desks.
    if (ROLE_MAILBOX.test(v)) return ctx.patient ? 0.4 : 0;
    return ladder(ctx, { labelled: 0.95, patient: 0.8, bare: 0.45, code: 0.25 });
  },
  mask: maskEmail,
  synthetic: syntheticEmail,
};
