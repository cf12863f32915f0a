/**
 * The probe repository (test/fixtures/phi/probes, see its README): hand-written files in styles the
 * generated corpus does not cover. Pins the kinds found per line, and silence on the hard negatives.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scanner } from '../../src/scanners/phi/index.js';
import { loadNames } from '../../src/scanners/phi/names.js';

const ROOT = join(import.meta.dirname, '../fixtures/phi/probes');

/** line:kind per file; files not listed must have no finding at all. */
const EXPECTED: Record<string, string[]> = {
  'config/.env.test': ['1:person-name', '2:date-of-birth', '3:us-ssn'],
  'data/ages.csv': ['2:age-over-89', '2:patient-date', '2:zip-code', '3:patient-date', '3:zip-code'],
  'data/export.json': ['1:date-of-birth', '1:health-plan-id', '1:medical-record-number', '1:person-name', '1:phone-number', '1:street-address', '1:zip-code'],
  'data/seed.sql': ['2:date-of-birth', '2:medical-record-number', '2:person-name', '2:phone-number', '3:date-of-birth', '3:medical-record-number', '3:person-name', '3:phone-number'],
  'docs/CHANGELOG.md': ['3:date-of-birth'],
  'docs/bug-1234.md': ['2:date-of-birth', '2:medical-record-number', '2:person-name', '2:phone-number', '3:street-address', '3:zip-code'],
  'docs/bug-881.md': ['5:date-of-birth', '5:medical-record-number', '5:person-name', '5:zip-code', '6:date-of-birth', '6:medical-record-number', '6:person-name', '6:zip-code', '12:date-of-birth', '12:person-name', '12:phone-number'],
  'fixtures/patient.yaml': ['3:person-name', '4:person-name', '5:date-of-birth', '8:phone-number', '11:medical-record-number'],
  'fixtures/patients.py': ['2:date-of-birth', '2:person-name', '2:phone-number', '2:us-ssn', '3:date-of-birth', '3:email-address', '3:medical-record-number', '3:person-name'],
  'fixtures/visits.csv': ['2:date-of-birth', '2:other-id', '2:person-name', '2:zip-code', '3:date-of-birth', '3:other-id', '3:person-name', '3:zip-code'],
  'formats/app.log': ['1:date-of-birth', '1:person-name', '1:phone-number'],
  'formats/bulk.ndjson': ['2:date-of-birth', '2:medical-record-number', '2:person-name', '2:street-address', '2:zip-code'],
  'formats/cda.xml': ['3:medical-record-number', '4:street-address', '4:zip-code', '5:phone-number', '6:date-of-birth', '6:person-name'],
  'formats/export.tsv': ['2:date-of-birth', '2:medical-record-number', '2:person-name', '3:date-of-birth', '3:medical-record-number', '3:person-name', '3:phone-number'],
  'lang/PatientFixtures.cs': ['1:date-of-birth', '1:person-name', '1:us-ssn'],
  'lang/fix.sql': ['1:date-of-birth', '1:medical-record-number', '1:us-ssn', '2:person-name'],
  'lang/fixtures.kt': ['1:date-of-birth', '1:medical-record-number', '1:person-name'],
  'lang/patients_test.go': ['4:date-of-birth', '4:medical-record-number', '4:person-name', '4:us-ssn'],
  'lang/seed.php': ['3:date-of-birth', '3:person-name', '3:phone-number', '3:us-ssn'],
  'lang/test_data.yaml': ['2:medical-record-number', '3:date-of-birth', '3:person-name', '4:email-address', '4:phone-number'],
  'logs/api.log': ['1:date-of-birth', '1:person-name', '2:health-plan-id', '2:person-name', '2:phone-number', '3:email-address', '3:other-id'],
  // Line 2 is `To: intake@hospital.org`: the hospital's intake desk, a role mailbox, not a person.
  'mail/referral.eml': ['1:email-address', '3:person-name', '6:date-of-birth', '6:medical-record-number', '6:person-name', '6:phone-number'],
  'notebooks/cohort.ipynb': ['15:date-of-birth', '15:person-name', '15:us-ssn', '15:zip-code', '16:date-of-birth', '16:person-name', '16:us-ssn', '16:zip-code'],
  'notes/visit-note.md': ['1:age-over-89', '1:street-address', '1:zip-code', '2:email-address', '2:person-name', '2:phone-number'],
  'seeds/001_members.rb': ['1:date-of-birth', '1:health-plan-id', '1:person-name', '1:street-address', '1:zip-code', '2:date-of-birth', '2:health-plan-id', '2:person-name', '2:street-address', '2:zip-code'],
  'src/Reminder.java': ['3:date-of-birth', '3:person-name', '3:us-ssn'],
  'src/intake.py': ['2:date-of-birth', '2:person-name', '2:us-ssn', '3:person-name'],
  'test/interface.test.js': ['3:account-number', '3:date-of-birth', '3:medical-record-number', '3:person-name', '3:phone-number', '3:street-address', '3:zip-code'],
  'tests/test_billing.py': ['2:date-of-birth', '2:person-name', '2:us-ssn'],
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [relative(ROOT, p).split('\\').join('/')];
  });
}

beforeAll(() => loadNames());

describe('probe repository', () => {
  const all = files(ROOT).filter((f) => f !== 'README.md');

  it('holds positives and hard negatives', () => {
    expect(all.filter((f) => EXPECTED[f]).length).toBeGreaterThanOrEqual(15);
    expect(all.filter((f) => !EXPECTED[f]).length).toBeGreaterThanOrEqual(8);
  });

  it.each(all)('%s', (path) => {
    const text = readFileSync(join(ROOT, path), 'utf8');
    const found = scanner.scan({ path, text, origin: { kind: 'worktree' }, size: text.length }, { root: ROOT, now: '2026-11-25T00:00:00.000Z', options: {}, problem: () => {} });
    const got = [...new Set(found.map((f) => `${f.location.startLine}:${f.ruleId.slice(4)}`))].sort((a, b) => parseInt(a) - parseInt(b) || a.localeCompare(b));
    expect(got).toEqual(EXPECTED[path] ?? []);
  });
});
