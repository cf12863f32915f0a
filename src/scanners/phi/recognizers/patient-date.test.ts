import { runRuleTests } from '../../../testing/rule-tester.js';
import { scanner } from '../index.js';
import { loadNames } from '../names.js';
import { DATA, j } from '../testing.js';

runRuleTests(scanner, 'phi/patient-date', {
  valid: [
    { code: 'APPOINTMENT LIST\n"Run by: CASTILLO, RENEE   Run date: 03/15/2024 06:45 AM"\npatient,appt\n', path: 'apps/scheduling/exports/appt_list.csv', name: "a report's run date and the clerk who ran it" },
    { code: 'var patientBuild = new Build { Released = new DateTime(2024, 3, 18) };\n', path: 'tests/BuildTests.cs', name: 'a release date built in code' },
    { code: 'entry_type,entry_datetime,pcr_id,unit\nSHIFT_COUNT,2024-02-10 07:00,,M12\n', path: 'ems/controlled_substances/log.csv', name: 'a date column in a row of a patient table that names no patient' },
    { code: '{"audit":{"table":"releases","recordedDate":"2024-03-01","actor":"ci-bot"}}', path: 'logs/audit/release.json', name: 'a recordedDate with no patient in view' },
    { code: 'if (status == "2024-03-01") { deploy(); }\n', path: 'scripts/deploy.js', name: 'a comparison whose key labels no date' },
    { code: 'Build date: 2024-01-05 (patient portal release)', path: DATA },
    { code: 'admitted: yes', path: DATA },
    // A webhook's delivery time, nobody's service date: the label needs a patient in view.
    { code: '{"event":"email.sent","delivered_at":"2024-03-15T13:20:00Z","template":"receipt"}\n', path: 'fixtures/webhooks/events.ndjson', name: 'a delivery time with no patient' },
    // A test record ("TEST" in the name column): its dates are test data too.
    { code: 'rx_number,fill_date,patient_last,patient_first\n9999999,2024-03-27,PATIENT,TEST\n', path: 'data/dispensing/fills.csv', name: 'the fill date of a test record' },
    // A care event in prose needs someone on its line: alone it stays below the floor.
    { code: 'Patient portal: follow-up reminders rescheduled to 3/13/2024 for all clinics.\n', path: 'docs/notes.md', name: 'a care event in prose with no one named' },
    { code: 'Dr. Okafor presented the audit; the patient survey was scheduled for review.\nDeployed 2024-03-12 by Maria Gonzalez\n', path: 'docs/notes.md', name: 'a date after a word that is no care event' },
    { code: '{"appointment":{"starts_at":"2024-03-19T17:30:00Z","room":"B2"}}\n', path: 'fixtures/rooms.json', name: 'an appointment time in a record that names no patient' },
    { code: 'exam_id,exam_date,room,score\nEX-100,12-13-2023,B4,88\n', path: 'exports/school/exams.csv', name: 'an exam date in a table with no patient column' },
    { code: 'PAT_MRN_ID,MSG_ID,SENT_TIME,SIGNED_AT\nBHK4334860,M-1,3/4/2024 6:42:00 AM,2024-03-04T06:50:00Z\n', path: 'exports/portal_messages.csv', name: 'when a message was sent or signed: not among the care events that time a patient (taken, collected, drawn ...)' },
    { code: 'tank,serial,filled_on,last_audit\nTK-05,MVE-88213,01/30/2023,2024-03-11\n', path: 'exports/cryo/tanks.csv', name: "an event date column of equipment, in a table that names no patient" },
  ],
  invalid: [
    { code: 'PAT_MRN_ID,PAT_NAME,BIRTH_DATE,SPECIMN_TAKEN_TIME,COMPONENT\nBHK4334860,"BARNHILL,PRIYA E",3/18/1947,3/4/2024 6:42:00 AM,CREATININE\n', path: 'clarity/output/monthly_labs.csv', name: "a specimen's taken time in a patient's lab row (Clarity's SPECIMN_TAKEN_TIME)", findings: [{ line: 2, excerpt: '*/*/2024 *:**:** **' }] },
    { code: 'specimen_id,owner_mrn,owner_name,frozen_on,tank,last_tank_audit\nE230130-0045,BW3654239,"Zielinski, Corinne",01/30/2023,TK-05,2024-03-11\n', path: 'exports/cryo_inventory.csv', name: "a specimen's freezing date (an event date column) in a patient's row, not the tank audit", findings: [{ line: 2, excerpt: '**/**/2023' }] },
    { code: '2024-03-18 13:31:04,203 INFO [lab.orders] ORM^O01 sent patient=BW3654239 order=ORD7436843 biopsy_at=2024-03-14\n', path: 'logs/app/django.log', name: 'a biopsy time under its key', findings: [{ excerpt: '2024-**-**' }] },
    { code: 'mrn,last,first,test_date,last_cal,booth\nKW8676092,Santangelo,Roy,2024-06-12,2024-01-21,IAC-3474\nKW8676093,Yost,Kendra,2024-06-13,2023-09-15,IAC-3475\n', path: 'data/audiology/audiograms.csv', name: "the test date in a patient table, not the instrument's calibration date", findings: [{ line: 2, column: 26 }, { line: 3, column: 23 }] },
    { code: '{"lastEncounter":{"id":"E2023051989687","admittedAt":"2023-05-19"},"mrn":"00899102"}', path: 'fixtures/graphql/patientSearch.response.json', name: 'an admission time as a past participle (admittedAt)', findings: [{ excerpt: '2023-**-**' }] },
    { code: '{"resourceType":"Specimen","subject":{"reference":"Patient/p1"},"collection":{"collectedDateTime":"2024-02-29T09:42:00-06:00"}}', path: 'interop/fhir/specimen.json', name: "a FHIR specimen's collection time", findings: [{ excerpt: '2024-**-*****:**:**-**:**' }] },
    { code: 'chart_no,exam_date,tooth,examiner\nCHT-93202,12-13-2023,2,Gregor Lindahl\n', path: 'exports/perio/perio_sites.csv', name: 'an exam date in a table keyed by chart number (a patient table)', findings: [{ line: 2, excerpt: '**-**-2023' }] },
    { code: "date_of_service = '2024-03-01'", path: DATA, name: 'a line whose only word is its date label (the prefilter knows date now)', findings: [{ confidence: 'high' }] },
    { code: 'var claim = new Claim { PatientMrn = "MV1", DateOfService = new DateTime(2024, 3, 18) };\n', path: 'tests/ClaimTests.cs', name: 'a date of service built in code', findings: [{ excerpt: '2024, *, **' }] },
    { code: 'mrn,last_name,soc_date,created_at\nMV4401922,Okafor,2024-02-11,2024-03-01\n', path: 'exports/episodes.csv', name: "another date column of a patient's row (not its bookkeeping)", findings: [{ line: 2, excerpt: '2024-**-**' }] },
    { code: '{"resourceType":"Observation","subject":{"reference":"Patient/p1"},"effectiveDateTime":"2023-07-10T06:40:00-08:00"}', path: 'interop/fhir/obs.json', name: "a FHIR Observation's effective time", findings: [{ excerpt: '2023-**-*****:**:**-**:**' }] },
    { code: 'pcr_id = PCR-23-983940 (patient)\nincident_ts = 2023-12-04T03:10:07.000Z\n', path: 'docs/data/schema_dump.txt', name: 'an incident timestamp beside a patient record', findings: [{ line: 2, excerpt: '2023-**-*****:**:**.****' }] },
    { code: 'cohort <- cohort %>% filter(!(mrn == "00531577" & admit_date == as.Date("2023-12-06")))\n', path: 'analysis/R/clean_cohort.R', name: 'a comparison with a literal date', findings: [{ excerpt: '2023-**-**' }] },
    { code: 'Admission date: 2024-01-05', path: DATA, findings: [{ excerpt: '2024-**-**' }] },
    { code: 'discharge_date,mrn\n01/09/2024,A12345\n', path: 'exports/patients.csv', findings: [{ line: 2, column: 1, excerpt: '**/**/2024' }] },
    { code: 'Date of death: March 3, 2023', path: DATA, findings: [{ excerpt: '***** *, 2023' }] },
    { code: 'MBI,BeneficiaryName,LastVisit\n3FR7WK2HA64,"Nguyen, Thi",03/12/2024\n', path: 'exports/eligibility.csv', name: 'a last-visit column', findings: [{ line: 2, excerpt: '**/**/2024' }] },
    { code: 'ClaimNumber\tPatientLast\tServiceFrom\tServiceTo\nCLM-1\tOkafor\t2024-02-11\t2024-02-14\n', path: 'exports/claims.tsv', name: 'claim service dates', findings: [{ line: 2, excerpt: '2024-**-**' }, { line: 2, excerpt: '2024-**-**' }] },
    { code: 'patients:\n  - mrn: A10442\n    devices:\n      - implant_date: 2024-02-12\n', path: 'fixtures/implants.yaml', name: 'a clinical event date', findings: [{ line: 4, excerpt: '2024-**-**' }] },
    { code: 'pt_last_nm,dob,last_visit_dt\nOKAFOR,19750417,20240211\n', path: 'exports/roster.csv', name: 'a legacy visit-date column', findings: [{ line: 2, excerpt: '2024****' }] },
    { code: 'rx_number,fill_date,patient_last,patient_first\n6284710,2024-03-18,Delacroix,Marguerite\n', path: 'data/dispensing/fills.csv', name: 'a pharmacy fill date', findings: [{ line: 2, excerpt: '2024-**-**' }] },
    { code: '{"event":"rx.delivered","delivered_at":"2024-03-15T13:20:00Z","patient":{"mrn":"MV6188034"}}\n', path: 'data/es/events.ndjson', name: 'a delivery to a patient', findings: [{ line: 1, excerpt: '2024-**-*****:**:***' }] },
    { code: 'Patient Maria Gonzalez (MRN 00628145) was rescheduled to 3/13/2024 after the outage.\n', path: 'docs/postmortem.md', name: 'a care event in prose beside a named patient', findings: [{ excerpt: '*/**/2024' }] },
    { code: 'ERROR pdf-render: failed to render visit summary for patient MRN BC-0066094 visit 2024-03-08\n', path: 'logs/api.log', name: 'a visit date in a log line beside an MRN', findings: [{ excerpt: '2024-**-**' }] },
    { code: '{"appointments":[{"patient":{"mrn":"MV6650871","name":"Fatima Haddad"},"starts_at":"2024-03-19T17:30:00Z","ends_at":"2024-03-19T17:50:00Z"}]}\n', path: 'fixtures/appointments.json', name: "the start and end of a named patient's appointment", findings: [{ excerpt: '2024-**-*****:**:***' }, { excerpt: '2024-**-*****:**:***' }] },
  ],
}, loadNames);
