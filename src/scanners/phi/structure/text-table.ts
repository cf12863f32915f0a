/**
 * Tables printed as text: Markdown and psql/mysql pipe tables in bug reports and docs, and pandas
 * DataFrame printouts in notebook outputs and logs. The header row labels the cells below it, as a
 * CSV header does, so a row of a query result pasted into an issue is judged by its columns.
 *
 * A table needs a header of at least two short label-like cells, one of which is clinical (dob, mrn,
 * ssn, patient, diagnosis ...): prose and code with pipes are not tables. A team list or on-call
 * roster (`| Team | Name | Email | Phone |`) is read too, as staff: its cells are not the patient's.
 */
import { normalizeLabel } from '../labels.js';
import { clinicalColumns, type Field } from './types.js';

const LABEL_CELL = /^[A-Za-z][\w .#/()-]{0,40}$/;
const RULE_LINE = /^[\s|:+=-]+$/;
/** `[3 rows x 5 columns]`, pandas' footer. */
const FOOTER = /^\s*\[\d+ rows? x \d+ columns?\]\s*$/;

interface Line {
  text: string;
  start: number;
}

/** Lines with their offsets; `unwrap` turns a line into the part that holds table text (and its offset in the line). */
function linesOf(text: string, unwrap?: (line: string) => { text: string; at: number } | undefined): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const raw = text.slice(start, nl === -1 ? text.length : nl).replace(/\r$/, '');
    const u = unwrap ? unwrap(raw) : { text: raw, at: 0 };
    out.push(u ? { text: u.text, start: start + u.at } : { text: '', start });
    if (nl === -1) return out;
    start = nl + 1;
  }
}

function pipeCells(line: string): Array<[number, number]> | undefined {
  if ((line.match(/\|/g) ?? []).length < 1) return undefined;
  const cells: Array<[number, number]> = [];
  let s = 0;
  const trimmed = line.trimEnd();
  for (let i = 0; i <= trimmed.length; i++) {
    if (i === trimmed.length || line[i] === '|') {
      let a = s;
      let b = i;
      while (a < b && /\s/.test(line[a]!)) a++;
      while (b > a && /\s/.test(line[b - 1]!)) b--;
      cells.push([a, b]);
      s = i + 1;
    }
  }
  // Leading and trailing pipes leave empty edge cells (`| a | b |`).
  if (cells.length && cells[0]![0] === cells[0]![1] && /^\s*\|/.test(line)) cells.shift();
  if (cells.length && cells[cells.length - 1]![0] === cells[cells.length - 1]![1] && /\|\s*$/.test(line)) cells.pop();
  return cells.length >= 2 ? cells : undefined;
}

function headerLabels(line: string, cells: Array<[number, number]>): string[] | undefined {
  const words = cells.map(([a, b]) => line.slice(a, b));
  if (!words.every((w) => LABEL_CELL.test(w))) return undefined;
  const labels = words.map(normalizeLabel);
  return clinicalColumns(labels) ? labels : undefined;
}

/** Columns of a team list or on-call roster: the people in it are the staff. */
const STAFF_COLUMN = /^(?:team|squad|role|title|job_title|position|department|dept|owner|owners|manager|lead|on_call|oncall|rotation|extension|ext|slack|github|handle|pager|escalation|area|service)$/;

/** A header of label-like cells with a staff column and no clinical one (`| Team | Name | Email | Phone |`). */
function staffHeader(line: string, cells: Array<[number, number]>): string[] | undefined {
  const words = cells.map(([a, b]) => line.slice(a, b));
  if (!words.every((w) => LABEL_CELL.test(w))) return undefined;
  const labels = words.map(normalizeLabel);
  return labels.some((l) => STAFF_COLUMN.test(l)) && !clinicalColumns(labels) ? labels : undefined;
}

/** Whitespace-aligned header (pandas): tokens separated by spaces, every column right-aligned to its header's end. */
function alignedHeader(line: string): Array<{ label: string; end: number }> | undefined {
  if (!/^\s/.test(line) && !/\S\s{2,}\S/.test(line)) return undefined;
  const cols: Array<{ label: string; end: number }> = [];
  for (const m of line.matchAll(/\S+/g)) cols.push({ label: normalizeLabel(m[0]), end: m.index! + m[0].length });
  if (cols.length < 2 || !cols.every((c) => /^[a-z][a-z0-9_]{0,40}$/.test(c.label))) return undefined;
  return clinicalColumns(cols.map((c) => c.label)) ? cols : undefined;
}

