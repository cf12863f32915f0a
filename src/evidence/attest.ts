import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ScanResult } from '../core/types.js';
import type { ResolvedConfig } from '../config/config.js';
import { sha256Hex } from '../core/hash.js';
import { writeFileAtomic } from '../core/atomic.js';
import { reporter as jsonReporter } from '../report/json.js';
import { IN_TOTO_PAYLOAD_TYPE, signEnvelope, type Envelope } from './dsse.js';
import { requireSigningKey, type SigningKey } from './keys.js';
import { appendEntry, type LedgerEntry } from './ledger.js';
import { ledgerPath, reportPath } from './paths.js';
import { buildStatement, type Statement } from './statement.js';

export interface AttestOptions {
  root: string;
  config: ResolvedConfig;
  /** --key FILE; otherwise HIPAA_GATE_SIGNING_KEY, then evidence.key_file. */
  keyFile?: string;
  /** Override evidence.ledger. */
  ledger?: string;
  env?: NodeJS.ProcessEnv;
  /** Where to say what was recorded (default stderr); the key never appears. */
  log?: (line: string) => void;
}

export interface Attestation {
  statement: Statement;
  envelope: Envelope;
  entry: LedgerEntry;
  ledger: string;
  reportDigest: string;
}

export function attestStatement(result: ScanResult, config: ResolvedConfig, key: SigningKey): { statement: Statement; envelope: Envelope; report: string; reportDigest: string } {
  const report = jsonReporter.render(result, {}) as string;
  const reportDigest = sha256Hex(report);
  const statement = buildStatement(result, config, reportDigest);
  const envelope = signEnvelope(IN_TOTO_PAYLOAD_TYPE, Buffer.from(JSON.stringify(statement), 'utf8'), key);
  return { statement, envelope, report, reportDigest };
}

/**
 * Sign the run as an in-toto statement in a DSSE envelope and append it to the ledger. The full
 * JSON report (masked values only) is kept beside the ledger under its digest, so the bundle can
 * show it and anyone can check it against the signed digest.
 */
export async function attestRun(result: ScanResult, opts: AttestOptions): Promise<Attestation> {
  const key = requireSigningKey({ root: opts.root, keyFile: opts.keyFile, configKeyFile: opts.config.evidence.key_file, env: opts.env });
  const ledger = ledgerPath(opts.root, opts.config, opts.ledger);
  mkdirSync(dirname(ledger), { recursive: true });
  const { statement, envelope, report, reportDigest } = attestStatement(result, opts.config, key);
  const stored = reportPath(ledger, reportDigest);
  if (!existsSync(stored)) writeFileAtomic(stored, report);
  const entry = appendEntry(ledger, { type: 'attestation', envelope }, key);
  (opts.log ?? ((l: string) => process.stderr.write(l + '\n')))(`attestation recorded: ${ledger} entry #${entry.seq}, tree root ${entry.root}, key ${key.keyid.slice(0, 16)}`);
  return { statement, envelope, entry, ledger, reportDigest };
}
