import { HipaaGateError } from '../core/errors.js';
import type { ScanResult } from '../core/types.js';
import type { ResolvedConfig } from '../config/config.js';

// Replaced by the attestation + ledger writer.
export async function attestRun(_result: ScanResult, _opts: { root: string; config: ResolvedConfig }): Promise<void> {
  throw new HipaaGateError('E_USAGE', '--attest is not available yet');
}
