/** Pick the structure reader for a file by extension (and a sniff for HL7 in text files). */
import { csvFields } from './csv.js';
import { emlFields } from './eml.js';
import { dicomDumpFields, looksLikeDicomDump } from './dicom-dump.js';
import { fixedWidthFields } from './fixed-width.js';
import { recordRowFields } from './record-rows.js';
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

const EXT_READERS: Array<[RegExp, (text: string) => Structure]> = [
  // Outputs hold printed DataFrames twice: as text and as an HTML table (whose tags sit in the JSON strings as written).
  [/\.ipynb$/i, (t) => withTables(jsonFields(t), [...textTableFields(t, notebookLine), ...htmlTableFields(t).fields])],
  [/\.(?:json|geojson|fhir|har)$/i, (t) => jsonFields(t)],
  [/\.(?:ndjson|jsonl)$/i, jsonLinesFields],
  [/\.(?:ya?ml)$/i, yamlFields],
  [/\.csv$/i, (t) => csvFields(t)],
  [/\.(?:tsv|tab)$/i, (t) => csvFields(t, '\t')],
  [/\.psv$/i, (t) => csvFields(t, '|')],
  [/\.(?:hl7|hl7v2|er7)$/i, hl7Fields],
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
  for (const [re, read] of EXT_READERS) if (re.test(path)) return read(text);
  if (/\.(?:txt|log|msg|dat)$/i.test(path) && looksLikeHl7(text)) return hl7Fields(text, { embedded: true });
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
  if (!FIXED_WIDTH_EXT_RE.test(path) || text.length > MAX_STRUCTURED) return undefined;
  const fields = fixedWidthFields(text, nowYear);
  if (!fields.some((f) => f.label === 'date_of_birth')) return undefined;
  return { format: 'fixed-width', fields, problems: [], clinical: false };
}

/** Printed tables (DataFrame outputs, Markdown and psql tables) add their cells to a structure. */
function withTables(s: Structure, tables: Field[]): Structure {
  return tables.length === 0 ? s : { ...s, fields: [...s.fields, ...tables] };
}
