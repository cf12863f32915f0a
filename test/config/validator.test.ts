// The config validator is compiled ahead of time (scripts/gen-config-validator.mjs). It must stay the
// schema's current compilation, and say exactly what ajv compiling the schema at run time said.
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { generate, OUT, SCHEMA } from '../../scripts/gen-config-validator.mjs';
import { validate } from '../../src/config/config-validator.generated.js';

const INPUTS: unknown[] = [
  {},
  { fail_on: 'high', strict: true, exclude: ['vendor/**'], max_file_size: '10MB' },
  { fail_on: 'severe' },
  { fial_on: 'low' },
  { strict: 'yes', exclude: 'vendor/' },
  { scanners: { secrets: { enabled: true, foo: 1, custom_rules: [{ id: '', regex: '' }] }, antivirus: {} } },
  { thresholds: { phi: { max_findings: 1.5 }, iac: { fail_on: 'urgent' } } },
  { waivers: [{ rule: 'phi/us-ssn', approved_by: 'a', expires: '2026-01-01' }, { reason: '', approved_by: '', expires: 1 }] },
  { version: 2, inline_allow: 'sometimes', max_file_size: 0 },
  { evidence: { attest: 'no', retention_years: -1 }, imports: { mapping: 3 } },
  { waivers: [{ fingerprint: '\u{1F600}', reason: 'x', approved_by: 'y', expires: '2026-01-01' }] },
];

describe('config validator (compiled ahead of time)', () => {
  it('is the current compilation of schemas/config.schema.json (run npm run build to regenerate)', () => {
    expect(readFileSync(OUT, 'utf8')).toBe(generate());
  });

  it('gives the same verdicts and errors as ajv compiling the schema at run time', () => {
    const runtime = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
    let invalid = 0;
    for (const input of INPUTS) {
      const ok = validate(input);
      expect(ok).toBe(runtime(input));
      expect(validate.errors ?? null).toEqual(runtime.errors ?? null);
      if (!ok) invalid++;
    }
    expect(invalid).toBeGreaterThan(5);
  });
});
