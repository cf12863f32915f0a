/**
 * SQL seed files: `INSERT INTO t (col, ...) VALUES (...), (...)` - each value is labelled by its
 * column. Strings use '' escapes; function calls and nested parentheses are skipped. An unterminated
 * string or tuple is reported with its line.
 */
import { normalizeLabel } from '../labels.js';
import { clinicalColumns, lineAt, type Field, type Structure } from './types.js';

const INSERT_RE = /\bINSERT\s+(?:IGNORE\s+)?INTO\s+[\w."`\[\]]+\s*\(([^)]*)\)\s*VALUES\s*/gi;

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
      while (i < n && /\s/.test(text[i]!)) i++;
      if (text[i] !== '(') break;
      i++;
      tuple++;
      let col = 0;
      for (;;) {
        while (i < n && /\s/.test(text[i]!)) i++;
        if (i >= n) {
          problems.push({ line: lineAt(text, m.index), detail: 'unterminated VALUES tuple (truncated SQL?)' });
          ok = false;
          break;
        }
        const c = text[i]!;
        if (c === "'") {
          const s = ++i;
          while (i < n && !(text[i] === "'" && text[i + 1] !== "'")) i += text[i] === "'" ? 2 : 1;
          if (i >= n) {
            problems.push({ line: lineAt(text, s), detail: 'unterminated string literal' });
            ok = false;
            break;
          }
          if (cols[col]) fields.push({ label: cols[col]!, start: s, end: i, record: `t${tuple}`, where: `column ${cols[col]}`, ...(patient ? { patient } : {}), ...(text.slice(s, i).includes("''") ? { sqlString: true } : {}) });
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
          if (/^-?\d[\d.]*$/.test(raw) && cols[col]) fields.push({ label: cols[col]!, start: s, end: s + raw.length, record: `t${tuple}`, where: `column ${cols[col]}`, ...(patient ? { patient } : {}) });
        }
      }
      while (i < n && /\s/.test(text[i]!)) i++;
      if (text[i] === ',') i++;
      else break;
    }
    INSERT_RE.lastIndex = Math.max(i, INSERT_RE.lastIndex);
  }
  return { format: 'sql', fields, problems, clinical: false };
}
