/**
 * Synthetic Terraform corpus for benchmarks: many stacks of realistic resources (buckets with
 * split settings, databases, security groups, keys, trails), variables, locals, count and a local
 * module, with a deterministic mix of compliant and non-compliant settings.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CorpusOptions {
  files: number;
  resourcesPerFile: number;
  /** Files per stack directory (a root module). Default 10. */
  filesPerStack?: number;
}

export interface CorpusStats {
  files: number;
  resources: number;
  bytes: number;
  stacks: number;
}

const TEMPLATES: Array<(n: string, i: number) => string> = [
  (n, i) => `resource "aws_s3_bucket" "${n}" {
  bucket = "\${local.prefix}-${n}"
  tags   = merge(local.tags, { Name = "${n}" })
}

resource "aws_s3_bucket_server_side_encryption_configuration" "${n}" {
  count  = ${Math.floor(i / 3) % 3 === 0 ? 0 : 1}
  bucket = aws_s3_bucket.${n}.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.shared.arn
    }
  }
}

resource "aws_s3_bucket_versioning" "${n}" {
  bucket = aws_s3_bucket.${n}.id
  versioning_configuration { status = var.versioning ? "Enabled" : "Suspended" }
}
`,
  (n, i) => `resource "aws_db_instance" "${n}" {
  identifier              = "\${local.prefix}-${n}"
  engine                  = "postgres"
  instance_class          = var.db_class
  storage_encrypted       = ${i % 4 !== 0}
  kms_key_id              = aws_kms_key.shared.arn
  publicly_accessible     = ${i % 7 === 0}
  backup_retention_period = ${i % 5 === 0 ? 0 : 14}
  multi_az                = true
  vpc_security_group_ids  = [aws_security_group.${n}.id]
  enabled_cloudwatch_logs_exports = ["postgresql"]
}

resource "aws_security_group" "${n}" {
  name   = "${n}"
  vpc_id = var.vpc_id
  ingress {
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = [${i % 6 === 0 ? '"0.0.0.0/0"' : 'var.app_cidr'}]
  }
}
`,
  (n, i) => `resource "aws_cloudwatch_log_group" "${n}" {
  name              = "/app/${n}"
  retention_in_days = ${i % 2 === 0 ? 400 : 30}
  kms_key_id        = aws_kms_key.shared.arn
}

resource "aws_sqs_queue" "${n}" {
  name                    = "${n}"
  sqs_managed_sse_enabled = ${i % 3 !== 1}
}

resource "aws_instance" "${n}" {
  count                       = var.instances
  ami                         = var.ami
  instance_type               = "t3.micro"
  subnet_id                   = var.subnet_id
  associate_public_ip_address = ${i % 8 === 0}
  metadata_options {
    http_tokens = "${i % 2 === 0 ? 'required' : 'optional'}"
  }
  root_block_device { encrypted = true }
}
`,
];

const HEADER = `variable "versioning" {
  type    = bool
  default = true
}

variable "db_class" {
  default = "db.t3.medium"
}

variable "instances" {
  default = 2
}

variable "vpc_id" {}
variable "subnet_id" {}
variable "ami" {}
variable "app_cidr" {
  default = "10.0.0.0/16"
}

locals {
  prefix = "clinic-\${terraform.workspace}"
  tags   = { owner = "platform", data = "phi" }
}

resource "aws_kms_key" "shared" {
  description         = "shared"
  enable_key_rotation = true
}

module "audit" {
  source = "../modules/audit"
  name   = local.prefix
}
`;

const MODULE = `variable "name" {}

resource "aws_cloudtrail" "this" {
  name                          = var.name
  s3_bucket_name                = aws_s3_bucket.trail.id
  is_multi_region_trail         = true
  enable_log_file_validation    = true
  kms_key_id                    = "arn:aws:kms:us-east-1:111122223333:key/example"
}

resource "aws_s3_bucket" "trail" {
  bucket = "\${var.name}-trail"
}
`;

/** Write the corpus under `dir`; returns what was written. */
export function generateTerraformCorpus(dir: string, opts: CorpusOptions): CorpusStats {
  const perStack = Math.max(1, opts.filesPerStack ?? 10);
  let resources = 0;
  let bytes = 0;
  let written = 0;
  const modDir = join(dir, 'modules', 'audit');
  mkdirSync(modDir, { recursive: true });
  writeFileSync(join(modDir, 'main.tf'), MODULE);
  bytes += MODULE.length;
  written++;
  const stacks = Math.ceil(opts.files / perStack);
  for (let s = 0; s < stacks && written < opts.files + 1; s++) {
    const sd = join(dir, `stack-${String(s).padStart(4, '0')}`);
    mkdirSync(sd, { recursive: true });
    writeFileSync(join(sd, 'main.tf'), HEADER);
    bytes += HEADER.length;
    written++;
    resources += 1;
    for (let f = 1; f < perStack && written < opts.files + 1; f++) {
      let text = '';
      for (let k = 0; k < opts.resourcesPerFile; ) {
        const i = s * 1000 + f * 37 + k;
        const t = TEMPLATES[i % TEMPLATES.length]!;
        text += t(`r${f}_${k}`, i) + '\n';
        k += 3;
        resources += 3;
      }
      writeFileSync(join(sd, `res-${f}.tf`), text);
      bytes += text.length;
      written++;
    }
  }
  return { files: written, resources, bytes, stacks };
}
