/**
 * Artifacts -> the normalized model. Detection is by name first (`*.tf`, Dockerfiles) and by a
 * cheap content sniff for YAML/JSON (CloudFormation, Kubernetes, plan JSON), so unrelated
 * YAML/JSON files cost one substring search.
 */
import { posix } from 'node:path';
import type { IacModel, IacResource, JsonObject, ParseProblem } from './model.js';
import { parseHclFast } from './terraform/hcl-parser.js';
import { evaluate } from './terraform/eval.js';
import { unknown } from './model.js';
import { buildTerraform, type TfFile } from './terraform/module.js';
import { buildPlan, looksLikePlan } from './terraform/plan.js';
import { buildTfJson } from './terraform/tfjson.js';
import { buildCloudFormation, looksLikeCloudFormation } from './cloudformation/template.js';
import { buildKubernetes, isK8sObject } from './kubernetes/manifests.js';
import { buildDockerfile, isDockerfilePath } from './dockerfile/dockerfile.js';
import { parseYamlDocs } from './yaml-lines.js';

export interface SourceFile {
  path: string;
  text: string;
}

import { iacCandidate } from './paths.js';

export { iacCandidate };

type Kind = 'tf' | 'tfvars' | 'tfjson' | 'tfvarsjson' | 'docker' | 'structured';

function kindOf(path: string): Kind | undefined {
  const p = path.toLowerCase();
  if (p.endsWith('.tf')) return 'tf';
  if (p.endsWith('.tfvars')) return 'tfvars';
  if (p.endsWith('.tfvars.json')) return 'tfvarsjson';
  if (p.endsWith('.tf.json')) return 'tfjson';
  if (isDockerfilePath(path)) return 'docker';
  if (iacCandidate(path)) return 'structured';
  return undefined;
}

/** Auto-loaded variable files, as Terraform loads them. */
function autoVars(path: string): boolean {
  const b = posix.basename(path).toLowerCase();
  return b === 'terraform.tfvars' || b === 'terraform.tfvars.json' || b.endsWith('.auto.tfvars') || b.endsWith('.auto.tfvars.json');
}

const sniffStructured = (t: string) => /AWSTemplateFormatVersion|AWS::|apiVersion|"format_version"|planned_values/.test(t);
// Unrendered Helm templates are not YAML; scan the rendered output instead.
const isHelmTemplate = (path: string, t: string) => /\{\{[-\s]/.test(t) && /(^|\/)templates\//.test(path);

export async function loadModel(files: SourceFile[]): Promise<IacModel> {
  const problems: ParseProblem[] = [];
  const resources: IacResource[] = [];
  const tfFiles: TfFile[] = [];
  const tfvars = new Map<string, JsonObject>();

  for (const f of files) {
    const kind = kindOf(f.path);
    const dir = posix.dirname(f.path);
    try {
      if (kind === 'tf' || kind === 'tfvars') {
        const r = parseHclFast(f.text);
        for (const e of r.errors) problems.push({ file: f.path, line: e.line, message: `invalid HCL: ${e.message}` });
        if (kind === 'tf') tfFiles.push({ path: f.path, dir, body: r.body });
        else if (autoVars(f.path)) {
          const vals = tfvars.get(dir) ?? {};
          const scope = { vars: {}, local: (n: string) => unknown(`local.${n}`), modulePrefix: '', dir };
          for (const a of r.body.attrs) vals[a.name] = evaluate(a.expr, scope);
          tfvars.set(dir, vals);
        }
      } else if (kind === 'tfjson' || kind === 'tfvarsjson') {
        const [doc] = parseYamlDocs(f.text);
        if (!doc) continue;
        if (doc.error) problems.push({ file: f.path, line: doc.error.line, message: `invalid JSON: ${doc.error.message}` });
        else if (kind === 'tfjson') resources.push(...buildTfJson(doc, f.path, dir, problems));
        else if (autoVars(f.path) && doc.value && typeof doc.value === 'object' && !Array.isArray(doc.value)) tfvars.set(dir, { ...(tfvars.get(dir) ?? {}), ...doc.value });
      } else if (kind === 'docker') {
        resources.push(buildDockerfile(f.text, f.path));
      } else if (kind === 'structured') {
        if (!sniffStructured(f.text) || isHelmTemplate(f.path, f.text)) continue;
        loadStructured(f, resources, problems);
      }
    } catch (e) {
      problems.push({ file: f.path, line: 1, message: `could not parse: ${(e as Error).message}` });
    }
  }
  if (tfFiles.length > 0) resources.push(...buildTerraform(tfFiles, tfvars, problems));
  return { resources, problems };
}

function loadStructured(f: SourceFile, resources: IacResource[], problems: ParseProblem[]): void {
  const isJson = /\.json$/i.test(f.path);
  const cfnLike = /AWSTemplateFormatVersion|AWS::/.test(f.text);
  const docs = parseYamlDocs(f.text, { cfnTags: cfnLike && !isJson });
  const k8sLike = docs.some((d) => isK8sObject(d.value));
  for (const d of docs) {
    if (d.error) {
      // Only a file that looks like IaC makes a malformed one worth reporting.
      if (cfnLike || /apiVersion:|"apiVersion"/.test(f.text) || /"format_version"/.test(f.text)) {
        problems.push({ file: f.path, line: d.error.line, message: `invalid ${isJson ? 'JSON' : 'YAML'}: ${d.error.message}` });
      }
      return;
    }
  }
  if (docs.length === 1 && looksLikePlan(docs[0]!.value)) resources.push(...buildPlan(docs[0]!, f.path));
  else if (docs.length >= 1 && looksLikeCloudFormation(docs[0]!.value)) resources.push(...buildCloudFormation(docs[0]!, f.path, problems));
  else if (k8sLike) resources.push(...buildKubernetes(docs, f.path, problems));
}
