import { beforeAll, describe, expect, it } from 'vitest';
import type { Artifact } from '../../../core/types.js';
import { scanner } from '../index.js';
import { loadNames } from '../names.js';
import { recordRowFields } from './record-rows.js';

beforeAll(() => loadNames());

const cells = (text: string, quotedOnly = false) => recordRowFields(text, 2026, quotedOnly).map((f) => `${f.label}=${text.slice(f.start, f.end)}`);
const scan = (path: string, text: string) => {
  const artifact: Artifact = { path, text, origin: { kind: 'worktree' }, size: text.length };
  return scanner.scan(artifact, { root: '/r', options: {}, now: '2026-01-01T00:00:00.000Z', problem: () => {} });
};

describe('rows of a person without a header', () => {
  it('a pipe-delimited extract row: two name cells, the oldest date is the birth date, later dates and ids are the person\'s', () => {
    expect(cells('PCR-23-721619|DIALLO|CHUKWUEMEKA|21DEC1930|04MAR2023|97045|00843748')).toEqual([
      'patient_name=DIALLO', 'patient_name=CHUKWUEMEKA', 'record_id=PCR-23-721619', 'record_id=00843748', 'dob=21DEC1930', 'date=04MAR2023',
    ]);
  });

  it('a quoted "Last, First" cell, and a row in code (an R tribble) read from its quoted cells only', () => {
    expect(cells('PCR-24-496645,"Kamau, Nkechi",10/25/1939,84,01/02/2024')).toEqual(['patient_name=Kamau, Nkechi', 'record_id=PCR-24-496645', 'dob=10/25/1939', 'date=01/02/2024']);
    // One surname the lists lack is accepted beside a known first name when the row also holds an id; two unknown words are not a name.
    expect(cells('  "CSK-0810", "00121979", "Quembroskal", "Beatrix", "1975-02-04",', true)).toEqual([]);
    expect(cells('  "CSK-0810", "00121979", "Quembroskal", "Maria", "1975-02-04",', true)).toEqual([
      // CSK-0810 has too few digits to be taken for an identifier without a header.
      'patient_name=Quembroskal', 'patient_name=Maria', 'record_id=00121979', 'dob=1975-02-04',
    ]);
  });

  it('reports through the scanner, in a SAS program with a clinical word', () => {
    const sas = 'data ems_pcr; * patient linkage;\n  infile datalines dlm="|";\n  input pcr $ last $ first $ dob :date9.;\ndatalines;\nPCR-23-721619|DIALLO|CHUKWUEMEKA|21DEC1930|04MAR2023\n;\nrun;\n';
    const byRule = scan('sas/linkage.sas', sas).map((f) => `${f.location.startLine}:${f.ruleId}`);
    expect(byRule).toEqual(expect.arrayContaining(['5:phi/person-name', '5:phi/date-of-birth', '5:phi/other-id']));
  });

  it('leaves alone: rows without a birth-like date, names unknown to the lists, unquoted words in code, a single delimiter', () => {
    expect(cells('CLM-20240311|WIDGET|GASKET|2024-03-11|2024-03-12')).toEqual([]);
    expect(cells('00843748|ZORBLAX|QUENTOR|21DEC1930')).toEqual([]);
    expect(cells('DIALLO|CHUKWUEMEKA|build|release')).toEqual([]);
    expect(cells('    register(Maria, Lopez, 1961, 3, 4)', true)).toEqual([]);
    expect(cells('Maria Lopez, 1961-03-04')).toEqual([]);
    // A time of day makes a timestamp, not a birth date.
    expect(cells('evt|MARIA|LOPEZ|2024-03-11T10:00:00Z|ok')).toEqual([]);
  });
});
