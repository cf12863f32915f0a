import { runRuleTests } from '../../../testing/rule-tester.js';
import { scanner } from '../index.js';
import { loadNames } from '../names.js';
import { DATA, j } from '../testing.js';

runRuleTests(scanner, 'phi/phone-number', {
  valid: [
    { code: 'Counsel for the intended parents: Sandoval-Reich Family Law | (503) 274-9180\n', path: 'correspondence/agreement_thread.eml', name: 'a law firm named Family Law (no relative)' },
    { code: 'Recall hotline: 1-866-697-8243. Home program: (252) 758-6613.\n', path: 'docs/hhd/training_checklist.md', name: "a clinic's home program line" },
    { code: 'Patient,Equipment,Supplier phone\nSolveig Hollingsworth,enteral pump,406-442-9100\n', path: 'data/sheets/oxygen_equipment_tracker.csv', name: "a medical-equipment supplier's phone beside a patient" },
    { code: 'patient K+ critical: calling Dr. Kenji Shimura at 480-967-3390; lab contact 480-967-3400\n', path: 'logs/k8s/lab-ingest.log', name: "a provider's and the lab's number in prose" },
    { code: '{"msg":"sms queued for patient","to_patient":"ok","store_phone":"+14809673300","prescriber_phone":"505-227-1900"}\n', path: 'logs/k8s/rx-router.json.log', name: "a store's and a prescriber's number" },
    { code: 'site,phone_support,region\nCRMC,(360) 555-4284,west\n', path: 'config/sites.csv', name: 'a qualifier the label list does not know (phone_support) on a site table' },
    { code: '- Patient support line: (888) 412-7730 (Mon-Fri)', path: 'README.md', name: 'a toll-free number is an organisation\'s line' },
    { code: '{"patient": {"mrn": "A1", "payer_phone": "(312) 402-7719"}}', path: 'fixtures/profile.json', name: "the payer's phone in a patient record" },
    { code: 'Patient phone: (312) 555-0142', path: DATA, name: '555-01xx is reserved for fiction' },
    { code: 'phone: 123-456-7890', path: DATA, name: 'placeholder' },
    { code: 'build 3125552671 finished (patient-api)', path: DATA, name: 'bare ten digits without a label' },
    { code: 'port: 8080, patient service', path: DATA },
  ],
  invalid: [
    { code: '# crisis line, patient welfare checks\n* **Caller:** Sabrina Prudhomme (sister), cb (541) 771-5658\n', path: 'docs/crisis-line/call-notes.md', name: "a callback number after 'cb'", findings: [{ line: 2, excerpt: '(***) ***-5658' }] },
    { code: 'visit_date,start,patient,discipline,status,note\n2024-03-14,11:00,"Eklund, Bjorn",SN,missed,call husband Philippa first 406-722-6205\n', path: 'data/schedules/visit_schedule.csv', name: "a relative's number in a note cell", findings: [{ line: 2, excerpt: '***-***-6205' }] },
    { code: '# patient safety: on-call log\nhandoff date: 2024-04-05, week 11\n- Called in Apr 5 02:15 by brother Leilani from 406-944-6796: increased dyspnea\n', path: 'docs/notion/oncall-handoff.md', name: 'a relative named just before the number, no patient word near', findings: [{ line: 3, excerpt: '***-***-6796' }] },
    { code: '# patient safety: on-call log\nhandoff date: 2024-04-05, week 11\n- voicemail left, cb 406-944-6796 after 5pm\n', path: 'docs/notion/oncall-handoff.md', name: "'cb' as a label, no patient word near", findings: [{ line: 3, excerpt: '***-***-6796' }] },
    { code: 'Re: immunization record rejected for the patient.\nHer number is 425-602-6442 if your team needs to verify the dose.\n', path: 'email/RE_rejections.eml', name: "'her number is'", findings: [{ line: 2, excerpt: '***-***-6442' }] },
    { code: '2024-03-11 03:22:03,445 INFO  [a486] callback verified for patient transport ani=6145080390 run=24-07408\n', path: 'logs/cad-api.log', name: "a caller's number as the phone system logs it (ANI)", findings: [{ excerpt: '******0390' }] },
    { code: 'patient K+ critical: Dr. Ito asked us to reach her daughter at 480-598-3307\n', path: 'logs/k8s/lab-ingest.log', name: 'a relative named closer than the provider', findings: [{ excerpt: '***-***-3307' }] },
    { code: '{"msg":"sms queued for patient","patient_phone":"+16237840931","store_phone":"+14809673300"}\n', path: 'logs/k8s/rx-router.json.log', name: "the patient's number beside the store's", findings: [{ excerpt: '+*******0931' }] },
    { code: 'record_id,first_name,phone_primary,mrn\nCSK-0486,Marisol,(360) 555-4284,00577029\n', path: 'redcap/exports/registry.csv', name: 'phone_primary', findings: [{ line: 2, excerpt: '(***) ***-4284' }] },
    { code: '| Patient | DOB | Callback |\n|---|---|---|\n| Zofia Nowak | 1947-08-23 | (773) 261-5098 |\n', path: 'docs/postmortem.md', name: 'a callback column', findings: [{ line: 3, excerpt: '(***) ***-5098' }] },
    { code: 'Patient phone: (312) 555-2671', path: DATA, findings: [{ column: 16, endColumn: 30, excerpt: '(***) ***-2671', confidence: 'high' }] },
    { code: 'fax=+44 20 7946 0018 (patient referral)', path: DATA, findings: [{ excerpt: '+** ** **** 0018' }] },
    { code: 'mobile: 3125552671', path: 'fixtures/patients/a.yml', findings: [{ excerpt: '******2671' }] },
    { code: '{"msg":"inbound call","patient":"A1","ani":"+14049627051"}', path: 'logs/ivr.log', name: 'an E.164 number in a patient log', findings: [{ excerpt: '+*******7051' }] },
  ],
}, loadNames);
