import { describe, expect, it } from 'vitest';
import { comparatorFor } from '../versions/index.js';
import { advisorySeverity, baseScore, bestScore } from './cvss.js';
import { matchPackage } from './match.js';
import { isAffected } from './ranges.js';
import type { OsvAffected, StoredAdvisory } from './types.js';

const npm = comparatorFor('npm');
const pkg = (events: OsvAffected['ranges'] extends (infer R)[] | undefined ? R extends { events: infer E } ? E : never : never, type = 'SEMVER'): OsvAffected => ({
  package: { ecosystem: 'npm', name: 'x' },
  ranges: [{ type, events }],
});

describe('OSV range evaluation', () => {
  it('introduced/fixed is half-open', () => {
    const a = pkg([{ introduced: '1.0.0' }, { fixed: '1.2.0' }]);
    expect(isAffected('0.9.0', a, npm)).toBe(false);
    expect(isAffected('1.0.0', a, npm)).toBe(true);
    expect(isAffected('1.1.9', a, npm)).toBe(true);
    expect(isAffected('1.2.0', a, npm)).toBe(false);
  });
  it('last_affected includes its version; "0" is the lowest version', () => {
    const a = pkg([{ introduced: '0' }, { last_affected: '2.0.0' }]);
    expect(isAffected('0.0.1', a, npm)).toBe(true);
    expect(isAffected('2.0.0', a, npm)).toBe(true);
    expect(isAffected('2.0.1', a, npm)).toBe(false);
  });
  it('several introduced/fixed pairs in one range, in any order', () => {
    const a = pkg([{ fixed: '1.5.0' }, { introduced: '2.0.0' }, { introduced: '1.0.0' }, { fixed: '2.3.0' }]);
    expect(isAffected('1.4.0', a, npm)).toBe(true);
    expect(isAffected('1.7.0', a, npm)).toBe(false);
    expect(isAffected('2.2.0', a, npm)).toBe(true);
    expect(isAffected('2.3.0', a, npm)).toBe(false);
  });
  it('limit caps an open range', () => {
    const a = pkg([{ introduced: '1.0.0' }, { limit: '1.5.0' }]);
    expect(isAffected('1.4.0', a, npm)).toBe(true);
    expect(isAffected('1.6.0', a, npm)).toBe(false);
  });
  it('explicit versions, and ECOSYSTEM ranges use the ecosystem order', () => {
    expect(isAffected('3.3.3', { versions: ['3.3.3'] }, npm)).toBe(true);
    const py: OsvAffected = { ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '2.0rc1' }] }] };
    expect(isAffected('2.0b2', py, comparatorFor('PyPI'))).toBe(true);
    expect(isAffected('2.0', py, comparatorFor('PyPI'))).toBe(false);
    expect(isAffected('1.0.0', { ranges: [{ type: 'GIT', events: [{ introduced: '0' }] }] }, npm)).toBe(false);
  });
});

describe('CVSS scoring and alias merging', () => {
  it('computes base scores for v3.1, v3.0, v4.0 and rejects garbage', () => {
    expect(baseScore('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H')).toBe(9.8);
    expect(baseScore('CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N')).toBe(6.1);
    expect(baseScore('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N')).toBe(9.3);
    expect(baseScore('CVSS:3.1/AV:X')).toBeUndefined();
    expect(bestScore([{ type: 'CVSS_V2', score: 'AV:N/AC:L/Au:N/C:C/I:C/A:C' }, { type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N' }])?.score).toBe(3.7);
    expect(advisorySeverity(9.8, undefined)).toBe('critical');
    expect(advisorySeverity(undefined, 'MODERATE')).toBe('medium');
    expect(advisorySeverity(undefined, undefined)).toBe('high');
  });

  const adv = (id: string, aliases: string[], extra: Partial<StoredAdvisory> = {}): StoredAdvisory => ({
    id,
    aliases,
    summary: `${id} summary`,
    affected: { package: { ecosystem: 'npm', name: 'x' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '2.0.0' }] }] },
    ...extra,
  });
  it('one finding per CVE/GHSA pair, preferring the GHSA id; withdrawn advisories are dropped', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const got = matchPackage({ ecosystem: 'npm', version: '1.0.0' }, [
      adv('GHSA-aaaa-bbbb-cccc', ['CVE-2024-0001'], { score: 5 }),
      adv('CVE-2024-0001', ['GHSA-aaaa-bbbb-cccc'], { score: 7.5 }),
      adv('GHSA-dddd-eeee-ffff', [], { withdrawn: '2025-06-01T00:00:00Z' }),
    ], now);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ advisory: 'GHSA-aaaa-bbbb-cccc', aliases: ['CVE-2024-0001'], severity: 'high', score: 7.5, fixed: ['2.0.0'] });
    expect(matchPackage({ ecosystem: 'npm', version: '2.0.0' }, [adv('GHSA-aaaa-bbbb-cccc', [])], now)).toEqual([]);
  });
  it('a distro release matches only its own release data', () => {
    const deb = (eco: string): StoredAdvisory => ({ ...adv('DSA-1', []), affected: { package: { ecosystem: eco, name: 'openssl' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '3.0.11-1~deb12u2' }] }] } });
    const now = new Date();
    expect(matchPackage({ ecosystem: 'Debian:12', version: '3.0.11-1~deb12u1' }, [deb('Debian:12')], now)).toHaveLength(1);
    expect(matchPackage({ ecosystem: 'Debian:12', version: '3.0.11-1~deb12u1' }, [deb('Debian:11')], now)).toHaveLength(0);
    expect(matchPackage({ ecosystem: 'Debian:12', version: '3.0.11-1~deb12u2' }, [deb('Debian:12')], now)).toHaveLength(0);
  });
});
