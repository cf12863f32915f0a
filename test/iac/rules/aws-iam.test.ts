import { cfn, ruleCases, tf } from '../cases.js';

const policy = (stmt: string) => tf('aws_iam_policy', 'p', `  policy = jsonencode({ Version = "2012-10-17", Statement = [${stmt}] })`);

ruleCases('aws/iam', [
  { id: 'iac/aws/iam-policy-admin-access', valid: [tf('aws_iam_policy', 'p', '  policy = data.aws_iam_policy_document.d.json') + 'data "aws_iam_policy_document" "d" {\n  statement {\n    actions = ["s3:GetObject"]\n    resources = ["*"]\n  }\n}\n', policy('{ Effect = "Allow", Action = ["s3:GetObject"], Resource = ["arn:aws:s3:::b/*"] }')], invalid: [{ src: tf('aws_iam_policy', 'p', '  policy = data.aws_iam_policy_document.d.json') + 'data "aws_iam_policy_document" "d" {\n  statement {\n    actions = ["*"]\n    resources = ["*"]\n  }\n}\n', address: 'aws_iam_policy.p' }, policy('{ Effect = "Allow", Action = "*", Resource = "*" }'), cfn('AWS::IAM::ManagedPolicy', 'PolicyDocument:\n  Statement:\n    - Effect: Allow\n      Action: "*"\n      Resource: "*"')] },
  { id: 'iac/aws/iam-policy-service-wildcard', valid: [policy('{ Effect = "Allow", Action = ["s3:GetObject"], Resource = "*" }')], invalid: [policy('{ Effect = "Allow", Action = ["s3:*"], Resource = "*" }')] },
  { id: 'iac/aws/iam-policy-kms-decrypt-all-keys', valid: [policy('{ Effect = "Allow", Action = ["kms:Decrypt"], Resource = ["arn:aws:kms:us-east-1:1:key/k"] }')], invalid: [policy('{ Effect = "Allow", Action = ["kms:Decrypt"], Resource = "*" }')] },
  { id: 'iac/aws/iam-inline-policy', valid: [tf('aws_iam_role', 'r', '  assume_role_policy = "{}"')], invalid: [tf('aws_iam_role_policy', 'p', '  role = "r"\n  policy = "{}"')] },
  { id: 'iac/aws/iam-user-attached-policy', valid: [tf('aws_iam_policy_attachment', 'a', '  groups = ["g"]\n  users = null')], invalid: [tf('aws_iam_user_policy_attachment', 'a', '  user = "u"\n  policy_arn = "arn"'), tf('aws_iam_policy_attachment', 'a', '  users = ["u"]')] },
  { id: 'iac/aws/iam-password-policy', valid: [tf('aws_iam_account_password_policy', 'p', '  minimum_password_length = 14\n  require_lowercase_characters = true\n  require_uppercase_characters = true\n  require_numbers = true\n  require_symbols = true\n  password_reuse_prevention = 24\n  max_password_age = 90')], invalid: [{ src: tf('aws_iam_account_password_policy', 'p', '  minimum_password_length = 8'), line: 2 }] },
]);
