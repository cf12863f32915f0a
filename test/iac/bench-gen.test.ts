/** The benchmark corpus generator produces valid Terraform with a mix of passing and failing resources. */
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';
import { generateTerraformCorpus } from '../../src/scanners/iac/bench-gen.js';
import { loadModel } from '../../src/scanners/iac/load.js';
import { runRules } from '../../src/scanners/iac/evaluate.js';
import { BUILTIN_RULES } from '../../src/scanners/iac/rules/index.js';

it('writes the requested number of files, all parse, and rules both pass and fail', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hg-corpus-'));
  const st = generateTerraformCorpus(dir, { files: 40, resourcesPerFile: 9 });
  const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  const files = walk(dir);
  expect(files.length).toBe(st.files);
  expect(st.files).toBeGreaterThanOrEqual(40);
  const model = await loadModel(files.map((p) => ({ path: relative(dir, p), text: readFileSync(p, 'utf8') })));
  expect(model.problems).toEqual([]);
  expect(model.resources.length).toBeGreaterThan(st.files * 3);
  const out = runRules(model, BUILTIN_RULES.filter((r) => r.id === 'iac/aws/rds-storage-encrypted'));
  const dbs = model.resources.filter((r) => r.type === 'aws_db_instance');
  expect(out.length).toBeGreaterThan(0);
  expect(out.length).toBeLessThan(dbs.length);
});
