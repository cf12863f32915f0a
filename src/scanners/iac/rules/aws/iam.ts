/** IAM: least privilege (no admin or service-wide grants), no user-attached policies, password policy. */
import type { IacResource, Json } from '../../model.js';
import type { ModelIndex } from '../context.js';
import { defineRule } from '../types.js';
import { asBool, asList, asNumber, at, getAll, isUnknown, policyDoc, statements, v } from '../helpers.js';

const POLICY_TYPES: Record<string, string> = {
  aws_iam_policy: 'policy',
  aws_iam_role_policy: 'policy',
  aws_iam_user_policy: 'policy',
  aws_iam_group_policy: 'policy',
  aws_ssoadmin_permission_set_inline_policy: 'inline_policy',
  'AWS::IAM::ManagedPolicy': 'PolicyDocument',
  'AWS::IAM::Policy': 'PolicyDocument',
};

function documentOf(d: IacResource): Json {
  return { Statement: getAll(d.attributes, 'statement').map((s) => ({ Effect: (s as Record<string, Json>).effect ?? 'Allow', Action: (s as Record<string, Json>).actions ?? [], Resource: (s as Record<string, Json>).resources ?? [] })) };
}

function policies(r: IacResource, m?: ModelIndex): Json[] {
  const p = POLICY_TYPES[r.type];
  if (p) {
    const v = r.attributes[p] ?? null;
    // `policy = data.aws_iam_policy_document.x.json`: read the document's statements.
    if (isUnknown(v) && m) {
      const docs = m.deref(r, v).filter((d) => d.type === 'data.aws_iam_policy_document');
      if (docs.length) return docs.map(documentOf);
    }
    return [v];
  }
  if (r.type === 'aws_iam_role') return getAll(r.attributes, 'inline_policy.policy');
  if (r.type === 'AWS::IAM::Role' || r.type === 'AWS::IAM::User' || r.type === 'AWS::IAM::Group') return getAll(r.attributes, 'Policies.PolicyDocument');
  if (r.type === 'data.aws_iam_policy_document') return [documentOf(r)];
  return [];
}

const TYPES = [...Object.keys(POLICY_TYPES), 'aws_iam_role', 'AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'];

function allowStatements(r: IacResource, m?: ModelIndex) {
  return policies(r, m).flatMap((p) => statements(policyDoc(p))).filter((s) => (s.Effect ?? 'Allow') === 'Allow');
}

export const adminPolicy = defineRule({
  id: 'iac/aws/iam-policy-admin-access',
  title: 'IAM policy grants full administrative access ("*" on "*")',
  severity: 'critical',
  csv: ['aws:iam-policy-no-statements-with-admin-access'],
  checkov: ['CKV_AWS_62', 'CKV_AWS_1'],
  types: TYPES,
  remediation: `Grant only the actions and resources the role needs:
{ "Effect": "Allow", "Action": ["s3:GetObject"], "Resource": ["arn:aws:s3:::phi-bucket/*"] }`,
  check: (r, m) => {
    const bad = allowStatements(r, m).find((s) => asList(s.Action).includes('*') && asList(s.Resource).includes('*'));
    return bad ? v('an Allow statement has Action "*" and Resource "*"', POLICY_TYPES[r.type]) : undefined;
  },
});

export const fullAccess = defineRule({
  id: 'iac/aws/iam-policy-service-wildcard',
  title: 'IAM policy grants every action of a service ("service:*")',
  severity: 'medium',
  csv: ['aws:iam-policy-no-statements-with-full-access'],
  checkov: ['CKV_AWS_63', 'CKV_AWS_355'],
  types: TYPES,
  remediation: `List the actions instead of "s3:*":
{ "Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": ["arn:aws:s3:::phi-bucket/*"] }`,
  check: (r, m) => {
    const bad = allowStatements(r, m).flatMap((s) => asList(s.Action)).find((a) => typeof a === 'string' && /^[a-z0-9-]+:\*$/i.test(a));
    return bad ? v(`an Allow statement grants ${String(bad)}`, POLICY_TYPES[r.type]) : undefined;
  },
});

const KMS_BLOCKED = /^kms:(\*|Decrypt|ReEncryptFrom|ReEncrypt\*)$/i;

