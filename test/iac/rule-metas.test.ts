import { describe, expect, it } from 'vitest';
import { scanner } from '../../src/scanners/iac/index.js';
import { BUILTIN_RULES } from '../../src/scanners/iac/rules/index.js';
import { PARSE_ERROR_RULE } from '../../src/scanners/iac/evaluate.js';

describe('iac rule listing', () => {
  it('lists every built-in rule from the generated metadata, which matches the rules (npm run build regenerates it)', () => {
    const live = [PARSE_ERROR_RULE, ...BUILTIN_RULES.map((r) => r.meta)];
    expect(scanner.rules()).toStrictEqual(JSON.parse(JSON.stringify(live)));
    // Same order too: the ruleset digest is a hash of the listing.
    expect(scanner.rules().map((m) => m.id)).toEqual(live.map((m) => m.id));
  });

  it('disable_rules still removes a rule from the listing', () => {
    const ids = scanner.rules({ disable_rules: ['iac/parse-error', BUILTIN_RULES[0]!.meta.id] }).map((m) => m.id);
    expect(ids).not.toContain('iac/parse-error');
    expect(ids).not.toContain(BUILTIN_RULES[0]!.meta.id);
    expect(ids.length).toBe(BUILTIN_RULES.length - 1);
  });
});
