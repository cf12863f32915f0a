/**
 * Rows of a person without a header: SAS `datalines`, an R `tribble`, a Scala `Seq(...)` of
 * tuples, SPSS `BEGIN DATA`, a pipe-delimited extract with its layout elsewhere
 * (`PCR-23-149982|AL-SAYED|SAMIRA|08FEB1976|15SEP2023|97217`). Nothing names the columns, so
 * a row counts only on its own evidence: a person's name, as a `Last, First` or `LAST^FIRST` cell or as two
 * neighbouring cells, whose words the name lists know, and a full date that could be a birth date.
 * Then the name cells are names, the oldest date is the birth date, later dates are the person's
 * dates (raised by the name, as in any record), and identifier-shaped cells the person's record ids.
 *
 * In source code only quoted cells count: an unquoted word there is an identifier, not data.
 */
import { tokenEvidence } from '../names.js';
import { parseDate, plausibleBirth, validNpi, type ParsedDate } from '../validators.js';
import type { Field } from './types.js';

const DELIMITERS = ['|', ',', '\t', ';'] as const;
const MAX_LINE = 2000;
/** One word of a name cell: letters with inner apostrophes, hyphens or dots (`O'Neil`, `AL-SAYED`). */
const WORD_RE = /^\p{L}[\p{L}'’.-]*$/u;

interface Cell {
  start: number;
  end: number;
  text: string;
  quoted: boolean;
}

export function recordRowFields(text: string, nowYear: number, quotedOnly: boolean): Field[] {
  const out: Field[] = [];
  let start = 0;
  while (start < text.length) {
    let nl = text.indexOf('\n', start);
    if (nl === -1) nl = text.length;
    if (nl - start <= MAX_LINE) rowFields(text.slice(start, nl), start, nowYear, quotedOnly, out);
    start = nl + 1;
  }
  return out;
}

function rowFields(line: string, at: number, nowYear: number, quotedOnly: boolean, out: Field[]): void {
  const delim = DELIMITERS.find((d) => count(line, d) >= 3);
  if (!delim) return;
  const cells = splitCells(line, delim).filter((c) => c.text.length > 0 && (!quotedOnly || c.quoted));
  if (cells.length < 3) return;
  // Not an SSN (judged as one), a LOINC code with its check digit (`19295-5`), an NDC, or a clinician's NPI.
  const ids = cells.filter(
    (c) => ID_CELL.test(c.text) && (c.text.match(/\d/g)?.length ?? 0) >= 6 && !NOT_AN_ID.test(c.text) && !(/^\d{10}$/.test(c.text) && validNpi(c.text)) && !parseDate(c.text),
  );
  const names = nameCells(cells, ids.length > 0);
  if (names.length === 0) return;
  const dates: Array<{ cell: Cell; date: ParsedDate }> = [];
  // Other full dates of the row (a collection time `2024-04-08 10:41`): the person's, once the row is one.
  const later: Cell[] = [];
  for (const c of cells) {
    if (c.text.length < 6 || c.text.length > 24 || !/\d/.test(c.text)) continue;
    const date = parseDate(c.text);
    if (date?.year === undefined || date.day === undefined) continue;
    if (!date.hasTime && plausibleBirth(date, nowYear)) dates.push({ cell: c, date });
    else later.push(c);
  }
  if (dates.length === 0) return;
  const birth = dates.reduce((a, b) => (b.date.year! < a.date.year! ? b : a));
  const record = `row${at}`;
  const field = (c: Cell, label: string): void => {
    out.push({ label, start: at + c.start, end: at + c.end, record, where: 'row without a header', patient: true });
  };
  for (const c of names) field(c, 'patient_name');
  for (const c of ids) field(c, 'record_id');
  for (const d of dates) field(d.cell, d === birth && birth.date.year! <= nowYear - 1 ? 'dob' : 'date');
  for (const c of later) field(c, 'date');
}

const count = (s: string, ch: string): number => {
  let n = 0;
  for (let i = s.indexOf(ch); i !== -1; i = s.indexOf(ch, i + 1)) n++;
  return n;
};

/** Cells between delimiters, trimmed, without their quotes; a quoted cell may hold the delimiter. */
function splitCells(line: string, delim: string): Cell[] {
  const cells: Cell[] = [];
  let i = 0;
  while (i <= line.length) {
    while (i < line.length && (line[i] === ' ' || (line[i] === '\t' && delim !== '\t'))) i++;
    const q = line[i];
    if (q === '"' || q === "'") {
      const close = line.indexOf(q, i + 1);
      if (close === -1) return cells;
      cells.push({ start: i + 1, end: close, text: line.slice(i + 1, close), quoted: true });
      const next = line.indexOf(delim, close + 1);
      if (next === -1) return cells;
      i = next + 1;
      continue;
    }
    let next = line.indexOf(delim, i);
    if (next === -1) next = line.length;
    let e = next;
    while (e > i && /\s/.test(line[e - 1]!)) e--;
    cells.push({ start: i, end: e, text: line.slice(i, e), quoted: false });
    i = next + 1;
  }
  return cells;
}

const words = (s: string): string[] | undefined => {
  const ws = s.split(/\s+/);
  return ws.length <= 4 && ws.every((w) => WORD_RE.test(w)) ? ws : undefined;
};
const NOT_AN_ID = /^(?:\d{3}-\d{2}-\d{4}|\d{1,5}-\d|\d{4,5}-\d{3,4}-\d{1,2})$/;
/** An identifier cell: digits, perhaps after a short prefix (`PCR-23-721619`, `00843748`, `CSK0295`). */
const ID_CELL = /^[A-Z]{0,5}-?\d[\d-]{4,18}$/i;

/**
 * Evidence for a cell's words: every word known as a name, one of them unambiguously; or, in a row
 * that also holds an identifier, all but one (a rare surname the lists lack, `Vandermolen`).
 */
function known(ws: readonly string[], withId: boolean): boolean {
  const ev = ws.filter((w) => w.replace(/\./g, '').length > 1).map((w) => tokenEvidence(w, 'any'));
  const unknown = ev.filter((e) => e === 0).length;
  return ev.length > 0 && ev.some((e) => e === 2) && (unknown === 0 || (withId && unknown === 1 && ev.length >= 2));
}

function nameCells(cells: readonly Cell[], withId: boolean): Cell[] {
  // `"Kamau, Nkechi"` (inside quotes, or a row delimited by something else than commas).
  for (const c of cells) {
    const m = /^([^,]+),\s*([^,]+)$/.exec(c.text);
    const last = m && words(m[1]!);
    const first = m && words(m[2]!);
    if (last && first && known([...last, ...first], withId)) return [c];
  }
  // `PETTIBONE^CALEB^K` (an HL7 name carried into a flat extract).
  for (const c of cells) {
    const parts = c.text.split('^');
    if (parts.length < 2 || parts.length > 4) continue;
    const last = words(parts[0]!);
    const first = words(parts[1]!);
    if (last && first && known([...last, ...first], withId)) return [c];
  }
  // `AL-SAYED|SAMIRA`, `"Vandermolen", "Beatrix"`: two neighbouring cells of one to three words.
  for (let k = 0; k + 1 < cells.length; k++) {
    const a = words(cells[k]!.text);
    const b = words(cells[k + 1]!.text);
    if (a && b && a.length <= 3 && b.length <= 3 && known([...a, ...b], withId)) return [cells[k]!, cells[k + 1]!];
  }
  return [];
}