export const kmsActions = defineRule({
  id: 'iac/aws/iam-policy-kms-decrypt-all-keys',
  title: 'IAM policy allows KMS decryption on all keys',
  severity: 'high',
  csv: ['aws:iam-customer-policy-blocked-kms-actions', 'aws:iam-inline-policy-blocked-kms-actions'],
  types: TYPES,
  remediation: `Scope kms:Decrypt to the keys the workload uses:
{ "Effect": "Allow", "Action": ["kms:Decrypt"], "Resource": ["arn:aws:kms:us-east-1:111122223333:key/<key-id>"] }`,
  check: (r, m) => {
    const bad = allowStatements(r, m).find((s) => asList(s.Resource).includes('*') && asList(s.Action).some((a) => typeof a === 'string' && KMS_BLOCKED.test(a)));
    return bad ? v('kms:Decrypt/ReEncryptFrom allowed on Resource "*"', POLICY_TYPES[r.type]) : undefined;
  },
});

export const inlinePolicy = defineRule({
  id: 'iac/aws/iam-inline-policy',
  title: 'IAM inline policy used instead of a managed policy',
  severity: 'low',
  csv: ['aws:iam-no-inline-policy-check'],
  types: ['aws_iam_role_policy', 'aws_iam_user_policy', 'aws_iam_group_policy', 'aws_iam_role', 'AWS::IAM::Policy', 'AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'],
  remediation: `Use a managed policy attached to the role, reviewed and versioned in one place:
resource "aws_iam_role_policy_attachment" "a" { role = aws_iam_role.app.name  policy_arn = aws_iam_policy.app.arn }`,
  check: (r) => {
    if (r.type === 'aws_iam_role') return getAll(r.attributes, 'inline_policy').length ? v('role has inline_policy blocks', 'inline_policy') : undefined;
    if (r.type.startsWith('AWS::IAM::') && r.type !== 'AWS::IAM::Policy') return getAll(r.attributes, 'Policies').length ? v('inline Policies', 'Policies') : undefined;
    return v('inline policy resource');
  },
});

export const userPolicies = defineRule({
  id: 'iac/aws/iam-user-attached-policy',
  title: 'IAM policy is attached directly to a user',
  severity: 'low',
  csv: ['aws:iam-user-no-policies-check'],
  checkov: ['CKV_AWS_40'],
  types: ['aws_iam_user_policy', 'aws_iam_user_policy_attachment', 'aws_iam_policy_attachment', 'AWS::IAM::User', 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy'],
  remediation: `Attach policies to groups or roles and put users in groups:
resource "aws_iam_group_policy_attachment" "a" { group = aws_iam_group.clinicians.name  policy_arn = aws_iam_policy.p.arn }`,
  check: (r) => {
    if (r.type === 'aws_iam_user_policy' || r.type === 'aws_iam_user_policy_attachment') return v('policy attached to a user');
    if (r.type === 'aws_iam_policy_attachment') return getAll(r.attributes, 'users').length ? v('policy attachment lists users', 'users') : undefined;
    if (r.type === 'AWS::IAM::User') return getAll(r.attributes, 'Policies').length || getAll(r.attributes, 'ManagedPolicyArns').length ? v('user has policies', 'Policies') : undefined;
    return getAll(r.attributes, 'Users').length ? v('policy lists Users', 'Users') : undefined;
  },
});

export const passwordPolicy = defineRule({
  id: 'iac/aws/iam-password-policy',
  title: 'IAM account password policy is weak',
  severity: 'medium',
  csv: ['aws:iam-password-policy'],
  checkov: ['CKV_AWS_9', 'CKV_AWS_10', 'CKV_AWS_11', 'CKV_AWS_12', 'CKV_AWS_13', 'CKV_AWS_14', 'CKV_AWS_15'],
  types: ['aws_iam_account_password_policy'],
  remediation: `resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length = 14  require_lowercase_characters = true  require_uppercase_characters = true
  require_numbers = true  require_symbols = true  password_reuse_prevention = 24  max_password_age = 90
}`,
  check: (r) => {
    const out = [];
    const len = at(r, 'minimum_password_length');
    if (!isUnknown(len) && (asNumber(len) ?? 6) < 14) out.push(v('minimum_password_length under 14', 'minimum_password_length'));
    for (const k of ['require_lowercase_characters', 'require_uppercase_characters', 'require_numbers', 'require_symbols']) {
      const x = at(r, k);
      if (!isUnknown(x) && asBool(x) !== true) out.push(v(`${k} is not true`, k));
    }
    const reuse = at(r, 'password_reuse_prevention');
    if (!isUnknown(reuse) && (asNumber(reuse) ?? 0) < 24) out.push(v('password_reuse_prevention under 24', 'password_reuse_prevention'));
    const age = at(r, 'max_password_age');
    if (!isUnknown(age) && ((asNumber(age) ?? 0) === 0 || (asNumber(age) ?? 0) > 90)) out.push(v('max_password_age unset or over 90 days', 'max_password_age'));
    return out;
  },
});

export default [adminPolicy, fullAccess, kmsActions, inlinePolicy, userPolicies, passwordPolicy];
