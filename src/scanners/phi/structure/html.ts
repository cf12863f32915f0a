/**
 * Tables in HTML pages (wiki and Confluence exports, saved reports, admin pages): the cells of a row
 * are labelled by the header cells above them, as a CSV's are by its header line. Only table markup
 * is read (`<tr>`, `<th>`, `<td>`); everything else in the page is left to the free-text pass.
 */
import { normalizeLabel } from '../labels.js';
import { clinicalColumns, type Field, type Structure } from './types.js';

const TABLE_RE = /<table\b[^>]*>([\s\S]*?)<\/table\s*>/gi;
const ROW_RE = /<tr\b[^>]*>([\s\S]*?)(?=<tr\b|<\/tr\s*>|<\/t(?:body|head|foot)\s*>|$)/gi;
const CELL_RE = /<(t[hd])\b[^>]*>([\s\S]*?)(?=<t[hd]\b|<\/t[hd]\s*>|<\/tr\s*>|$)/gi;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

interface Cell {
  header: boolean;
  /** The cell's text (tags removed, entities decoded, blanks trimmed). */
  text: string;
  start: number;
  end: number;
  /** The text is written as it reads (no inner tags or entities), so its span can be masked as is. */
  plain: boolean;
}

export function htmlTableFields(text: string): Structure {
  const fields: Field[] = [];
  let tableNo = 0;
  TABLE_RE.lastIndex = 0;
  for (let t = TABLE_RE.exec(text); t !== null; t = TABLE_RE.exec(text)) {
    const bodyStart = t.index + t[0].indexOf('>') + 1;
    const rows = readRows(t[1]!, bodyStart);
    tableNo++;
    const headerRow = rows.findIndex((r) => r.length > 0 && r.every((c) => c.header));
    if (headerRow === -1) continue;
    const labels = rows[headerRow]!.map((c) => normalizeLabel(c.text));
    const patient = clinicalColumns(labels);
    rows.slice(headerRow + 1).forEach((row, r) => {
      row.forEach((cell, col) => {
        const label = labels[col];
        if (!label || cell.header || cell.text === '') return;
        const field: Field = { label, start: cell.start, end: cell.end, record: `t${tableNo}r${r}`, where: `table ${tableNo}, row ${r + 1}, ${label}` };
        if (!cell.plain) field.value = cell.text;
        if (patient) field.patient = true;
        fields.push(field);
      });
    });
  }
  return { format: 'html', fields, problems: [], clinical: false };
}

function readRows(body: string, offset: number): Cell[][] {
  const rows: Cell[][] = [];
  ROW_RE.lastIndex = 0;
  for (let r = ROW_RE.exec(body); r !== null; r = ROW_RE.exec(body)) {
    if (r[0].length === 0) {
      ROW_RE.lastIndex++;
      continue;
    }
    const rowStart = offset + r.index + r[0].indexOf('>') + 1;
    const cells: Cell[] = [];
    CELL_RE.lastIndex = 0;
    const inner = r[1]!;
    for (let c = CELL_RE.exec(inner); c !== null; c = CELL_RE.exec(inner)) {
      if (c[0].length === 0) {
        CELL_RE.lastIndex++;
        continue;
      }
      const contentStart = rowStart + c.index + c[0].indexOf('>') + 1;
      cells.push(cellOf(c[1]!.toLowerCase() === 'th', c[2]!, contentStart));
    }
    rows.push(cells);
  }
  return rows;
}

function cellOf(header: boolean, raw: string, start: number): Cell {
  const lead = raw.length - raw.trimStart().length;
  const trimmed = raw.trim();
  const plain = !/[<&]/.test(trimmed);
  const text = plain
    ? trimmed
    : trimmed
        .replace(/<[^>]*>/g, ' ')
        .replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|\w+);/gi, (m, e: string) => {
          if (e[0] !== '#') return ENTITIES[e.toLowerCase()] ?? m;
          const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
          return code <= 0x10ffff ? String.fromCodePoint(code) : m;
        })
        .replace(/\s+/g, ' ')
        .trim();
  return { header, text, start: start + lead, end: start + lead + trimmed.length, plain };
}
