import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HipaaGateError } from '../../core/errors.js';
import { generate } from '../../testing/secret-samples.js';
import { scanText } from '../../testing/rule-tester.js';
import { scanner } from './index.js';
import { BUILTIN_RULES } from './rules/index.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/secrets');
const g = (src: string, seed = 7) => generate(src, seed);

describe('secrets scanner', () => {
  it('reports nothing in files that only reference secrets or hold placeholders', () => {
    for (const f of readdirSync(fixtures)) {
      const findings = scanText(scanner, readFileSync(join(fixtures, f), 'utf8'), f === 'placeholders.env.example' ? '.env.example' : f);
      expect(findings.map((x) => `${f}:${x.location.startLine} ${x.ruleId}`)).toEqual([]);
    }
  });

  it('never puts the raw secret into a finding', () => {
    const secret = `sk_live_${g('[A-Za-z0-9]{32}')}`;
    const pem = `-----BEGIN RSA PRIVATE KEY-----\n${[1, 2, 3, 4].map((s) => g('[A-Za-z0-9+/]{64}', s)).join('\n')}\n-----END RSA PRIVATE KEY-----`;
    const findings = scanText(scanner, `STRIPE_KEY="${secret}"\n${pem}\n`, 'src/config.ts');
    expect(findings.map((f) => f.ruleId).sort()).toEqual(['secret/private-key-rsa', 'secret/stripe-secret-key']);
    const serialized = JSON.stringify(findings);
    expect(serialized).not.toContain(secret.slice(8));
    expect(serialized).not.toContain(pem.slice(40, 100));
    const stripe = findings.find((f) => f.ruleId === 'secret/stripe-secret-key')!;
    expect(stripe.excerpt).toBe('sk_l****************');
    expect(stripe.message).toContain('Stripe');
    expect(stripe.confidence).toBe('high');
    expect(stripe.valueHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('masks secrets without a provider prefix completely', () => {
    const pw = g('[A-Za-z0-9]{18}', 21);
    const [f] = scanText(scanner, `DATABASE_URL="postgresql://app:${pw}@db.internal/ehr"`);
    expect(f!.ruleId).toBe('secret/postgres-url');
    expect(f!.excerpt).toBe('*'.repeat(16));
    expect(f!.properties).toMatchObject({ provider: 'PostgreSQL', secretLength: 18 });
  });

  it('reports one finding per secret even when several rules match it', () => {
    const token = `xoxb-${g('[0-9]{12}')}-${g('[0-9]{12}', 2)}-${g('[A-Za-z0-9]{24}', 3)}`;
    const findings = scanText(scanner, `slack_api_token = "${token}"`);
    expect(findings.map((f) => f.ruleId)).toEqual(['secret/slack-bot-token']);
  });

  it('keeps every distinct secret in a file with thousands of them', () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `t${i} = "glpat-${g('[A-Za-z0-9_-]{20}', i + 1)}"`);
    const findings = scanText(scanner, lines.join('\n'), 'fixtures/tokens.txt');
    expect(findings.filter((f) => f.ruleId === 'secret/gitlab-pat')).toHaveLength(3000);
    expect(findings.map((f) => f.location.startLine)).toEqual(Array.from({ length: 3000 }, (_, i) => i + 1));
  });

  it('disable_rules turns a rule off, by full or short id', () => {
    const code = `key = "sk_live_${g('[A-Za-z0-9]{32}')}"`;
    expect(scanText(scanner, code, 'a.ts', { disable_rules: ['secret/stripe-secret-key'] }).map((f) => f.ruleId)).not.toContain('secret/stripe-secret-key');
    expect(scanText(scanner, code, 'a.ts', { disable_rules: ['stripe-secret-key'] }).map((f) => f.ruleId)).not.toContain('secret/stripe-secret-key');
    expect(scanner.rules({ disable_rules: ['stripe-secret-key'] }).map((r) => r.id)).not.toContain('secret/stripe-secret-key');
  });

  it('rules() lists built-in and custom rules with their metadata', () => {
    const metas = scanner.rules({ custom_rules: [{ id: 'clinic-api', regex: 'clinic_[a-z0-9]{24}', keywords: ['clinic_'] }] });
    expect(metas.length).toBe(BUILTIN_RULES.length + 1);
    const custom = metas.find((m) => m.id === 'secret/custom/clinic-api')!;
    expect(custom.category).toBe('secret');
    expect(custom.hipaa).toContain('164.312(d)');
    expect(metas.every((m) => m.hipaa.length > 0 && m.remediation.length > 0)).toBe(true);
  });

  it('runs custom rules with RE2 semantics, keyword gate, secret group and entropy', () => {
    const options = {
      custom_rules: [{ id: 'clinic-api', title: 'Clinic internal API key', regex: 'clinic_key\\s*=\\s*"(ck_[a-z0-9]{24})"', secret_group: 1, keywords: ['clinic_key'], severity: 'critical', entropy: 3 }],
    };
    const value = `ck_${g('[a-z0-9]{24}')}`;
    const found = scanText(scanner, `// x\nclinic_key = "${value}"\n`, 'svc.ts', options).filter((f) => f.ruleId === 'secret/custom/clinic-api');
    expect(found).toHaveLength(1);
    expect(found[0]!.location).toMatchObject({ startLine: 2, startColumn: 15 });
    expect(found[0]!.severity).toBe('critical');
    expect(found[0]!.excerpt).not.toContain(value.slice(4));
    const low = scanText(scanner, `clinic_key = "ck_${'a'.repeat(24)}"`, 'svc.ts', options).filter((f) => f.ruleId.startsWith('secret/custom/'));
    expect(low).toEqual([]);
  });

  it('a custom rule RE2 cannot compile is a config error naming the rule', () => {
    const bad = { custom_rules: [{ id: 'uses-lookahead', regex: 'foo(?=bar)' }] };
    let err: unknown;
    try {
      scanner.rules(bad);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(HipaaGateError);
    expect((err as HipaaGateError).code).toBe('E_CONFIG');
    expect((err as HipaaGateError).message).toContain('uses-lookahead');
  });

  it('custom rules without keywords scan the whole text in linear time', () => {
    const options = { custom_rules: [{ id: 'nested', regex: '(a+)+b' }] };
    // The classic catastrophic-backtracking pattern: RE2 answers immediately.
    const text = `${'a'.repeat(50_000)}c`;
    expect(scanText(scanner, text, 'x.txt', options).filter((f) => f.ruleId === 'secret/custom/nested')).toEqual([]);
  });

  it('handles a huge single-line minified file and still finds a planted secret', () => {
    const chunk = 'var a=function(t){return t.token+t.key+"secret"};var pass=1;';
    const filler = chunk.repeat(Math.ceil(50_000_000 / chunk.length));
    const secret = `ghp_${g('[A-Za-z0-9]{36}')}`;
    const text = `${filler.slice(0, 25_000_000)}"${secret}"${filler.slice(0, 25_000_000)}`;
    const findings = scanText(scanner, text, 'dist/app.min.js');
    expect(findings.map((f) => f.ruleId)).toEqual(['secret/github-pat']);
    expect(findings[0]!.location.startLine).toBe(1);
    expect(findings[0]!.location.startColumn).toBe(25_000_002);
  });

  it('reports PKCS#12 bundles by file name and asks for their bytes', () => {
    expect(scanner.wantsBytes?.('certs/client.p12')).toBe(true);
    expect(scanner.wantsBytes?.('src/app.ts')).toBe(false);
  });
});
