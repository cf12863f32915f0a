/**
 * CSV/TSV with offsets: the header row labels every cell below it. Quoted fields (RFC 4180, with
 * doubled quotes and embedded newlines) are handled; ragged rows and unterminated quotes are
 * reported as problems with their line.
 */
import { normalizeLabel } from '../labels.js';
import { parseDate } from '../validators.js';
import { clinicalColumns, ownedByRecord, type Field, type Structure } from './types.js';

interface Row {
  line: number;
  cells: Array<[number, number]>;
}

/**
 * The rows of a delimited text with the offsets of their cells (quotes removed). Quoted fields
 * (RFC 4180, with doubled quotes and embedded newlines) are handled; an unterminated quote is a
 * problem with its line, and its cell runs to the end.
 */
function* rowsOf(text: string, d: number, problems: Structure['problems']): Generator<Row> {
  let i = 0;
  let line = 1;
  const n = text.length;
  while (i < n) {
    const rowLine = line;
    const cells: Array<[number, number]> = [];
    let endOfRow = false;
    while (!endOfRow) {
      if (i < n && text.charCodeAt(i) === 34) {
        i++;
        const s = i;
        let closed = false;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === 34) {
            if (text.charCodeAt(i + 1) === 34) i += 2;
            else {
              closed = true;
              break;
            }
          } else {
            if (c === 10) line++;
            i++;
          }
        }
        if (!closed) {
          problems.push({ line: rowLine, detail: 'unterminated quoted field (truncated CSV?)' });
          cells.push([s, n]);
          i = n;
          break;
        }
        cells.push([s, i]);
        i++;
        while (i < n && text.charCodeAt(i) !== d && text.charCodeAt(i) !== 10) i++;
      } else {
        const cellStart = i;
        while (i < n && text.charCodeAt(i) !== d && text.charCodeAt(i) !== 10) i++;
        let e = i;
        if (e > cellStart && text.charCodeAt(e - 1) === 13) e--;
        cells.push([cellStart, e]);
      }
      if (i >= n) endOfRow = true;
      else if (text.charCodeAt(i) === 10) {
        i++;
        line++;
        endOfRow = true;
      } else i++;
    }
    yield { line: rowLine, cells };
  }
}

/** Rows looked at for a form's preamble above the header. */
const PREAMBLE_ROWS = 30;

