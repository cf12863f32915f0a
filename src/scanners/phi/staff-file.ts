/**
 * A file named for staff (`StaffSeeder.php`, `provider_fixtures.py`, `employees.json`, `staff_roster.md`); not a
 * file a nurse or provider keeps about others (`nurse_log.tsv`, `provider_visits.csv`).
 */
const STAFF_FILE_RE = /(?:^|[/_.-]|(?<=[a-z])(?=[A-Z]))(?:[Ss]taff|STAFF|[Ee]mployees?|EMPLOYEES?|[Pp]roviders?|PROVIDERS?|[Pp]ractitioners?|[Cc]linicians?|[Pp]hysicians?|[Nn]urses?|[Pp]rescribers?|[Cc]redentialing|[Oo]n_?[Cc]all)(?:[_.-]?(?:[Rr]osters?|[Ll]ist|[Dd]irectory|[Ss]eeders?|[Ff]actory|[Ff]ixtures?|[Ss]eeds?|[Dd]ata|[Ee]xport|[Ss]ync|[Ii]mport|[Rr]ecords))?(?:[_.-]\d[\w-]*)?\.[A-Za-z0-9]+$/;
/** Words that put a patient (or a client, resident, member) in a file. */
const PATIENT_WORD_RE = /(?<![A-Za-z])(?:patients?|pt_|mrn|dob|date_?of_?birth|birth_?date|members?|subscribers?|beneficiar(?:y|ies)|clients?|residents?|enrollees?|guarantors?|students?|child(?:ren)?|infants?|newborns?)(?![a-z])/i;
/** What is still reported in a staff file: the clinicians' own registry numbers. */
export const PROVIDER_KINDS: ReadonlySet<string> = new Set(['npi', 'dea-number', 'medical-license']);

/**
 * A file that by its name is about staff and never mentions a patient holds staff names, e-mails,
 * phones and addresses (a seeder, a fixture, a roster). Their NPI, DEA and licence numbers are
 * still reported.
 */
export function staffFile(path: string, text: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return STAFF_FILE_RE.test(base) && !PATIENT_WORD_RE.test(text);
}
