import { runRuleTests } from '../../../testing/rule-tester.js';
import { scanner } from '../index.js';
import { loadNames } from '../names.js';
import { DATA, j } from '../testing.js';

runRuleTests(scanner, 'phi/device-id', {
  valid: [
    { code: 'build serial: 20240105 (patient app)', path: DATA, name: 'a generic serial label is at most medium', options: { min_confidence: 'high' } },
    { code: 'disk_serial: WD1234567 patient', path: DATA, name: 'hardware of a server' },
    { code: 'Result for MRN 00628145 released\n{"schema": "qc-result/1", "instrument": "ATELLICA-CH-01", "serial": "XN351005", "level": "L1"}\n', path: 'ops/kafka/capture.txt', name: "a lab analyser's serial, below a patient's result" },
  ],
  invalid: [
    { code: 'devices:\n  - patient_mrn: "00628145"\n    device: Azure XT DR pacemaker\n    udi: "(01)00681804712988(17)270131(10)HBB4471"\n    serial: RNB408127S\n', path: 'fixtures/implants.yaml', name: "a serial number in the same record as a patient's MRN", findings: [{ line: 4 }, { line: 5, excerpt: '******127S', confidence: 'high' }] },
    { code: 'Patient implant UDI (01)00844588003288(17)141120(10)7654321D(21)10987654d321', path: DATA, findings: [{ confidence: 'high' }] },
    { code: 'Pacemaker serial number: PJN4471209 (patient)', path: DATA, findings: [{ excerpt: '******1209' }] },
    { code: '{"patient": {"mrn": "00628145"}, "pump": "infusion", "serial": "PJN4471209", "printer": "none"}\n', path: 'fixtures/pumps.json', name: "equipment named beside a patient's own device", findings: [{ excerpt: '******1209' }] },
  ],
}, loadNames);
