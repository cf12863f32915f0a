/** Date shapes shared by the birth-date and patient-date recognizers. */
const MON = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}';
export const DATE_PATTERN = new RegExp(
  [
    String.raw`(?<![\w/.-])(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`,
    String.raw`\d{1,2}([-/.])\d{1,2}\2(?:\d{4}|\d{2})`,
    // `4 Mar 1961`, `3rd of May 1958`
    String.raw`\d{1,2}(?:st|nd|rd|th)?(?: of)?[- ]${MON}\.?[- ,]+\d{2,4}`,
    String.raw`${MON}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}`,
    // SAS and Stata's date9: `21DEC1930`, `10jul1930`.
    String.raw`\d{1,2}(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\d{4}`,
    String.raw`(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))(?![\w/:]|[-.]\d)`,
  ].join('|'),
  'dgi',
);
/** Partial dates ("5/21", "May-2021", "21-May"): identifiers only when a label says they are dates. */
export const PARTIAL_DATE_PATTERN = new RegExp(
  String.raw`(?<![\w/.:-])(\d{1,2}/\d{4}|\d{1,2}/\d{1,2}|${MON}-\d{2,4}|\d{1,2}-${MON})(?![\w/:]|[-.]\d)`,
  'dgi',
);

/**
 * Nothing but blanks in front of the value on its line, so no inline label can name it. `before` is
 * the up to 40 characters in front (fewer only at the start of the text); without a newline in a
 * full window the line may start further back, and the answer is "don't know" (false).
 */
export function unlabelledAtLineStart(before: string): boolean {
  const nl = before.lastIndexOf('\n');
  if (nl === -1 && before.length >= 40) return false;
  for (let i = nl + 1; i < before.length; i++) {
    const c = before.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/**
 * Dates built in code: `Date.new(1958, 4, 17)`, `date(1958, 4, 17)`, `LocalDate.of(...)`, C#'s
 * `new DateTime(...)`, Go's `time.Date(1947, time.August, 23, ...)`, Rust's
 * `NaiveDate::from_ymd_opt(...)`. The group is the year, month and day as written.
 */
export const CODE_DATE_PATTERN =
  /(?:\bDate\.new|\bdate|\bdatetime(?:\.date)?|\bnew Date|\bLocalDate\.of|\bnew DateTime|\bnew DateOnly|\bDateOnly|\bDateTime|\btime\.Date|\bNaiveDate::from_ymd(?:_opt)?)\(\s*((?:18|19|20)\d{2},\s*(?:\d{1,2}|time\.[A-Z][a-z]+),\s*\d{1,2})\s*[,)]/dg;
