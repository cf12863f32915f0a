/**
 * Held-out corpora (test/fixtures/phi/holdout, see bench/holdout.mjs): repositories and labels written
 * by an author who never saw the detector. Floors, not exact counts: they catch a change that loses
 * recall or starts flagging the hard negatives on data the detector was not written against.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { HOLDOUT_ROOT, scoreSet } from '../../bench/holdout.mjs';
import { scanner } from '../../src/scanners/phi/index.js';
import { loadNames } from '../../src/scanners/phi/names.js';

beforeAll(() => loadNames());

describe('held-out PHI corpora', () => {
  it('mvh (a hospital monorepo: exports, HL7, FHIR, logs, fixtures in five languages)', async () => {
    const r = await scoreSet(join(HOLDOUT_ROOT, 'mvh'), scanner);
    expect(r.labels).toBe(829);
    expect(r.recall).toBeGreaterThanOrEqual(0.90);
    expect(r.flagged.length, r.flagged.map((n) => `${n.path}:${n.line} ${n.why}`).join('\n')).toBeLessThanOrEqual(2);
    // Kinds at 1.0 here stay there.
    for (const k of ['us-ssn', 'email-address', 'street-address', 'ip-address', 'vehicle-id', 'dea-number']) expect(r.kinds.get(k)!.found, k).toBe(r.kinds.get(k)!.labels);
  }, 60_000);

  it('pharmacy (pharmacy and lab services: .NET, Laravel, Postman, HAR, Mongo and Elasticsearch dumps, NCPDP, HL7 ORU, Sentry)', async () => {
    const r = await scoreSet(join(HOLDOUT_ROOT, 'pharmacy'), scanner);
    expect(r.labels).toBe(860);
    expect(r.recall).toBeGreaterThanOrEqual(0.83);
    // 55 of the flagged negatives are prescribers' NPI and DEA numbers, reported on purpose.
    expect(r.flagged.length).toBeLessThanOrEqual(66);
    expect(r.flagged.filter((n) => !/NPI|DEA|licen[cs]e/i.test(n.why)).length, r.flagged.map((n) => `${n.path}:${n.line} ${n.why}`).join('\n')).toBeLessThanOrEqual(11);
  }, 60_000);

  it('telehealth (a telehealth monorepo: X12, pg_dump, Synthea, Go/Kotlin/Django tests, Jira and Slack exports)', async () => {
    const r = await scoreSet(join(HOLDOUT_ROOT, 'telehealth'), scanner);
    expect(r.labels).toBe(856);
    expect(r.recall).toBeGreaterThanOrEqual(0.87);
    // 21 of the flagged negatives are provider NPI, DEA and licence numbers, reported on purpose.
    expect(r.flagged.length, r.flagged.map((n) => `${n.path}:${n.line} ${n.why}`).join('\n')).toBeLessThanOrEqual(34);
    expect(r.flagged.filter((n) => !/NPI|DEA|licen[cs]e/i.test(n.why)).length).toBeLessThanOrEqual(13);
  }, 60_000);

  // Measured once, unseen, at the very end of the session that added it (the session's starting code: 0.584, 143).
  it('homehealth (home health and hospice: Flutter/Kotlin/Go, OASIS, EVV logs, IHE XDS, CloudWatch, Athena, Tableau, Teams exports)', async () => {
    const r = await scoreSet(join(HOLDOUT_ROOT, 'homehealth'), scanner);
    expect(r.labels).toBe(1098);
    // 0.592 at first; 0.621 after a date rule made from `research`.
    expect(r.recall).toBeGreaterThanOrEqual(0.62);
    // This author counts every provider number as a positive: every flag is a real false finding.
    expect(r.flagged.length, r.flagged.map((n) => `${n.path}:${n.line} ${n.why}`).join('\n')).toBeLessThanOrEqual(141);
  }, 60_000);

  // Measured once, unseen, at the end of the session that added it (the session's starting code: 0.512, 81).
  it('dental (a dental and behavioral-health practice with a payer call center: Java, NestJS, Perl, Salesforce/Zendesk exports, IVR logs, LDIF, ics/vcf)', async () => {
    const r = await scoreSet(join(HOLDOUT_ROOT, 'dental'), scanner);
    expect(r.labels).toBe(914);
    // 0.522 and 80 at first; 0.522 and 59 after precision fixes made from `pharmacy`'s flags (street
    // names after a house number are not people; NCPDP SCRIPT prescriber and pharmacy are staff; a
    // phone named after a provider, a store or a lab is theirs).
    expect(r.recall).toBeGreaterThanOrEqual(0.52);
    // This author too counts provider numbers as positives: every flag is a real false finding.
    expect(r.flagged.length, r.flagged.map((n) => `${n.path}:${n.line} ${n.why}`).join('\n')).toBeLessThanOrEqual(59);
  }, 60_000);

  // Measured once unseen (0.334, the same as this session's starting code), then used for the
  // EMS/research readers (NEMSIS, PCR tables, notebook HTML outputs): a development set since.
  it('research (a research data warehouse and county EMS: REDCap, SAS/Stata/SPSS, NEMSIS, CAD logs, notebooks)', async () => {
    const r = await scoreSet(join(HOLDOUT_ROOT, 'research'), scanner);
    expect(r.labels).toBe(1034);
    expect(r.recall).toBeGreaterThanOrEqual(0.49);
    // This author counts provider NPI, DEA and licence numbers as positives: every flag is a real miss-fire.
    expect(r.flagged.length, r.flagged.map((n) => `${n.path}:${n.line} ${n.why}`).join("\n")).toBeLessThanOrEqual(27);
  }, 60_000);
});
