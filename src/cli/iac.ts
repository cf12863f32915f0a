import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { HipaaGateError } from '../core/errors.js';
import { writeFileAtomic } from '../core/atomic.js';
import { VERSION } from '../core/version.js';
import { loadConfig } from '../config/config.js';
import { selectSource } from '../sources/index.js';
import { isSkipped, readFileArtifact } from '../sources/read.js';
import { iacCandidate, loadModel } from '../scanners/iac/load.js';
import { resourceToJson } from '../scanners/iac/custom/load.js';
import type { RegisterCommand } from './commands.js';

export const IAC_EXPORT_SCHEMA = 'hipaa-gate/iac-model@1';

interface ExportFlags {
  output?: string;
  config?: string;
}

/** `hipaa-gate iac export`: the normalized resource model as JSON, for OPA/conftest (`conftest test --namespace ... model.json`). */
export const register: RegisterCommand = (program) => {
  const iac = program.command('iac').description('infrastructure-as-code utilities');
  iac
    .command('export')
    .description('write the normalized IaC resource model (Terraform, plan JSON, CloudFormation, Kubernetes, Dockerfiles) as JSON for OPA/conftest')
    .argument('[path]', 'directory to read', '.')
    .option('-o, --output <file>', 'write to FILE instead of standard output')
    .option('-c, --config <file>', 'config file (its exclude patterns apply)')
    .action(async (path: string, flags: ExportFlags) => {
      const root = resolve(path);
      if (!existsSync(root) || !statSync(root).isDirectory()) throw new HipaaGateError('E_PATH', 'not a directory', { file: path });
      const config = loadConfig(root, flags.config);
      const files: Array<{ path: string; text: string }> = [];
      const skipped: Array<{ path: string; reason: string; detail: string }> = [];
      for await (const e of selectSource({ mode: 'worktree' }, { root, exclude: config.exclude, maxFileSize: config.maxFileSize })) {
        if (e.kind === 'skipped') continue;
        if (e.kind !== 'file' || !iacCandidate(e.path)) continue;
        const a = readFileArtifact(e.abs, e.path, e.origin);
        if (isSkipped(a)) skipped.push({ path: a.path, reason: a.reason, detail: a.detail });
        else files.push({ path: a.path, text: a.text });
      }
      const model = await loadModel(files);
      const doc = {
        schema: IAC_EXPORT_SCHEMA,
        tool: { name: 'hipaa-gate', version: VERSION },
        root,
        resources: model.resources.map((r) => ({ ...(resourceToJson(r) as object), endLine: r.endLine, lines: r.lines })),
        problems: model.problems,
        skipped,
      };
      const text = JSON.stringify(doc, null, 2) + '\n';
      if (flags.output && flags.output !== '-') {
        writeFileAtomic(resolve(flags.output), text);
        process.stderr.write(`wrote ${model.resources.length} resources from ${files.length} files to ${flags.output}\n`);
      } else process.stdout.write(text);
    });
};
