import { runRuleTests } from '../../../testing/rule-tester.js';
import { scanner } from '../index.js';
import { loadNames } from '../names.js';
import { DATA, j } from '../testing.js';

runRuleTests(scanner, 'phi/device-id', {
  valid: [
    { code: 'build serial: 20240105 (patient app)', path: DATA, name: 'a generic serial label is at most medium', options: { min_confidence: 'high' } },
    { code: 'disk_serial: WD1234567 patient', path: DATA, name: 'hardware of a server' },
    { code: '2024-03-04 INFO patient sync ok device=iPhone15 os=17.4', path: 'logs/app.log', name: 'a device model, not a serial' },
    { code: 'Configure the serial port at 9600 baud for the patient monitor gateway', path: DATA, name: 'serial as a word' },
    { code: 'analyzer serial XN351005 calibrated', path: DATA, name: 'no patient in view' },
    { code: 'ERROR NAK: unknown patient MRN=SPM6890161\nERROR TLS certificate for portal.example.org expires in 19 days (serial 7b45b5a457356d6f)', path: 'ops/mirth.log', name: "a certificate's serial below a patient line" },
    { code: 'Result for MRN 00628145 released\n{"schema": "qc-result/1", "instrument": "ATELLICA-CH-01", "serial": "XN351005", "level": "L1"}\n', path: 'ops/kafka/capture.txt', name: "a lab analyser's serial, below a patient's result" },
  ],
  invalid: [
    { code: 'emp_id,last,first,dob,test_date,audiometer_sn,hearing_aid_sn\n0064021,Santangelo,Roy,1975-02-19,2024-06-12,AS8603474,8522X2913\n', path: 'data/audiology/audiograms.csv', name: "a patient's hearing aid serial beside the clinic's audiometer serial (which is not reported)", findings: [{ line: 2, excerpt: '*****2913' }] },
    { code: 'devices:\n  - patient_mrn: "00628145"\n    device: Azure XT DR pacemaker\n    udi: "(01)00681804712988(17)270131(10)HBB4471"\n    serial: RNB408127S\n', path: 'fixtures/implants.yaml', name: "a serial number in the same record as a patient's MRN", findings: [{ line: 4 }, { line: 5, excerpt: '******127S', confidence: 'high' }] },
    { code: 'Patient implant UDI (01)00844588003288(17)141120(10)7654321D(21)10987654d321', path: DATA, findings: [{ confidence: 'high' }] },
    { code: 'Pacemaker serial number: PJN4471209 (patient)', path: DATA, findings: [{ excerpt: '******1209' }] },
    { code: 'Teen patient (MRN 26190104) cannot pair insulin pump serial ' + j('NG684', '3924H') + ' with the app', path: 'issues/export.json', findings: [{ excerpt: '******924H' }] },
    { code: 'Insulin pump: none. Home O2 for the patient: CADD-Solis SN ' + j('CS26', '75585'), path: 'inbound/referral.eml', findings: [{ excerpt: '*****5585' }] },
    { code: '2024-03-04 02:18:00 INFO RpmConsumer - reading device=' + j('RLX47', '1923K') + ' patient_ref=CSK-0129 spo2=93', path: 'logs/kafka/rpm.log', findings: [{ excerpt: '******923K' }] },
    { code: '{"patient": {"mrn": "00628145"}, "pump": "infusion", "serial": "PJN4471209", "printer": "none"}\n', path: 'fixtures/pumps.json', name: "equipment named beside a patient's own device", findings: [{ excerpt: '******1209' }] },
  ],
}, loadNames);
