import { beforeAll, describe, expect, it } from 'vitest';
import type { Artifact } from '../../../core/types.js';
import { scanner } from '../index.js';
import { loadNames } from '../names.js';
import { luhn } from '../validators.js';
import { fixedWidthFields } from './fixed-width.js';

beforeAll(() => loadNames());

const pad = (s: string, n: number): string => s.padEnd(n).slice(0, n);
/** A ten-digit number that passes the NPI check (Luhn over 80840 and the first nine digits). */
function npi(seed: number): string {
  const base = String(100000000 + ((seed * 7919) % 899999999)).slice(0, 9);
  for (let d = 0; d < 10; d++) if (luhn(`80840${base}${d}`)) return `${base}${d}`;
  throw new Error('unreachable');
}
const PEOPLE = [
  ['OKAFOR', 'ADEBAYO', '19470312'], ['GONZALEZ', 'MARIA', '19581104'], ['CHEN', 'WEI', '19390227'], ['LARSEN', 'INGRID', '19620719'],
  ['RAMAN', 'PRIYA', '19710530'], ['KOWALSKI', 'TOMASZ', '19440906'], ['BEGAY', 'AIYANA', '19881212'], ['WATANABE', 'KENJI', '19530101'],
] as const;

/** A claims-style export: claim id, last name, first name, birth date glued to a service date and a rendering NPI, then filler. */
function register(people: ReadonlyArray<readonly [string, string, string]> = PEOPLE, npiOf = (i: number) => npi(i + 1)): string {
  const rows = people.map(([last, first, dob], i) => `CLM24${String(70000 + i * 13)}  ${pad(last, 18)}${pad(first, 14)}${dob}2024${String(10 + (i % 3)).padStart(2, '0')}1${i % 9}${npiOf(i)}E11.9`);
  return [pad('HDR EXTRACT 20240301', rows[0]!.length + 20), ...rows.map((r) => pad(r, rows[0]!.length + 20))].join('\n') + '\n';
}
const cells = (text: string) => fixedWidthFields(text, 2026).map((f) => `${f.label}=${text.slice(f.start, f.end)}`);

function scan(path: string, text: string) {
  const artifact: Artifact = { path, text, origin: { kind: 'worktree' }, size: text.length };
  return scanner.scan(artifact, { root: '/r', options: {}, now: '2026-01-01T00:00:00.000Z', problem: () => {} });
}

