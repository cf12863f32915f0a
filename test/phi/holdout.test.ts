/**
 * Held-out corpora (test/fixtures/phi/holdout, see bench/holdout.mjs): repositories and labels written
 * by an author who never saw the detector. Floors, not exact counts: they catch a change that loses
 * recall or starts flagging the hard negatives on data the detector was not written against.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { HOLDOUT_ROOT, scoreSet } from '../../bench/holdout.mjs';
import { scanner } from '../../src/scanners/phi/index.js';
import { loadNames } from '../../src/scanners/phi/names.js';

beforeAll(() => loadNames());

interface Floor {
  set: string;
  about: string;
  labels: number;
  recall: number;
  /** Hard negatives flagged, at most. */
  flagged: number;
  /** Flagged negatives other than provider NPI, DEA and licence numbers (for authors who count those as negatives). */
  nonProvider?: number;
  /** Kinds found completely here, which must stay so. */
  complete?: string[];
}

const isProvider = (why: string): boolean => /NPI|DEA|licen[cs]e/i.test(why);

const FLOORS: Floor[] = [
  { set: 'mvh', about: 'a hospital monorepo: exports, HL7, FHIR, logs, fixtures in five languages', labels: 829, recall: 0.9, flagged: 2, complete: ['us-ssn', 'email-address', 'street-address', 'ip-address', 'vehicle-id', 'dea-number'] },
  // 59 of pharmacy's flagged negatives are prescribers' NPI and DEA numbers, reported on purpose.
  { set: 'pharmacy', about: 'pharmacy and lab services: .NET, Laravel, Postman, HAR, Mongo and Elasticsearch dumps, NCPDP, HL7 ORU, Sentry', labels: 860, recall: 0.83, flagged: 72, nonProvider: 11 },
  // 23 of telehealth's flagged negatives are provider NPI, DEA and licence numbers, reported on purpose.
  // telehealth counts provider NPIs as hard negatives; two more are found since the NPI OID in CDA is read (2026-11-26 14:30).
  { set: 'telehealth', about: 'a telehealth monorepo: X12, pg_dump, Synthea, Go/Kotlin/Django tests, Jira and Slack exports', labels: 856, recall: 0.87, flagged: 41, nonProvider: 13 },
  // The next three authors count every provider number as a positive: every flag is a real false finding.
  // research: measured once unseen (0.334, the same as the starting code of the session that added
  // it), then used for the EMS/research readers (NEMSIS, PCR tables, notebook HTML outputs).
  { set: 'research', about: 'a research data warehouse and county EMS: REDCap, SAS/Stata/SPSS, NEMSIS, CAD logs, notebooks', labels: 1034, recall: 0.545, flagged: 27 },
  // dental: 0.522 and 80 when first measured unseen (that session's starting code: 0.512, 81); 0.528
  // and 59 after fixes made from other sets' flags (street names after a house number, NCPDP staff,
  // a phone named after a provider, a store or a lab).
  { set: 'dental', about: 'a dental and behavioral-health practice with a payer call center: Java, NestJS, Perl, Salesforce/Zendesk exports, IVR logs, LDIF, ics/vcf', labels: 914, recall: 0.56, flagged: 59 },
  // homehealth: 0.592 and 141 when first measured unseen (starting code: 0.584, 143); 0.625 after
  // later rules made from other sets (date columns of records that name a patient, ...).
  { set: 'homehealth', about: 'home health and hospice: Flutter/Kotlin/Go, OASIS, EVV logs, IHE XDS, CloudWatch, Athena, Tableau, Teams exports', labels: 1098, recall: 0.64, flagged: 95 },
  // oncology's ceiling went from 105 to 115 with the scorer's fix (a value labelled twice on a line is
  // its first occurrence, then its second): ten test-patient values sit twice on their lines and the
  // second occurrence is flagged; the old scorer matched both labels to the first.
  // oncology: 0.516 and 150 when first measured unseen, with this session's starting code and with
  // the code of its first hour alike; then staff containers (providers:, careTeam), equipment serials, NAACCR XML, CDA care times and licence shapes.
  // peds: 0.625 and 86 with that session's starting code, 0.648 and 86 with its code when the set
  // arrived (written meanwhile by an eighth author): measured before anything was changed for it.
  { set: 'peds', about: "a children's hospital with school health and an immunization-registry interface: HL7 VXU/QBP, newborn screening, NICU devices, Django/Go/Kotlin, SQL Server bcp, Teams transcripts", labels: 1088, recall: 0.705, flagged: 74 },
  // imaging: written by a ninth author during the same session and measured once, at its end, with
  // nothing changed for it: 0.610 and 101 (that session's starting code: 0.589 and 101); then the
  // HL7 scheduling fields (SIU) and DICOM instance UIDs from its misses.
  { set: 'imaging', about: 'a radiology group with imaging centers, teleradiology and occupational health: HL7 ORM/ORU/SIU, DICOM worklist and dose logs, MQSA, workers\' comp, IIS logs', labels: 1070, recall: 0.625, flagged: 85 },
  // behavioral: written by a tenth author in the session that added it, measured before anything was
  // changed for it: 0.636 and 132 flagged with that session's starting code, 0.658 and 132 with its
  // code when the set arrived (biometric templates, photo files, licences, ages, device serials made
  // from the other sets); then staff files and rosters, and headerless extracts, from its flags and misses.
  { set: 'behavioral', about: 'a behavioral-health and opioid-treatment network: Laravel, Scala/Spark, Airflow/dbt, Snowflake, mongosh, GraphQL, protobuf, Envoy/nginx logs, Part 2 consents, fax OCR', labels: 1759, recall: 0.74, flagged: 42 },
  // payer: by an eleventh author, written in the same session as behavioral and measured before anything was changed for it:
  // 0.307 and 92 flagged with that session's starting code, 0.331 and 39 with its code when the set arrived, 0.340 and 49
  // after the census surnames; then X12 by transaction set (ST) rather than file name, the 834 member loop, RD8 periods.
  { set: 'payer', about: 'a health plan with two nursing facilities: X12 834/837I/278, NCPDP D.0, COBOL copybooks and mainframe extracts, CCLF, MDS 3.0, QRDA, Spring Batch, T-SQL/PL-SQL', labels: 2815, recall: 0.71, flagged: 51 },
  // renal: by a twelfth author, written at the end of the session that added behavioral and payer, and measured once,
  // with nothing changed for it: 0.612 and 161 flagged with that session's starting code, 0.637 and 139 with its final code;
  // 0.694 at the start of the session of 2026-11-26 14:30, which made it a development set (a care event's time column).
  { set: 'renal', about: 'a nephrology network with dialysis clinics, a transplant center and a specialty pharmacy: Go/Rust/Rails/Elixir, Kafka Avro dumps, Clarity SQL, Redshift unloads, LookML, dialysis machine logs, EQRS XML, OPTN waitlist, HL7 ORU', labels: 2081, recall: 0.73, flagged: 135 },
  // The next three were written by three more authors (thirteenth to fifteenth) in the session of
  // 2026-11-26 13:00, each measured on arrival with that session's starting code (75efd82) and its
  // code at the time, under the scorer that maps a twice-labelled value to its second occurrence.
  // transport: 0.611 and 128 with both (0.602 under the old scorer); then a development set (a
  // header in a comment line, voiceprint files, face paths in manifests, an ISA a character short).
  { set: 'transport', about: 'an ambulance and non-emergency transport company: CAD and ePCR logs, NEMSIS-like XML, X12 271/837P, fixed-width claims, a rider portal, IVR voiceprints, family-driver mileage', labels: 2736, recall: 0.66, flagged: 128 },
  // occhealth: 0.590 and 217 with both; then a development set for precision (instrument serials and
  // calibration dates, staff roles such as collector and technician, clinic directories, from its flags: 127).
  { set: 'occhealth', about: 'an urgent-care and occupational-medicine chain: DOT/FAA exams, drug testing chain of custody, audiograms, OSHA 300/301, workers\' comp, Kotlin/Symfony/C#/KQL, Jenkins, Twilio, Freshdesk', labels: 2818, recall: 0.585, flagged: 111 },
  // rural: 0.538 and 198 with both (0.556 under the old scorer); nothing made from it. The instrument
  // rule made from occhealth's flags took its flags to 154 (measured, not looked at).
  { set: 'rural', about: 'a critical-access hospital on legacy systems: MUMPS globals, Delphi/VB6, IBM i RPG/DDS, Access, ASTM E1394, Crystal Reports, NCPDP SCRIPT, NEMSIS, HL7 VXU, PDMP ASAP', labels: 3454, recall: 0.535, flagged: 154 },
  // The next three were written by three more authors (sixteenth to eighteenth) in the session of
  // 2026-11-26 14:30 and measured on arrival with that session's starting code (b5d30b2).
  // fertility: 0.586 and 33 flagged; then a development set (event-date columns and labels such as
  // frozen_on and biopsy_at, cycle, donor, case and order ids, owner_name beside owner_mrn, a name's bracketed MRN).
  { set: 'fertility', about: 'a fertility clinic network: IVF cycles, embryology LIMS, cryostorage inventory, donor registry, gestational-carrier agreements, Django/Kotlin/C#, HL7 ORM/ORU, Slack and Jira exports', labels: 2764, recall: 0.65, flagged: 33 },
  // hospice: 0.572 and 129 (this author counts clinicians' names as positives); nothing made from it
  // (the name-and-bracketed-id rule, made from fertility, added one flag here: measured, not looked at).
  { set: 'hospice', about: 'a hospice and palliative-care agency: benefit periods, CTI, IDG notes, comfort kits, DME serials, bereavement follow-ups, X12 837I, Symfony/Swift/Sidekiq, T-SQL, fax OCR, Teams exports', labels: 2508, recall: 0.58, flagged: 130 },
  // dialysis: 0.701 and 41; nothing made from it (its author chose the theme: the brief it was given lacked one);
  // 0.708 and 42 at the end of that session (measured, not looked at).
  { set: 'dialysis', about: 'a dialysis network with home machines, a biometric check-in kiosk, caregiver voiceprints and a transport fleet: FHIR, C-CDA, X12 837P, HL7, Terraform, notebooks, Slack', labels: 2229, recall: 0.70, flagged: 42 },
  { set: 'oncology', about: 'a cancer center and reference lab: Mirth, X12, NAACCR, LIS extracts, C#/Rails/Elixir/Swift, Kafka and Redis captures, Jira/Confluence', labels: 1070, recall: 0.64, flagged: 115 },
];

describe('held-out PHI corpora', () => {
  it.each(FLOORS)('$set ($about)', async (f) => {
    const r = await scoreSet(join(HOLDOUT_ROOT, f.set), scanner);
    const listed = r.flagged.map((n) => `${n.path}:${n.line} ${n.why}`).join('\n');
    expect(r.labels).toBe(f.labels);
    expect(r.recall).toBeGreaterThanOrEqual(f.recall);
    expect(r.flagged.length, listed).toBeLessThanOrEqual(f.flagged);
    if (f.nonProvider !== undefined) expect(r.flagged.filter((n) => !isProvider(n.why)).length, listed).toBeLessThanOrEqual(f.nonProvider);
    for (const k of f.complete ?? []) expect(r.kinds.get(k)!.found, k).toBe(r.kinds.get(k)!.labels);
  }, 60_000);
});
