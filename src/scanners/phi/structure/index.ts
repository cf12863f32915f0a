/** Pick the structure reader for a file by extension (and a sniff for HL7 in text files). */
import { csvFields } from './csv.js';
import { emlFields } from './eml.js';
import { dicomDumpFields, looksLikeDicomDump } from './dicom-dump.js';
import { fixedWidthFields } from './fixed-width.js';
import { recordRowFields } from './record-rows.js';
import { looksLikeNcpdp, ncpdpFields } from './ncpdp.js';
import { parseDate } from '../validators.js';
import { htmlTableFields } from './html.js';
import { embeddedHl7Fields, hl7Fields, looksLikeHl7 } from './hl7.js';
import { jsonFields, jsonLinesFields } from './json.js';
import { sqlFields } from './sql.js';
import { CODE_EXT_RE } from '../code.js';
import { notebookLine, textTableFields } from './text-table.js';
import type { Field, Structure } from './types.js';
import { looksLikeX12, x12Fields } from './x12.js';
import { xmlFields } from './xml.js';
import { yamlFields } from './yaml.js';

export type { Field, Structure, StructureProblem } from './types.js';

const EXT_READERS: Array<[RegExp, (text: string, nowYear: number) => Structure]> = [
  // Outputs hold printed DataFrames twice: as text and as an HTML table (whose tags sit in the JSON strings as written).
  [/\.ipynb$/i, (t) => withTables(jsonFields(t), [...textTableFields(t, notebookLine), ...htmlTableFields(t).fields])],
  [/\.(?:json|geojson|fhir|har)$/i, (t) => jsonFields(t)],
  [/\.(?:ndjson|jsonl)$/i, jsonLinesFields],
  [/\.(?:ya?ml)$/i, yamlFields],
  [/\.csv$/i, (t, y) => delimited(t, y)],
  [/\.(?:tsv|tab)$/i, (t, y) => delimited(t, y, '\t')],
  [/\.psv$/i, (t, y) => delimited(t, y, '|')],
  [/\.(?:hl7|hl7v2|er7)$/i, (t) => hl7Fields(t)],
  // Interface-engine exports (Mirth channels) carry sample HL7 messages in their elements.
  [/\.(?:xml|cda|ccda|ccd)$/i, (t) => withTables(xmlFields(t), embeddedHl7Fields(t)?.fields ?? [])],
  [/\.sql$/i, sqlFields],
  [/\.(?:eml|mbox)$/i, emlFields],
  [/\.(?:html?|xhtml)$/i, htmlTableFields],
  [/\.(?:x12|edi|837[pi]?|835|834|27[0-8])$/i, x12Fields],
];

/** Files above this size are scanned as text only (structure readers keep per-field objects). */
const MAX_STRUCTURED = 16 * 1024 * 1024;

export function readStructure(path: string, text: string, nowYear = new Date().getUTCFullYear()): Structure | undefined {
  if (text.length > MAX_STRUCTURED) return undefined;
  for (const [re, read] of EXT_READERS) if (re.test(path)) return read(text, nowYear);
  if (/\.(?:txt|log|msg|dat)$/i.test(path) && looksLikeHl7(text)) return hl7Fields(text, { embedded: true });
  if (!CODE_EXT_RE.test(path) && looksLikeNcpdp(text)) return ncpdpFields(text);
  if (/\.(?:txt|dat|out|in)$/i.test(path) && looksLikeX12(text)) return x12Fields(text);
  if (!CODE_EXT_RE.test(path) && looksLikeDicomDump(text)) return dicomDumpFields(text);
  const hl7 = embeddedHl7Fields(text);
  // Printed tables live in documents, logs and notebooks; in source code they would only be comments.
  const code = CODE_EXT_RE.test(path);
  // Rows of a person without a header (SAS datalines, R tribbles, pipe-delimited extracts): in code, quoted cells only.
  const tables = [...(code ? [] : [...textTableFields(text), ...fixedWidthFields(text, nowYear)]), ...recordRowFields(text, nowYear, code)];
  if (tables.length === 0) return hl7;
  return withTables(hl7 ?? { format: 'text-table', fields: [], problems: [], clinical: false }, tables);
}

/** Extensions of fixed-width exports (and of text files that may hold one). */
const FIXED_WIDTH_EXT_RE = /\.(?:dat|txt|fw|fwf|prn|asc|out|rpt|cpy|cbl|cob)$/i;

/**
 * A fixed-width file whose records hold a name column and a birth-date column: a register of
 * people, patient data even without one clinical word in it. Undefined otherwise.
 */
