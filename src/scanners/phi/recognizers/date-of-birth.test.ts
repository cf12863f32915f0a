import { runRuleTests } from '../../../testing/rule-tester.js';
import { scanner } from '../index.js';
import { loadNames } from '../names.js';
import { describe, expect, it } from 'vitest';
import { DATA, j } from '../testing.js';
import { hasTimeOfDay } from '../validators.js';
import { unlabelledAtLineStart } from './dates.js';

runRuleTests(scanner, 'phi/date-of-birth', {
  valid: [
    { code: 'NOTE: patient linkage run 04MAR2024 finished, dob=31FEB1969 rejected\n', path: 'sas/logs/linkage.log', name: 'date9 without a label, and an impossible date9 under one' },
    { code: "export const Minor = () => <PatientCard patient={{ name: 'Test Child', dob: '2015-01-01' }} />;", path: 'src/ui/PatientCard.stories.tsx', name: 'a record whose name is made up is test data' },
    { code: "const patient = { name: 'Jane Doe', dob: '1980-05-05' };", path: 'test/patient.test.ts', name: 'a documented placeholder name makes its record test data' },
    { code: 'Released on 03/04/1961 to the archive (patient records)', path: DATA, name: 'a bare date is not PHI' },
    { code: '2026-01-05T10:00:00Z patient check-in', path: 'logs/app.log', name: 'timestamps are not birth dates' },
    { code: 'boot ok\n  2026-01-05 10:00:00 Maria Gonzalez, patient', path: DATA, name: 'a timestamp that starts a line, even beside a name' },
    { code: 'boot ok\n2024-01-02 INFO reminder sent to patient Maria Gonzalez', path: 'logs/app.log', name: 'a date-only timestamp before a log level' },
    { code: 'boot ok\n[2024-01-02] warn: callback for Maria Gonzalez, patient', path: 'logs/app.log', name: 'a bracketed date-only timestamp' },
    { code: 'DOB: 02/30/1961', path: DATA, name: 'impossible date' },
    { code: 'dob: 2099-01-01', path: DATA, name: 'birth in the future' },
    { code: 'DOB: 01/01/1900', path: DATA, name: 'placeholder default date' },
    { code: 'function dob(d: Date): Date { return d; }', path: 'src/patient.ts' },
    { code: 'Appointment.create!(patient: p, starts_at: DateTime.new(2024, 5, 2, 10, 30))', path: 'db/seeds/patients.rb', name: 'a constructor date without a birth label' },
    { code: 'Patient.create!(dob: Date.new(2099, 1, 1))', path: 'db/seeds/patients.rb', name: 'a constructor birth date in the future' },
  ],
  invalid: [
    { code: 'NOTE: pcr_id=PCR-23-983940 last=PETTIBONE dob=16JUN1991 match_score=0.60\n', path: 'sas/logs/linkage.log', name: "SAS's date9 format under a label", findings: [{ excerpt: '*****1991' }] },
    { code: 'var p = new Patient\n{\n    DateOfBirth = DateOnly.Parse("1979-11-02"),\n};\n', path: 'tests/PatientTests.cs', name: 'a camelCase label alone on its line (C# object initialiser)', findings: [{ line: 3, excerpt: '1979-**-**' }] },
    { code: 'func TestPatientSubscriber(t *testing.T) {\n\tp := Patient{\n\t\tDOB: time.Date(1947, time.August, 23, 0, 0, 0, 0, time.UTC),\n\t}\n}', path: 'internal/eligibility/subscriber_test.go', name: "Go's time.Date with a named month", findings: [{ line: 3 }] },
    { code: 'val patient = Patient(\n    mrn = "BC-0068821",\n    birthDate = LocalDate.parse("1990-01-17"),\n)', path: 'app/src/test/PatientProfileTest.kt', name: 'a birth date parsed from a string literal', findings: [{ line: 3, excerpt: '1990-**-**' }] },
    { code: 'Patient.create!(name: "Ada", date_of_birth: Date.new(1971, 9, 3))', path: 'db/seeds/patients.rb', name: 'a Ruby seed builds the date in code', findings: [{ column: 54, excerpt: '1971, *, *' }] },
    { code: 'PATIENT = Patient(mrn="A1", dob=date(1958, 4, 17))', path: 'tests/fixtures/patients.py', name: 'a Python fixture', findings: [{ excerpt: '1958, *, **' }] },
    { code: 'Patient DOB: 03/04/1961', path: DATA, findings: [{ column: 14, endColumn: 24, excerpt: '**/**/1961', confidence: 'high' }] },
    { code: '{"birthDate": "1961-03-04"}', path: 'fhir/patient.json', findings: [{ excerpt: '1961-**-**' }] },
    { code: 'Maria Gonzalez 03/04/1961 patient', path: DATA, name: 'date beside a name (co-occurrence)', findings: [{ excerpt: '**/**/1961', confidence: 'medium' }] },
    { code: 'born on 4 Mar 1961', path: DATA, findings: [{ excerpt: '* *** 1961' }] },
    { code: 'Patient DOB: 3rd of May 1958', path: DATA, name: 'an ordinal day', findings: [{ excerpt: '*** ** *** 1958' }] },
    { code: 'intake ok\npatient dob=1961-03-04T00:00:00Z', path: DATA, name: 'a labelled date with a time', findings: [{ line: 2, excerpt: '1961-**-*****:**:***' }] },
    { code: 'intake ok\n03/04/1961 Maria Gonzalez patient', path: DATA, name: 'a date that starts its line, beside a name', findings: [{ line: 2, excerpt: '**/**/1961' }] },
    { code: 'intake ok\n1961-03-04 Information desk: Maria Gonzalez, patient', path: DATA, name: 'a word that only starts like a log level', findings: [{ line: 2, excerpt: '1961-**-**' }] },
  ],
}, loadNames);

describe('the line-start timestamp shortcut', () => {
  it('knows no label can precede a value only at a line start', () => {
    expect(unlabelledAtLineStart('')).toBe(true);
    expect(unlabelledAtLineStart('x=1\n  \t')).toBe(true);
    expect(unlabelledAtLineStart('ok\ndob ')).toBe(false);
    expect(unlabelledAtLineStart(' '.repeat(40))).toBe(false);
    expect(unlabelledAtLineStart(' '.repeat(39))).toBe(true);
  });
  it('tells timestamps from dates', () => {
    expect(hasTimeOfDay('2026-01-05T10:00:00Z')).toBe(true);
    expect(hasTimeOfDay('2026-01-05 10:00')).toBe(true);
    expect(hasTimeOfDay('2026-01-05')).toBe(false);
    expect(hasTimeOfDay('1958, 4, 17')).toBe(false);
  });
});