/**
 * The header of a printed report (a lab's daily extract, a mainframe listing): cells two or more
 * spaces apart (`PATIENT NAME` is one), at least three, label-like and one clinical, with a dashed
 * rule on the next line. Columns start where their header cells start.
 */
function ruledHeader(line: string, next: string): Array<{ label: string; start: number }> | undefined {
  if (!/^\s*-{10,}[\s-]*$/.test(next)) return undefined;
  const cols: Array<{ label: string; start: number }> = [];
  for (const m of line.matchAll(/\S+(?: \S+)*/g)) cols.push({ label: normalizeLabel(m[0]), start: m.index! });
  if (cols.length < 3 || !cols.every((c) => /^[a-z][a-z0-9_]{0,40}$/.test(c.label))) return undefined;
  return clinicalColumns(cols.map((c) => c.label)) ? cols : undefined;
}

/** Cheap test before any tokenising: a header line names at least one clinical column. */
const CLINICAL_HEADER_HINT = /(?:^|[^A-Za-z])(?:patient|pt|dob|birth|mrn|ssn|member|subscriber|beneficiary|insur|policy|diagnos|dx|icd|admi|discharge|encounter|medica|allerg|npi|e?pcr)/i;

export function textTableFields(text: string, unwrap?: (line: string) => { text: string; at: number } | undefined): Field[] {
  const fields: Field[] = [];
  /** One cell of row `row` of the current table: every row is a patient record. */
  const cell = (label: string, start: number, end: number, row: number) =>
    fields.push({ label, start, end, record: `table${table}.row${row}`, where: `table row ${row}, column ${label}`, patient: true });
  if (!CLINICAL_HEADER_HINT.test(text)) return fields;
  const lines = linesOf(text, unwrap);
  let table = 0;
  for (let i = 0; i < lines.length - 1; i++) {
    const head = lines[i]!;
    if (head.text.length > 400) continue;
    const hint = CLINICAL_HEADER_HINT.test(head.text);
    // Without a clinical header word only a field/value table (whose rows are labels) can start here.
    if (!hint && !(head.text.includes('|') && lines[i + 1]!.text.includes('|'))) continue;
    const pc = head.text.includes('|') ? pipeCells(head.text) : undefined;
    if (pc) {
      const labels = hint ? headerLabels(head.text, pc) : undefined;
      const staff = labels ? undefined : staffHeader(head.text, pc);
      if (staff) {
        // Staff, not patients: the cells are marked so that free-text findings inside them are dropped.
        table++;
        let j = i + 1;
        if (j < lines.length && RULE_LINE.test(lines[j]!.text)) j++;
        for (; j < lines.length; j++) {
          const l = lines[j]!;
          const cells = l.text.includes('|') ? pipeCells(l.text) : undefined;
          if (!cells || cells.length !== staff.length) break;
          cells.forEach(([a, b], k) => {
            if (b > a) fields.push({ label: staff[k]!, start: l.start + a, end: l.start + b, record: `table${table}`, where: `staff table, column ${staff[k]}`, nonPatient: true });
          });
        }
        i = j - 1;
        continue;
      }
      if (!labels) {
        // `| Field | Value |` and then one row per field (`| MRN | 00247781 |`): each row labels itself.
        const kv = pc.length === 2 ? keyValueRows(lines, i + 1) : undefined;
        if (kv) {
          table++;
          for (const r of kv.rows) fields.push({ label: r.label, start: r.start, end: r.end, record: `table${table}`, where: `table row ${r.label}`, patient: true });
          i = kv.next - 1;
        }
        continue;
      }
      table++;
      let j = i + 1;
      if (j < lines.length && RULE_LINE.test(lines[j]!.text) && lines[j]!.text.includes('-')) j++;
      let row = 0;
      for (; j < lines.length; j++) {
        const l = lines[j]!;
        const cells = l.text.includes('|') ? pipeCells(l.text) : undefined;
        if (!cells || cells.length !== labels.length) break;
        if (RULE_LINE.test(l.text)) continue;
        row++;
        cells.forEach(([a, b], k) => {
          if (b > a) cell(labels[k]!, l.start + a, l.start + b, row);
        });
      }
      i = j - 1;
      continue;
    }
    const ruled = ruledHeader(head.text, lines[i + 1]!.text);
    if (ruled) {
      // A printed report: a header over a dashed rule, left-aligned columns, a record's extra lines
      // blank in the first column (they belong to the record above), the table ends at a rule or a blank line.
      table++;
      let row = 0;
      let j = i + 2;
      for (; j < lines.length; j++) {
        const l = lines[j]!;
        if (l.text.trim() === '' || RULE_LINE.test(l.text)) break;
        if (/\S/.test(l.text.slice(0, ruled[1]!.start))) row++;
        if (row === 0) continue;
        ruled.forEach((c, k) => {
          const to = Math.min(l.text.length, ruled[k + 1]?.start ?? l.text.length);
          let a = c.start;
          let b = to;
          while (a < b && /\s/.test(l.text[a]!)) a++;
          while (b > a && /\s/.test(l.text[b - 1]!)) b--;
          if (b > a) cell(c.label, l.start + a, l.start + b, row);
        });
      }
      i = j - 1;
      continue;
    }
    const cols = alignedHeader(head.text);
    if (!cols) continue;
    table++;
    let row = 0;
    let j = i + 1;
    for (; j < lines.length; j++) {
      const l = lines[j]!.text;
      if (l.trim() === '' || FOOTER.test(l) || l.length > cols[cols.length - 1]!.end + 40) break;
      // Every column must end with a non-space exactly under its header's end (right alignment);
      // failing that (a hand-edited table, wide characters), cells two spaces apart, one per column.
      if (!cols.every((c) => l.length >= c.end && /\S/.test(l[c.end - 1]!) && (l.length === c.end || /\s/.test(l[c.end]!)))) {
        const cells = spacedCells(l, cols.length);
        if (!cells) break;
        row++;
        cells.forEach(([a, b], k) => cell(cols[k]!.label, lines[j]!.start + a, lines[j]!.start + b, row));
        continue;
      }
      row++;
      let from = 0;
      cols.forEach((c, k) => {
        let a = from;
        // The first column's span also holds the row index (`0  Dolores Mbeki`): skip it.
        if (k === 0) a = /^\s*\d+\s+/.exec(l.slice(0, c.end))?.[0].length ?? 0;
        while (a < c.end && /\s/.test(l[a]!)) a++;
        if (c.end > a) cell(c.label, lines[j]!.start + a, lines[j]!.start + c.end, row);
        from = c.end;
      });
    }
    if (row > 0) i = j - 1;
  }
  return fields;
}

