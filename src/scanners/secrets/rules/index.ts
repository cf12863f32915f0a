import type { SecretRule } from '../types.js';
import { rules as ai } from './ai.js';
import { rules as aws } from './aws.js';
import { rules as azure } from './azure.js';
import { rules as bitbucket } from './bitbucket.js';
import { rules as commerce } from './commerce.js';
import { rules as devtools } from './devtools.js';
import { rules as files } from './files.js';
import { rules as gcp } from './gcp.js';
import { rules as generic } from './generic.js';
import { rules as github } from './github.js';
import { rules as gitlab } from './gitlab.js';
import { rules as http } from './http.js';
import { rules as identity } from './identity.js';
import { rules as infra } from './infra.js';
import { rules as jwt } from './jwt.js';
import { rules as kubernetes } from './kubernetes.js';
import { rules as messaging } from './messaging.js';
import { rules as observability } from './observability.js';
import { rules as payments } from './payments.js';
import { rules as privateKeys } from './private-keys.js';
import { rules as registries } from './registries.js';
import { rules as social } from './social.js';
import { rules as urls } from './urls.js';

/**
 * The built-in rule families, sorted by file name. Adding a family is one file in this folder
 * exporting `rules` plus one line here.
 */
export const FAMILIES: Record<string, SecretRule[]> = {
  ai,
  aws,
  azure,
  bitbucket,
  commerce,
  devtools,
  files,
  gcp,
  generic,
  github,
  gitlab,
  http,
  identity,
  infra,
  jwt,
  kubernetes,
  messaging,
  observability,
  payments,
  'private-keys': privateKeys,
  registries,
  social,
  urls,
};

export const BUILTIN_RULES: SecretRule[] = Object.values(FAMILIES).flat();