export function csvFields(text: string, delimiter?: string): Structure {
  const fields: Field[] = [];
  const problems: Structure['problems'] = [];
  const firstLine = text.slice(0, Math.max(0, text.indexOf('\n')) || text.length);
  const delim = delimiter ?? ([',', '\t', ';', '|'].map((d) => [d, firstLine.split(d).length] as const).sort((a, b) => b[1] - a[1])[0]![0]);
  const d = delim.charCodeAt(0);
  const filled = (r: Row): number => r.cells.filter(([s, e]) => /\S/.test(text.slice(s, e))).length;
  // A form's preamble (`Year,2023`, `Establishment name,...`, `City,Bridgeville,State,PA`) above a
  // wide header: rows filling under half as many cells as the widest of the first rows.
  let widest = 0;
  let k = 0;
  for (const r of rowsOf(text, d, [])) {
    if (k++ >= PREAMBLE_ROWS) break;
    if (text.charCodeAt(r.cells[0]![0]) !== 35) widest = Math.max(widest, filled(r));
  }
  const preamble = widest >= 6 ? Math.ceil(widest / 2) : 0;
  let header: string[] | undefined;
  /** The cells of the last comment line above the first row. */
  let commented: string[] | undefined;
  let patient = false;
  let staff = false;
  let row = 0;
  let ragged = 0;
  let seen = 0;
  for (const r of rowsOf(text, d, problems)) {
    const { cells } = r;
    seen++;
    if (!header) {
      // Comment lines above the header (`# export of ... - do not forward`, `# generated 2024-04-15 by ...`).
      if (cells.length > 0 && text.charCodeAt(cells[0]![0]) === 35) {
        commented = cells.map(([s, e], k) => text.slice(s, e).replace(k === 0 ? /^#+\s*/ : /^/, '').trim());
        continue;
      }
      const names = cells.map(([s, e]) => text.slice(s, e));
      // A spreadsheet's title rows above the header (`Driver Roster,,,,,,`, `as of 6/3/2024,,,,`, `,,,,`):
      // one filled cell, or none, in a row of many; and a form's preamble (above).
      if (names.length >= 4 && names.filter((c) => c.trim() !== '').length <= 1) continue;
      if (seen <= PREAMBLE_ROWS && filled(r) < preamble) continue;
      // A header written as the last comment (`# LAST|FIRST|DOB|SSN`) above rows of data: it is the header, and this row is data.
      const fromComment = commented !== undefined && commentedHeader(commented, names);
      header = ownedByRecord((fromComment ? commented! : names).map(normalizeLabel));
      patient = clinicalColumns(header);
      staff = staffTable(header);
      if (!fromComment) continue;
    }
    row++;
    if (cells.length === 1 && cells[0]![0] === cells[0]![1]) continue;
    if (cells.length !== header.length && ragged++ === 0) {
      problems.push({ line: r.line, detail: `row has ${cells.length} fields, the header has ${header.length}` });
    }
    cells.forEach(([s, e], k) => {
      const label = header![k];
      if (label && e > s) fields.push({ label, start: s, end: e, record: `r${row}`, where: `row ${row}, column ${label}`, ...(staff ? { nonPatient: true } : patient ? { patient } : {}) });
    });
  }
  if (patient && !staff) dateColumns(text, fields);
  return { format: delim === '\t' ? 'tsv' : 'csv', fields, problems, clinical: false };
}

/**
 * A comment line that names the columns of the row below it: as many cells, each a column name
 * (letters, digits, `_`, spaces, `#`), while the row holds data (a cell with a digit that no
 * name has).
 */
function commentedHeader(names: string[], row: string[]): boolean {
  if (names.length < 2 || names.length !== row.length) return false;
  if (!names.every((n) => /^[A-Za-z][\w .#/-]{0,40}$/.test(n))) return false;
  return row.some((c) => /\d/.test(c));
}

/** Column names that already say date or time (the recognizers judge those by their own labels). */
const SAYS_WHEN = /dob|birth|bday|date|time|day|when|(?:^|_)(?:dt|dte|ts|at|on)(?:_|$)/;

/**
 * In a table of patients, a column whose cells are dates is a date of theirs whatever it is called
 * (`assigned`, `returned`, `enrolled`): it is labelled as one.
 */
function dateColumns(text: string, fields: Field[]): void {
  const byLabel = new Map<string, Field[]>();
  for (const f of fields) {
    if (SAYS_WHEN.test(f.label)) continue;
    const list = byLabel.get(f.label);
    if (list) list.push(f);
    else byLabel.set(f.label, [f]);
  }
  for (const [label, cells] of byLabel) {
    if (cells.length < 2) continue;
    let dates = 0;
    for (const f of cells) {
      const v = text.slice(f.start, f.end);
      const d = /\d/.test(v) && v.length <= 24 ? parseDate(v) : undefined;
      if (d?.year !== undefined && d.day !== undefined) dates++;
    }
    if (dates >= cells.length * 0.8) for (const f of cells) f.label = `${label}_date`;
  }
}

/**
 * A roster of staff: a staff name or id column (`staff_name`, `nurse`, `employee_id`), a column that says
 * what they are (role, licence, branch), and no column of a patient. Its phones, e-mails and addresses are the staff's; their NPI, DEA and licence numbers
 * are still reported.
 */
function staffTable(header: readonly string[]): boolean {
  return facilityTable(header) || (
    // A staff name column, or rows keyed by a staff id (`staff_id,last_name,first_name,credentials,...`).
    header.some((h) => /^(?:staff|employee|emp|nurse|clinician|provider|physician|practitioner|technician|therapist|aide)(?:_name|_id|_number|_no)?$/.test(h)) &&
    // A roster says what the person is (role, licence, branch); a nurse's mileage log or visit list does not, and its addresses are patients'.
    header.some((h) => /(?:^|_)(?:role|title|credentials?|department|branch|license|licence|npi|dea|hire_date|employee_id|specialty)(?:_|$)/.test(h)) &&
    !header.some((h) => /(?:^|_)(?:patient|pt|mrn|dob|birth|member|subscriber|beneficiary|ssn|client|resident)(?:_|$)/.test(h))
  );
}

/**
 * A directory of places (`clinic_code,clinic_name,street,zip,phone,fax,npi_org`): each row is a
 * clinic, pharmacy or site, whose address and phones are public. Keyed by the place's name or code,
 * with no column of a person.
 */
function facilityTable(header: readonly string[]): boolean {
  return (
    header.some((h) => /^(?:clinic|facility|site|location|practice|pharmacy|store|branch|office|hospital|lab|center|centre|station|depot)_(?:name|code|id|no|number)$/.test(h)) &&
    !header.some((h) => /(?:^|_)(?:patient|pt|mrn|dob|birth|member|subscriber|beneficiary|ssn|client|resident|donor|employee|emp|first|last|given|family|surname|person|contact|name)(?:_|$)/.test(h) && !/^(?:clinic|facility|site|location|practice|pharmacy|store|branch|office|hospital|lab|center|centre|station|depot)_name$/.test(h))
  );
}