export function personRegister(path: string, text: string, nowYear: number): Structure | undefined {
  if (text.length > MAX_STRUCTURED) return undefined;
  // A `.txt` or `.dat` whose every line has the same number of `|` or tabs is a delimited extract too (`26701|SCHNEIDER|DANIELLE|19891026|...`).
  const inner = DELIMITED_EXT_RE.test(path) ? undefined : FIXED_WIDTH_EXT_RE.test(path) ? steadyDelimiter(text) : undefined;
  if (DELIMITED_EXT_RE.test(path) || inner !== undefined) {
    // A delimited extract without a header whose rows are people (a name and a birth date each, twice or more).
    // A file with a header row is not parsed here: it has no clinical word, so its columns say nothing clinical either.
    const d = headerless(text, inner ?? (path.endsWith('.tsv') || path.endsWith('.tab') ? '\t' : path.endsWith('.psv') ? '|' : undefined));
    if (d === undefined) return undefined;
    const fields = recordRowFields(text, nowYear, false);
    const rows = new Set(fields.filter((f) => f.label === 'dob').map((f) => f.record));
    return rows.size >= 2 ? { format: d === '\t' ? 'tsv-rows' : 'csv-rows', fields, problems: [], clinical: true } : undefined;
  }
  if (!FIXED_WIDTH_EXT_RE.test(path)) return undefined;
  const fields = fixedWidthFields(text, nowYear);
  if (!fields.some((f) => f.label === 'date_of_birth' || /^(?:dob|birth_?date|date_of_birth)$/.test(f.label))) return undefined;
  // Records of people by name and birth date: every value of the file is read with a person in view.
  return { format: 'fixed-width', fields, problems: [], clinical: true };
}

const DELIMITED_EXT_RE = /\.(?:csv|tsv|tab|psv)$/i;

/** `|` or a tab when each of the first lines (three or more) holds it the same number of times, three or more. */
function steadyDelimiter(text: string): string | undefined {
  const lines = text.slice(0, 8192).split('\n').slice(0, 21).filter((l) => l.trim() !== '');
  // The last line of the slice may be cut short.
  if (text.length > 8192) lines.pop();
  if (lines.length < 3) return undefined;
  for (const d of ['|', '\t']) {
    const n = lines[0]!.split(d).length - 1;
    if (n >= 3 && lines.every((l) => l.split(d).length - 1 === n)) return d;
  }
  return undefined;
}

/**
 * A delimited file whose first row is data, not a header (an interface extract without its layout:
 * `CTL24119907<TAB>HBH0923581<TAB>PETTIBONE^CALEB<TAB>19660109 ...`), is read row by row on each row's
 * own evidence (record-rows.ts); otherwise the first row labels the columns.
 */
function delimited(text: string, nowYear: number, delimiter?: string): Structure {
  const d = headerless(text, delimiter);
  if (d !== undefined) return { format: d === '\t' ? 'tsv-rows' : 'csv-rows', fields: recordRowFields(text, nowYear, false), problems: [], clinical: false };
  return csvFields(text, delimiter);
}

/** The delimiter, when the first row holds two or more values rather than column names; undefined for a header. */
function headerless(text: string, delimiter?: string): string | undefined {
  const nl = text.indexOf('\n');
  const first = text.slice(0, nl === -1 ? text.length : nl).replace(/^\uFEFF/, '');
  const d = delimiter ?? ([',', '\t', ';', '|'].map((c) => [c, first.split(c).length] as const).sort((a, b) => b[1] - a[1])[0]![0]);
  const cells = first.split(d).map((c) => c.trim().replace(/^"|"$/g, ''));
  // A value, not a column name: mostly digits (`19660109`, `HBH0923581`), or a full date. `M0030_soc_dt` and an
  // aging bucket (`31-60`) are names.
  const dataLike = cells.filter((c) => {
    const digits = c.match(/\d/g)?.length ?? 0;
    if (digits >= 6 && digits * 2 >= c.length) return true;
    const date = digits >= 6 ? parseDate(c) : undefined;
    return date?.year !== undefined && date.day !== undefined;
  }).length;
  return cells.length >= 3 && dataLike >= 2 ? d : undefined;
}

/** Printed tables (DataFrame outputs, Markdown and psql tables) add their cells to a structure. */
function withTables(s: Structure, tables: Field[]): Structure {
  return tables.length === 0 ? s : { ...s, fields: [...s.fields, ...tables] };
}