/**
 * A printed row cut at runs of two or more spaces (pandas puts two between columns; a single space
 * stays inside a value, `Harold Whitfield`): `n` cells, or `n + 1` with a leading row index.
 */
function spacedCells(line: string, n: number): Array<[number, number]> | undefined {
  const cells: Array<[number, number]> = [];
  for (const m of line.matchAll(/\S+(?: \S+)*/g)) cells.push([m.index!, m.index! + m[0].length]);
  if (cells.length === n + 1 && /^\d+$/.test(line.slice(cells[0]![0], cells[0]![1]))) cells.shift();
  return cells.length === n ? cells : undefined;
}

/**
 * Two-column pipe rows from `from` on (after an optional rule line), each `| label | value |`; a
 * table only when one of the labels is clinical (MRN, DOB, patient ...), as for a header row.
 */
function keyValueRows(lines: Line[], from: number): { rows: Array<{ label: string; start: number; end: number }>; next: number } | undefined {
  let j = from;
  if (j < lines.length && RULE_LINE.test(lines[j]!.text) && lines[j]!.text.includes('-')) j++;
  const rows: Array<{ label: string; start: number; end: number }> = [];
  for (; j < lines.length; j++) {
    const l = lines[j]!;
    const cells = l.text.includes('|') ? pipeCells(l.text) : undefined;
    if (!cells || cells.length !== 2) break;
    const key = l.text.slice(cells[0]![0], cells[0]![1]);
    if (!LABEL_CELL.test(key)) break;
    const [a, b] = cells[1]!;
    if (b > a) rows.push({ label: normalizeLabel(key), start: l.start + a, end: l.start + b });
  }
  return rows.length > 0 && clinicalColumns(rows.map((r) => r.label)) ? { rows, next: j } : undefined;
}

/** Notebook JSON keeps each output line as a string literal: `"0  Ana  1950-01-02\n",`. */
export function notebookLine(line: string): { text: string; at: number } | undefined {
  const m = /^(\s*")(.*?)(?:\\n)?",?\s*$/.exec(line);
  // Escapes inside the line would shift offsets: such lines are left to the text scan.
  if (!m || /\\/.test(m[2]!)) return undefined;
  return { text: m[2]!, at: m[1]!.length };
}
