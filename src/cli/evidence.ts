import { appendFileSync, chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { HipaaGateError } from '../core/errors.js';
import { writeFileAtomic } from '../core/atomic.js';
import { loadConfig, type ResolvedConfig } from '../config/config.js';
import type { KeyRing } from '../evidence/dsse.js';
import { findSigningKey, generateSigningKeyPair, loadPublicKey, requireSigningKey } from '../evidence/keys.js';
import { readLedgerText, verifyLedgerText } from '../evidence/ledger.js';
import { ledgerPath, DEFAULT_RETENTION_YEARS } from '../evidence/paths.js';
import { buildProof, verifyProof, type InclusionProof } from '../evidence/proof.js';
import { pruneLedger } from '../evidence/prune.js';
import { exportBundle, verifyBundleFiles } from '../evidence/bundle.js';
import { readZip } from '../evidence/zip.js';
import type { RegisterCommand } from './commands.js';

const collect = (v: string, prev: string[]) => [...prev, v];
const out = (s: string) => process.stdout.write(s.endsWith('\n') ? s : s + '\n');
const err = (s: string) => process.stderr.write(s.endsWith('\n') ? s : s + '\n');

interface Common {
  root: string;
  config?: string;
  ledger?: string;
  key?: string;
  pubkey: string[];
}

function common(cmd: Command): Command {
  return cmd
    .option('-C, --root <dir>', 'project directory whose config and ledger to use', '.')
    .option('-c, --config <file>', 'config file (default: .hipaa-gate.yml in the project directory)')
    .option('--ledger <file>', 'ledger file (default: evidence.ledger, else .hipaa-gate/ledger.jsonl)')
    .option('--key <file>', `private signing key (default: ${'$'}HIPAA_GATE_SIGNING_KEY, then evidence.key_file)`)
    .option('--pubkey <file>', 'trusted public key (repeatable; key rotation)', collect, []);
}

function context(o: Common): { root: string; config: ResolvedConfig; ledger: string } {
  const root = resolve(o.root);
  const config = loadConfig(root, o.config);
  return { root, config, ledger: ledgerPath(root, config, o.ledger ? resolve(o.ledger) : undefined) };
}

/** Trusted keys: every --pubkey, plus the public half of the configured signing key. */
function keyRing(o: Common, root: string, config: ResolvedConfig): KeyRing {
  const ring: KeyRing = new Map();
  for (const f of o.pubkey) {
    const k = loadPublicKey(resolve(f));
    ring.set(k.keyid, k.key);
  }
  const own = findSigningKey({ root, keyFile: o.key ? resolve(o.key) : undefined, configKeyFile: config.evidence.key_file });
  if (own) ring.set(own.keyid, own.publicKey);
  if (ring.size === 0) throw new HipaaGateError('E_EVIDENCE', 'no public key to verify with: pass --pubkey FILE (the .pub from "evidence keygen"), or configure the signing key');
  return ring;
}

function parseDate(v: string, flag: string, endOfDay = false): Date {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(v);
  const d = new Date(dateOnly ? `${v}T${endOfDay ? '23:59:59.999' : '00:00:00.000'}Z` : v);
  if (Number.isNaN(d.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(v)) throw new HipaaGateError('E_USAGE', `${flag} takes a date like 2026-01-31 or an ISO-8601 time, not "${v}"`);
  return d;
}

export const register: RegisterCommand = (program, setExit) => {
  const ev = program.command('evidence').description('signed run attestations, the tamper-evident ledger and auditor bundles');

  ev.command('keygen')
    .description('create an Ed25519 signing key pair (PREFIX.key, mode 0600, and PREFIX.pub)')
    .option('-o, --out <prefix>', 'path prefix of the two files', '.hipaa-gate/signing')
    .option('--force', 'overwrite existing key files')
    .action((o: { out: string; force?: boolean }) => {
      const priv = resolve(`${o.out}.key`);
      const pub = resolve(`${o.out}.pub`);
      for (const f of [priv, pub]) if (existsSync(f) && !o.force) throw new HipaaGateError('E_USAGE', 'refusing to overwrite an existing key (pass --force to replace it)', { file: f });
      const k = generateSigningKeyPair();
      mkdirSync(dirname(priv), { recursive: true });
      // Created with 0600 from the start so the key is never readable by others, even briefly.
      writeFileSync(priv, k.privatePem, { mode: 0o600, flag: o.force ? 'w' : 'wx' });
      chmodSync(priv, 0o600);
      writeFileAtomic(pub, k.publicPem);
      // Keep the private key out of commits (and out of our own worktree scans) by default.
      const ignore = resolve(dirname(priv), '.gitignore');
      const ignoreLine = `${basename(priv)}\n`;
      if (!existsSync(ignore)) writeFileAtomic(ignore, ignoreLine);
      else if (!readFileSync(ignore, 'utf8').split('\n').includes(basename(priv))) appendFileSync(ignore, (readFileSync(ignore, 'utf8').endsWith('\n') ? '' : '\n') + ignoreLine);
      out(`private key: ${priv} (mode 0600, git-ignored; keep it secret, e.g. as the masked CI variable HIPAA_GATE_SIGNING_KEY)`);
      out(`public key:  ${pub}`);
      out(`key id:      ${k.keyid}`);
      out(`\nin .hipaa-gate.yml:\n  evidence:\n    attest: true\n    key_file: ${o.out}.key`);
    });

  common(ev.command('verify'))
    .description('verify the whole ledger offline: chain, Merkle roots and every signature')
    .option('--expect-size <n>', 'the ledger must hold exactly N entries (from a trusted record)')
    .option('--expect-root <hex>', 'some entry must have this tree root (from a trusted record)')
    .option('--proof <seq>', 'print an inclusion proof for entry SEQ (JSON) after verifying')
    .option('--json', 'print the verification result as JSON')
    .action((o: Common & { expectSize?: string; expectRoot?: string; proof?: string; json?: boolean }) => {
      const { root, config, ledger } = context(o);
      const keys = keyRing(o, root, config);
      const expectSize = o.expectSize === undefined ? undefined : Number(o.expectSize);
      if (expectSize !== undefined && !Number.isSafeInteger(expectSize)) throw new HipaaGateError('E_USAGE', '--expect-size takes a whole number');
      const r = verifyLedgerText(readLedgerText(ledger), keys, { expectSize, expectRoot: o.expectRoot });
      const attestations = r.entries.filter((v) => v.entry.type === 'attestation' && !v.anchor).length;
      if (o.json && !o.proof) out(JSON.stringify({ ok: r.ok, ledger, size: r.size, root: r.root, lines: r.entries.length, attestations, ...(r.problem ? { problem: r.problem } : {}) }, null, 2));
      if (!r.ok) {
        const p = r.problem!;
        err(`hipaa-gate: ledger INVALID: ${ledger}:${p.line}${p.seq !== undefined ? ` (entry #${p.seq})` : ''}: ${p.reason}`);
        setExit(1);
        return;
      }
      if (o.proof !== undefined) {
        const seq = Number(o.proof);
        if (!Number.isSafeInteger(seq) || seq < 0) throw new HipaaGateError('E_USAGE', '--proof takes an entry number');
        let proof: InclusionProof;
        try {
          proof = buildProof(r, seq);
        } catch (e) {
          throw new HipaaGateError('E_EVIDENCE', (e as Error).message, { file: ledger });
        }
        out(JSON.stringify(proof, null, 2));
        return;
      }
      if (!o.json) {
        const first = r.entries[0];
        out(`ledger OK: ${ledger}`);
        out(`  ${r.entries.length} entries${first ? ` (#${first.entry.seq}..#${r.size - 1}${first.anchor ? `, pruned before #${first.entry.seq + 1}` : ''})` : ''}, ${attestations} attestations, tree size ${r.size}`);
        out(`  root ${r.root || '(empty)'}`);
        out(`  signed by ${[...new Set(r.entries.map((v) => v.entry.head.keyid))].map((k) => k.slice(0, 16)).join(', ') || '(nobody)'}`);
      }
    });

  ev.command('verify-proof')
    .description('verify an inclusion proof printed by "evidence verify --proof N"')
    .argument('<file>', 'proof JSON')
    .option('--pubkey <file>', 'trusted public key (repeatable)', collect, [])
    .action((file: string, o: { pubkey: string[] }) => {
      if (!o.pubkey.length) throw new HipaaGateError('E_USAGE', 'verify-proof needs --pubkey FILE');
      const ring: KeyRing = new Map(o.pubkey.map((f) => loadPublicKey(resolve(f))).map((k) => [k.keyid, k.key]));
      let proof: InclusionProof;
      try {
        proof = JSON.parse(readFileSync(resolve(file), 'utf8')) as InclusionProof;
      } catch (e) {
        throw new HipaaGateError('E_PARSE', `not a readable proof: ${(e as Error).message}`, { file });
      }
      try {
        const c = verifyProof(proof, ring);
        out(`proof OK: entry #${c.seq} is in the ledger of ${c.treeSize} entries with root ${c.root}`);
      } catch (e) {
        err(`hipaa-gate: proof INVALID: ${file}: ${(e as Error).message}`);
        setExit(1);
      }
    });

  common(ev.command('export'))
    .description('write the auditor bundle (zip) for a period')
    .requiredOption('--since <date>', 'first day of the period (YYYY-MM-DD or ISO time)')
    .requiredOption('--until <date>', 'last day of the period (inclusive)')
    .option('-o, --output <file>', 'bundle file', 'hipaa-gate-evidence.zip')
    .action(async (o: Common & { since: string; until: string; output: string }) => {
      const since = parseDate(o.since, '--since');
      const until = parseDate(o.until, '--until', true);
      if (until < since) throw new HipaaGateError('E_USAGE', '--until is before --since');
      const { root, config, ledger } = context(o);
      const keys = keyRing(o, root, config);
      readLedgerText(ledger);
      let res;
      try {
        res = await exportBundle({ ledger, keys, since, until });
      } catch (e) {
        throw new HipaaGateError('E_EVIDENCE', (e as Error).message, { file: ledger, line: (e as { line?: number }).line });
      }
      writeFileAtomic(resolve(o.output), res.zip);
      const s = res.summary;
      out(`bundle written: ${resolve(o.output)} (${res.zip.length} bytes, ${s.files.length} files)`);
      out(`  ${s.runs} attested runs (${s.passed} passed, ${s.failed} failed)${s.fromSeq !== undefined ? `, ledger entries #${s.fromSeq}..#${s.toSeq}` : ''}, ${s.sboms} SBOM(s)`);
      for (const w of s.warnings) err(`warning: ${w}`);
    });

  ev.command('verify-bundle')
    .description('check an auditor bundle offline (zip integrity, manifest, ledger segment, signatures)')
    .argument('<file>', 'bundle zip')
    .option('--pubkey <file>', 'trusted public key (repeatable); without it the bundled keys are used', collect, [])
    .action((file: string, o: { pubkey: string[] }) => {
      if (!existsSync(file)) throw new HipaaGateError('E_PATH', 'bundle not found', { file });
      const ring: KeyRing = new Map(o.pubkey.map((f) => loadPublicKey(resolve(f))).map((k) => [k.keyid, k.key]));
      try {
        const c = verifyBundleFiles(readZip(readFileSync(file)), ring);
        out(`bundle OK: ${file}: ${c.files} files, ${c.runs} attestations verified with key(s) ${c.keyids.map((k) => k.slice(0, 16)).join(', ')}`);
        if (c.usedBundledKeys) err('warning: verified against the keys inside the bundle; pass --pubkey with your organisation\'s key to prove origin');
      } catch (e) {
        err(`hipaa-gate: bundle INVALID: ${file}: ${(e as Error).message}`);
        setExit(1);
      }
    });

  common(ev.command('prune'))
    .description('remove ledger entries older than DATE (never inside the retention period); the prune is recorded and signed')
    .requiredOption('--before <date>', 'remove entries before this date')
    .option('--archive <file>', 'first write the removed entries to this file')
    .action((o: Common & { before: string; archive?: string }) => {
      const before = parseDate(o.before, '--before');
      const { root, config, ledger } = context(o);
      readLedgerText(ledger);
      const key = requireSigningKey({ root, keyFile: o.key ? resolve(o.key) : undefined, configKeyFile: config.evidence.key_file });
      const keys = keyRing(o, root, config);
      const r = pruneLedger({ file: ledger, before, now: new Date(), retentionYears: config.evidence.retention_years ?? DEFAULT_RETENTION_YEARS, key, keys, archive: o.archive ? resolve(o.archive) : undefined });
      if (r.removed === 0) out('nothing to prune: no entries before that date besides the anchor');
      else out(`pruned ${r.removed} entries; entry #${r.anchorSeq} kept as the signed anchor; prune recorded as entry #${r.entry!.seq}`);
    });
};
