import { runRuleTests } from '../../../testing/rule-tester.js';
import { scanner } from '../index.js';
import { loadNames } from '../names.js';
import { DATA, j } from '../testing.js';

runRuleTests(scanner, 'phi/other-id', {
  valid: [
    { code: '# patient images\nsopClassUID=1.2.840.10008.5.1.4.1.1.2 transferSyntaxUID=1.2.840.10008.1.2.1\n', path: 'pacs/audit/pacs_audit.log', name: 'a SOP class and a transfer syntax: kinds of object, not one patient\'s' },
    { code: 'epoch=12 loss=0.31 acc=0.9731 val_acc=0.9402 batch=20240312\n', path: 'logs/train.log', name: 'acc= as an accuracy, with no patient in view' },
    { code: 'Rx-only labelling per the 2024 guidance; see Rx 12 in the patient handbook.\n', path: 'docs/pharmacy.md', name: "'Rx' before a short number or a word" },
    { code: 'Test case ID: TC-1234 (patient module)', path: DATA },
    { code: 'claim_id: pending (patient)', path: DATA },
    { code: 'patient visited 3 times, visit 12345 ok', path: DATA, name: 'a bare number after the word is not an id' },
    { code: 'Encounter type: outpatient', path: DATA },
    { code: 'MBI,BeneficiaryName,LastVisit\n3FR7WK2HA64,"Nguyen, Thi",03/12/2024\n', path: 'exports/eligibility.csv', name: 'a date under a visit key is a date, not an id' },
    { code: 'the claim ABC-12 was denied (patient)', path: DATA, name: 'too short for an id' },
    { code: 'order_id,sku,qty,total\n' + j('ORD-2024', '-551203') + ',TOWEL-9,2,18.40\n', path: 'shop/exports/orders.csv', name: 'an order id with no patient in view' },
    { code: 'billing_cycle: 202403\nplan: gold\n', path: 'config/patient-portal/billing.yml', name: 'a bare cycle key over a number (a billing cycle)' },
  ],
  invalid: [
    { code: '# patient study audit\n2024-06-10T11:03:06Z evt=StudyOpened acc=MR24369654 studyUID=2.25.33352879216252218728226641593268002731\n', path: 'pacs/audit/pacs_audit.log', name: "a patient's study instance UID and accession in a PACS audit log", findings: [{ line: 2, excerpt: '******9654' }, { line: 2, excerpt: '*.**.**********************************2731' }] },
    { code: 'student_id,student_name,dob,complaint\n3880850,Adwoa Adeyemi,2014-05-02,asthma\n', path: 'school-health/visits.csv', name: 'a student id in a school health record', findings: [{ line: 2, excerpt: '*******' }] },
    { code: '2024-03-12 07:02:20,282 INFO  [ACCESSION-1] RECEIVE acc=S24-12700 pt="ZIELINSKI, ZBIGNIEW" mrn=43386964\n', path: 'lab/specimen-tracking/tracker.log', name: "acc= in a lab's log beside a patient", findings: [{ excerpt: '***-*2700' }] },
    { code: 'Patient Rashida Chowdhury was billed twice for Rx 6293911; specimen L24-078-00340 hemolysed.\n', path: 'docs/support/notes.txt', name: 'a prescription number after Rx, a specimen id with a one-letter prefix', findings: [{ excerpt: '*******' }, { excerpt: '***-***-*0340' }] },
    { code: '{"msg":"claim submitted","patient":{"mrn":"MV3871150"},"rx":"6284710","refillId":"RF-24-0077315"}\n', path: 'logs/k8s/rx-router.json.log', name: 'rx and refill keys', findings: [{ excerpt: '*******' }, { excerpt: '**-**-***7315' }] },
    { code: 'Patient claim number: CLM-2024-778812', path: DATA, findings: [{ excerpt: '***-****-**8812' }] },
    { code: '{"resourceType": "Encounter", "encounter_id": "ENC-99812"}', path: 'fhir/e.json', findings: [{ excerpt: '***-*9812' }] },
    { code: 'ERROR failed to send discharge summary for encounter ' + j('ENC-881', '20455'), path: 'logs/patients/app.log', name: 'the word alone labels a prefixed id', findings: [{ excerpt: '***-****0455' }] },
    { code: 'patient visit #' + j('A12', '345') + ' scheduled', path: DATA, findings: [{ excerpt: '******' }] },
    { code: '2024-03-18 08:00:30,856 INFO [cycles.services] advance cycle=' + j('CYC-2024', '-00683') + ' patient=BW9083152 STIM->TRIGGER\n', path: 'logs/app/django.log', name: "a patient's treatment cycle", findings: [{ excerpt: '***-****-*0683' }] },
    { code: "Hi Aisha - you're registered as donor " + j('BFD-E', '-29732') + ' and have your own chart with the clinic.\n', path: 'correspondence/donor_intake.eml', name: 'a gamete donor in prose', findings: [{ excerpt: '***-*-*9732' }] },
    { code: 'Attached is the executed agreement (case ' + j('GC-2023', '-968') + ') for the patient.\n', path: 'correspondence/gc_thread.eml', name: 'a case number after the word', findings: [{ excerpt: '**-***3-968' }] },
    { code: '{"patient_mrn": "RB-0985769", "hospice_election_id": "' + j('HEL-24', '-61066') + '", "los_days": 41}\n', path: 'analytics/bigquery/hospice_los_export.json', name: "a patient's hospice election", findings: [{ excerpt: '***-**-*1066' }] },
    { code: 'patient,consent_id,signed\nBW3654239,' + j('P2C-2024', '-00316') + ',Y\n', path: 'exports/consents.csv', name: "a patient's signed consent", findings: [{ excerpt: '***-****-*0316' }] },
    { code: 'Patient:  ROSALIND BAO    Order #:  ' + j('ORD73', '79953') + '\n', path: 'docs/pdf_text/pgta_report.txt', name: 'a lab order beside the patient', findings: [{ excerpt: '******9953' }] },
  ],
}, loadNames);