describe('fixed-width records (no delimiters, no header)', () => {
  it('a layout stated in the comment lines at the top cuts every record at its columns, and a column of dates is a date column', () => {
    const text = [
      '# MEC register export - fixed width, layout v2',
      '# 1-12 CERT_NO | 13-32 LAST | 33-47 FIRST | 48-55 DOB(YYYYMMDD) | 56-57 DL_ST | 58-69 DL_NO | 70-77 EXAM | 78-91 BATCH',
      'MEC-26956074HANLON              DALE           19740103PA76306547    20240617NR20240617-35',
      'MEC-22491895RENNINGER           IGNACIO        19651002OH48883379    20240618NR20240618-02',
    ].join('\n');
    expect(cells(text).slice(0, 8)).toEqual(['cert_no=MEC-26956074', 'last=HANLON', 'first=DALE', 'dob=19740103', 'dl_st=PA', 'dl_no=76306547', 'exam_date=20240617', 'batch=NR20240617-35']);
    const kinds = scan('data/dot/mec_register_2024Q2.dat', text).map((f) => `${f.location.startLine}:${f.ruleId}`);
    expect(kinds).toEqual(expect.arrayContaining(['3:phi/person-name', '3:phi/date-of-birth', '3:phi/drivers-license', '3:phi/patient-date', '4:phi/drivers-license']));
    // The batch id is the file's, not the person's.
    expect(scan('data/dot/mec_register_2024Q2.dat', text).some((f) => f.location.startColumn === 79)).toBe(false);
  });

  it('finds name columns by the name lists, date columns by valid dates at one position, NPIs by their check digit', () => {
    const text = register();
    const got = cells(text);
    expect(got.slice(0, 5)).toEqual(['patient_name=OKAFOR', 'patient_name=ADEBAYO', 'date_of_birth=19470312', 'date=20241010', `npi=${npi(1)}`]);
    // Eight records, five cells each; the header record names no one.
    expect(got).toHaveLength(40);
    expect(got.some((c) => c.includes('HDR'))).toBe(false);
  });

  it('reads a surname glued to a one-character record type (D for detail) as a name column', () => {
    const recs = PEOPLE.map(([last, first, dob]) => `D${pad(last, 20)} ${pad(first, 14)} K${dob}M${pad('', 10)}`);
    const text = `H${pad('REGISTRY 20240415', 56)}\n${recs.join('\n')}\nT${pad('00000008', 56)}\n`;
    const names = fixedWidthFields(text, 2026).filter((f) => f.label === 'patient_name').map((f) => text.slice(f.start, f.end));
    expect(names).toEqual(expect.arrayContaining(['OKAFOR', 'ADEBAYO', 'GONZALEZ', 'MARIA']));
    // The record type itself is never part of the name.
    expect(names.some((n) => n.startsWith('DOKAFOR'))).toBe(false);
  });

  it('reads records that start with data (an MBI each, not a record type) as one layout; a date in every record is the file\'s', () => {
    const mbis = ['4MK9EK6DT62', '8NQ8KW4FK90', '7HR2C18GT42', '5K29D90YC08', '1EG4TE5MK73', '2AB3CD4EF56', '3XY4ZW5VU67', '6QR7ST8UV89'];
    const recs = PEOPLE.map(([last, first, dob], k) => `${mbis[k]}  ${dob.slice(0, 4)}-${dob.slice(4, 6)}-${dob.slice(6)}  2024-01-012024-12-31${pad(first, 12)}${pad(last, 14)}`);
    const text = recs.join('\n') + '\n';
    const got = fixedWidthFields(text, 2026).map((f) => `${f.label}=${text.slice(f.start, f.end)}`);
    expect(got).toEqual(expect.arrayContaining(['patient_name=ADEBAYO', 'patient_name=OKAFOR', 'date_of_birth=1947-03-12']));
    // The reporting period (2024-01-01 .. 2024-12-31) is in every record: not a date of anyone's care.
    expect(got.filter((g) => g.includes('2024-'))).toEqual([]);
  });

  it('finds an address column by its house numbers and street types, even where the field before it is full', () => {
    const streets = ['17301 W ALBERTA ST SPC 41', '19012 MARTIN WAY E UNIT 7', '4817 W CEDAR LN', '7751 SALMONBERRY WAY', '19087 SE SPRUCE ST', '14858 COBURG RD', '10849 NE FOURTH PLAIN BLVD', '4853 NE WILLAMETTE ST'];
    const recs = PEOPLE.map(([last, first, dob], k) => `M${pad(last, 14)}${pad(first, 10)}${dob}${k === 6 ? '7239WA' : '      '}${pad(streets[k]!, 30)}${pad('LACEY', 10)}`);
    const text = recs.join('\n') + '\n';
    const got = fixedWidthFields(text, 2026).filter((f) => f.label === 'street_address').map((f) => text.slice(f.start, f.end));
    expect(got).toEqual(expect.arrayContaining(['17301 W ALBERTA ST SPC 41', '10849 NE FOURTH PLAIN BLVD']));
    // Quantities and codes after a number are not an address: no street type among them.
    const qty = PEOPLE.map(([last, first, dob], k) => `M${pad(last, 14)}${pad(first, 10)}${dob}      ${pad(`${10 + k} UNITS EACH`, 30)}`).join('\n') + '\n';
    expect(fixedWidthFields(qty, 2026).filter((f) => f.label === 'street_address')).toEqual([]);
  });

  it('reports the register even without one clinical word in the file (.dat), with masked values', () => {
    const findings = scan('exports/extract_20240301.dat', register());
    const byRule = (id: string) => findings.filter((f) => f.ruleId === id).length;
    expect(byRule('phi/person-name')).toBe(16);
    expect(byRule('phi/date-of-birth')).toBe(8);
    // Service dates are raised by the names in their record.
    expect(byRule('phi/patient-date')).toBe(8);
    expect(findings.find((f) => f.ruleId === 'phi/date-of-birth')?.excerpt).not.toContain('0312');
  });

  it('marks a record of a documented test patient as test data (TESTPATIENT, run together)', () => {
    const text = register([...PEOPLE, ['TESTPATIENT', 'BRAVO', '19000101']]);
    const findings = scan('exports/extract.dat', text);
    const testLine = text.split('\n').findIndex((l) => l.includes('TESTPATIENT')) + 1;
    expect(findings.some((f) => f.location.startLine === testLine)).toBe(false);
    expect(findings.filter((f) => f.ruleId === 'phi/person-name')).toHaveLength(16);
  });

  it('leaves alone: lines of many lengths, prose templates of one length, columns of numbers, words that are not names', () => {
    // Aligned like records, but lines of every length (free text after the columns): not padded records.
    const log = PEOPLE.map(([l, f, dob], i) => `A${i} ${pad(l, 12)} ${pad(f, 10)} ${dob} ${'NOTE '.repeat(i + 4)}`).join('\n');
    expect(cells(log)).toEqual([]);
    // Ticket headers that happen to be one length: lower-case words around the names.
    const tickets = PEOPLE.map(([l], i) => pad(`#SUP-53${i}0  opened 03/0${i + 1}/2024 by A. ${l[0]}${l.slice(1).toLowerCase()}`, 48)).join('\n');
    expect(cells(tickets)).toEqual([]);
    // A fixed-width file of codes and amounts: no name column, so no dates or NPIs either.
    const numbers = PEOPLE.map((_, i) => `L00${i}2023101${i}${npi(i + 3)}99213  0010000814832${i}                    `).join('\n');
    expect(cells(numbers)).toEqual([]);
    // Upper-case words at one position that are not names (a product catalogue).
    const items = ['WIDGET', 'GASKET', 'BRACKET', 'SPROCKET', 'FLANGE'].map((w, i) => `SKU${i}0001  ${pad(w, 16)}${pad('STEEL', 10)}2024010${i + 1}00012.50          `).join('\n');
    expect(cells(items)).toEqual([]);
    expect(scan('catalogue.dat', items)).toEqual([]);
  });

  it('does not take a constant ten-digit value for an NPI column (one draw in ten passes the check)', () => {
    const got = cells(register(PEOPLE, () => npi(1)));
    expect(got.filter((c) => c.startsWith('npi='))).toEqual([]);
    expect(got.filter((c) => c.startsWith('patient_name='))).toHaveLength(16);
  });
});
