/**
 * The built-in rule registry: one import per rule family file, sorted. Adding a rule is adding it
 * to its family's default export (or a new file here); nothing else switches on rule ids.
 */
import type { IacRule } from './types.js';
import awsAudit from './aws/audit.js';
import awsCompute from './aws/compute.js';
import awsDatastores from './aws/datastores.js';
import awsEc2 from './aws/ec2.js';
import awsElb from './aws/elb.js';
import awsIam from './aws/iam.js';
import awsNetwork from './aws/network.js';
import awsRds from './aws/rds.js';
import awsS3 from './aws/s3.js';
import azure from './azure/azure.js';
import docker from './docker/dockerfile.js';
import gcp from './gcp/gcp.js';
import k8s from './k8s/workloads.js';

export const BUILTIN_RULES: IacRule[] = [
  ...awsAudit, ...awsCompute, ...awsDatastores, ...awsEc2, ...awsElb, ...awsIam, ...awsNetwork, ...awsRds, ...awsS3,
  ...azure, ...docker, ...gcp, ...k8s,
];
