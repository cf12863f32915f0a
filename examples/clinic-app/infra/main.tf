terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = "us-east-1"
}

# Nightly exports of encounters (PHI) land here.
resource "aws_s3_bucket" "phi_exports" {
  bucket = "northwind-clinic-phi-exports"

  tags = {
    data_class = "phi"
  }
}

resource "aws_db_instance" "clinic" {
  identifier              = "clinic-db"
  engine                  = "postgres"
  engine_version          = "15.4"
  instance_class          = "db.t3.medium"
  allocated_storage       = 100
  username                = "clinic_admin"
  password                = var.db_password
  storage_encrypted       = false
  backup_retention_period = 0
  publicly_accessible     = true
  skip_final_snapshot     = true
  vpc_security_group_ids  = [aws_security_group.db.id]
}

resource "aws_security_group" "db" {
  name        = "clinic-db"
  description = "Postgres for the clinic API"

  ingress {
    description = "postgres from anywhere (temporary)"
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

variable "db_password" {
  type      = string
  sensitive = true
}
