import { describe, expect, it } from 'vitest';
import { notebookLine, textTableFields } from './text-table.js';

const cells = (text: string, fs: ReturnType<typeof textTableFields>) => fs.map((f) => `${f.record}:${f.label}=${text.slice(f.start, f.end)}`);

describe('printed tables', () => {
  it('reads a Markdown table by its header', () => {
    const t = '# Bug\n\n| name | dob | mrn |\n|------|-----|-----|\n| Ana Reyes | 1950-01-02 | 771234 |\n| Bo Li | 1961-03-04 | 771235 |\n\nafter';
    expect(cells(t, textTableFields(t))).toEqual([
      'table1.row1:name=Ana Reyes', 'table1.row1:dob=1950-01-02', 'table1.row1:mrn=771234',
      'table1.row2:name=Bo Li', 'table1.row2:dob=1961-03-04', 'table1.row2:mrn=771235',
    ]);
    expect(textTableFields(t).every((f) => f.patient)).toBe(true);
  });

  it('reads a two-column field/value table row by row, and only when a row is clinical', () => {
    const t = 'Second record:\n\n| Field | Value |\n|-------|-------|\n| Name  | Friedrich von Hohenberg |\n| MRN   | 00247781 |\n| DOB   | 02.04.1939 |\n\n## Expected';
    expect(cells(t, textTableFields(t))).toEqual(['table1:name=Friedrich von Hohenberg', 'table1:mrn=00247781', 'table1:dob=02.04.1939']);
    const team = '| Field | Value |\n|---|---|\n| Owner | Ana Reyes |\n| Email | ana@clinic.example |\n';
    expect(textTableFields(team)).toEqual([]);
  });

  it('reads psql output (no outer pipes, a +-ruled separator)', () => {
    const t = '  id | first_name |    dob\n-----+------------+------------\n  17 | Ines       | 1950-05-05\n(1 row)\n';
    expect(cells(t, textTableFields(t))).toEqual(['table1.row1:id=17', 'table1.row1:first_name=Ines', 'table1.row1:dob=1950-05-05']);
  });

  it('reads a right-aligned pandas printout, skipping the row index', () => {
    const t = '            name         dob    zip\n0  Dolores Mbeki  1947-03-09  30310\n1   Farid Haddad  1939-12-30  48126\n\n[2 rows x 3 columns]\n';
    expect(cells(t, textTableFields(t))).toEqual([
      'table1.row1:name=Dolores Mbeki', 'table1.row1:dob=1947-03-09', 'table1.row1:zip=30310',
      'table1.row2:name=Farid Haddad', 'table1.row2:dob=1939-12-30', 'table1.row2:zip=48126',
    ]);
  });

  it('reads a printout whose columns drifted out of alignment by the two-space gaps between cells', () => {
    const t = '        mrn        patient_name         dob  age\n0  00102288   Harold Whitfield  1926-08-15   97\n1  00298745    Bjørn Halvorsen  1944-12-19  79\n';
    expect(cells(t, textTableFields(t))).toEqual([
      'table1.row1:mrn=00102288', 'table1.row1:patient_name=Harold Whitfield', 'table1.row1:dob=1926-08-15', 'table1.row1:age=97',
      'table1.row2:mrn=00298745', 'table1.row2:patient_name=Bjørn Halvorsen', 'table1.row2:dob=1944-12-19', 'table1.row2:age=79',
    ]);
    // A prose line after the table is not a row (its cell count does not match).
    const prose = '        mrn        patient_name         dob\n0  00102288   Harold Whitfield  1926-08-15\nSee the  notes  for the rest of the cohort  here\n';
    expect(cells(prose, textTableFields(prose))).toHaveLength(3);
  });

  it('maps notebook output lines (JSON string literals) back to file offsets', () => {
    const t = ' "text/plain": [\n  "        name         dob\\n",\n  "0  Ana Reyes  1950-01-02\\n",\n  "1  Bo Li Wen  1961-03-04"\n ]';
    const fs = textTableFields(t, notebookLine);
    expect(cells(t, fs)).toEqual(['table1.row1:name=Ana Reyes', 'table1.row1:dob=1950-01-02', 'table1.row2:name=Bo Li Wen', 'table1.row2:dob=1961-03-04']);
  });

  it.each([
    ['a team table without a clinical column', '| name | email |\n|---|---|\n| Ana Reyes | ana@clinic.io |\n'],
    ['an options table', '| option | type | default |\n|---|---|---|\n| timeout | number | 30 |\n'],
    ['code with pipes', 'const x = a || b;\nif (dob | mask) { return name | 0; }\n'],
    ['a misaligned column block', '   name  dob\nAna Reyes 1950-01-02 and more text that is not a table\n'],
  ])('is not a table: %s', (_name, text) => {
    expect(textTableFields(text)).toEqual([]);
  });
  it('reads a printed report: a header over a dashed rule, left-aligned columns, extra lines of a record blank in its first column', () => {
    const t = [
      'CRRL  DAILY ORDER/RESULT EXTRACT                          PAGE   1',
      '-----------------------------------------------------------------',
      'ACCESSION     MRN        PATIENT NAME         DOB         TEST',
      '-----------------------------------------------------------------',
      'L240610847    42021311   AL-KHOURI, FATIMA    01/26/1955  CEA',
      '                                                          LDH',
      'L240582209    45701666   TRAN, MINH           09/15/1955  CBC',
      '-----------------------------------------------------------------',
      'TOTAL ACCESSIONS: 2',
    ].join('\n');
    expect(cells(t, textTableFields(t))).toEqual([
      'table1.row1:accession=L240610847', 'table1.row1:mrn=42021311', 'table1.row1:patient_name=AL-KHOURI, FATIMA', 'table1.row1:dob=01/26/1955', 'table1.row1:test=CEA',
      'table1.row1:test=LDH',
      'table1.row2:accession=L240582209', 'table1.row2:mrn=45701666', 'table1.row2:patient_name=TRAN, MINH', 'table1.row2:dob=09/15/1955', 'table1.row2:test=CBC',
    ]);
    // The same layout without a clinical column is a list of something else.
    const jobs = 'JOB NAME      OWNER         STARTED\n------------------------------------\nNIGHTLY-ETL   Maria Lopez   01/26/2024\n';
    expect(textTableFields(jobs)).toEqual([]);
  });
});
