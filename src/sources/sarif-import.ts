import { HipaaGateError } from '../core/errors.js';
import type { Finding, RuleMeta, Skipped } from '../core/types.js';
import type { ResolvedConfig } from '../config/config.js';

// Replaced by the SARIF importer.
export async function importSarifFiles(
  _files: string[],
  _opts: { root: string; config: ResolvedConfig },
): Promise<{ findings: Finding[]; rules: RuleMeta[]; skipped: Skipped[] }> {
  throw new HipaaGateError('E_USAGE', '--import is not available yet');
}
