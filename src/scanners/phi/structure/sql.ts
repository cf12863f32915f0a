/**
 * SQL seed files: `INSERT INTO t (col, ...) VALUES (...), (...)` and pg_dump `COPY ... FROM stdin`
 * blocks - each value is labelled by its column. Strings use '' escapes; function calls and nested
 * parentheses are skipped. An unterminated
 * string or tuple is reported with its line.
 */
import { normalizeLabel } from '../labels.js';
import { clinicalColumns, lineAt, type Field, type Structure } from './types.js';

const INSERT_RE = /\bINSERT\s+(?:IGNORE\s+)?INTO\s+[\w."`\[\]]+\s*\(([^)]*)\)\s*VALUES\s*/gi;

/** Past blanks and comments (`-- PRODCOPY` after a tuple, `/* ... *\/`). */
function skipSpace(text: string, i: number): number {
  for (;;) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (text.startsWith('--', i)) {
      const nl = text.indexOf('\n', i);
      i = nl === -1 ? text.length : nl + 1;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 2;
    } else return i;
  }
}

export function sqlFields(text: string): Structure {
  const fields: Field[] = [];
  const problems: Structure['problems'] = [];
  let tuple = 0;
  INSERT_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = INSERT_RE.exec(text)) !== null) {
    const cols = m[1]!.split(',').map((c) => normalizeLabel(c.replace(/["`\[\]]/g, '')));
    const patient = clinicalColumns(cols);
    let i = INSERT_RE.lastIndex;
    const n = text.length;
    let ok = true;
    while (ok && i < n) {
      i = skipSpace(text, i);
      if (text[i] !== '(') break;
      i++;
      tuple++;
      let col = 0;
      // The current column's value at [start, end) (`value`: its text with '' unescaped, where that differs).
      const cell = (start: number, end: number, value?: string): void => {
        if (cols[col]) fields.push({ label: cols[col]!, start, end, record: `t${tuple}`, where: `column ${cols[col]}`, ...(patient ? { patient } : {}), ...(value !== undefined ? { value } : {}) });
      };
      for (;;) {
        i = skipSpace(text, i);
        if (i >= n) {
          problems.push({ line: lineAt(text, m.index), detail: 'unterminated VALUES tuple (truncated SQL?)' });
          ok = false;
          break;
        }
        // SQL Server's N'...' and PostgreSQL's E'...' are strings too.
        if (/[NnEe]/.test(text[i]!) && text[i + 1] === "'") i++;
        const c = text[i]!;
        if (c === "'") {
          const s = ++i;
          while (i < n && !(text[i] === "'" && text[i + 1] !== "'")) i += text[i] === "'" ? 2 : 1;
          if (i >= n) {
            problems.push({ line: lineAt(text, s), detail: 'unterminated string literal' });
            ok = false;
            break;
          }
          const body = text.slice(s, i);
          cell(s, i, body.includes("''") ? body.replace(/''/g, "'") : undefined);
          i++;
        } else if (c === ')') {
          i++;
          break;
        } else if (c === ',') {
          col++;
          i++;
        } else {
          const s = i;
          let depth = 0;
          while (i < n && !(depth === 0 && (text[i] === ',' || text[i] === ')'))) {
            if (text[i] === '(') depth++;
            else if (text[i] === ')') depth--;
            else if (text[i] === "'") {
              i++;
              while (i < n && text[i] !== "'") i++;
            }
            i++;
          }
          const raw = text.slice(s, i).trim();
          // A number, or a literal inside a conversion (CONVERT(date, '06/03/2024', 101),
          // TO_DATE('14-MAR-1952', 'DD-MON-YYYY'), CAST('1952-03-14' AS date), DATE '1952-03-14').
          const lit = /^(?:[A-Za-z_][\w.]*\s*\((?:[^'()]*?,\s*)?|DATE\s+|TIMESTAMP\s+)'([^']{1,64})'/i.exec(raw);
          if (/^-?\d[\d.]*$/.test(raw)) cell(s, s + raw.length);
          else if (lit) cell(s + lit[0].length - 1 - lit[1]!.length, s + lit[0].length - 1);
        }
      }
      i = skipSpace(text, i);
      if (text[i] === ',') i++;
      else break;
    }
    INSERT_RE.lastIndex = Math.max(i, INSERT_RE.lastIndex);
  }
  copyFields(text, fields, problems);
  return { format: 'sql', fields, problems, clinical: false };
}

const COPY_RE = /^COPY\s+[\w."]+\s*\(([^)]*)\)\s+FROM\s+stdin;?[ \t]*\r?$/gim;

/**
 * pg_dump's data blocks: `COPY t (cols) FROM stdin;`, then one tab-separated row per line up to a
 * line `\.`; `\N` is NULL. Each cell is labelled by its column, each row is a record.
 */
function copyFields(text: string, fields: Field[], problems: Structure['problems']): void {
  COPY_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let block = 0;
  while ((m = COPY_RE.exec(text)) !== null) {
    const cols = m[1]!.split(',').map((c) => normalizeLabel(c.replace(/"/g, '')));
    const patient = clinicalColumns(cols);
    block++;
    let at = text.indexOf('\n', m.index) + 1;
    let row = 0;
    let ended = false;
    while (at > 0 && at < text.length) {
      let end = text.indexOf('\n', at);
      if (end === -1) end = text.length;
      const line = text.slice(at, end).replace(/\r$/, '');
      if (line === '\\.') {
        ended = true;
        break;
      }
      row++;
      let c = at;
      line.split('\t').forEach((cell, k) => {
        if (cols[k] && cell !== '\\N' && cell !== '') fields.push({ label: cols[k]!, start: c, end: c + cell.length, record: `c${block}.${row}`, where: `column ${cols[k]}`, ...(patient ? { patient } : {}) });
        c += cell.length + 1;
      });
      at = end + 1;
    }
    if (!ended) problems.push({ line: lineAt(text, m.index), detail: 'COPY block has no terminating \\. line (truncated dump?)' });
    COPY_RE.lastIndex = Math.max(COPY_RE.lastIndex, at);
  }
}
