import { describe, expect, it } from 'vitest';
import { caseForms, clinicalSignal, worthScanning } from './signal.js';

describe('clinical signal', () => {
  it.each([
    ['id,age,zip,admit_date,discharge_date', 'data/ages.csv'],
    ['PATIENT_DOB,GIVEN', 'exports/rows.csv'],
    ['const row = { patientName: x, dateOfBirth: y };', 'src/rows.ts'],
    ['build_claim(patient_name=name, ssn=ssn)', 'src/billing.py'],
    ['Patients are seen by appointment', 'README.md'],
    ['{"ts":"2024-07-14T18:01:17Z","member":"CCH283602042","url":"/p/s/4zp6dqv86w"}', 'logs/portal.jsonl'],
    ["OSHA's Form 300,Log of Work-Related Injuries and Illnesses\n(A) Case no.,(B) Employee's name", 'data/osha/osha300_2023.csv'],
    ['enrollments:\n  - voiceprint_id: vxg-vp-600f2ca29263\n    holder: Rhonda Fairbanks\n', 'integrations/ivr/voiceprint_enrollments.yaml'],
  ])('finds a clinical word in %j', (text, path) => {
    expect(worthScanning(text)).toBe(true);
    expect(clinicalSignal(text, path)).toBe(true);
  });

  it.each([
    ['const outpatients = dobby(chartjs);', 'src/x.ts', 'words inside other words'],
    ['const phi = Math.acos(z); // the polar angle', 'src/sphere.js', 'an angle named phi in code'],
    ['renderChart(treatment)', 'src/ui.ts', 'everyday words are not enough in code'],
    ['{"name": "@babel/helper-member-expression-to-functions", "keywords": ["member"]}', 'package.json', 'member as a word, not a key holding a value'],
    ['Team members meet on Mondays', 'docs/team.md', 'members of a team'],
    ['export function enrollBiometric(user: User) { return webauthn.register(user); }', 'src/auth.ts', 'biometric login in code'],
  ])('no signal in %j (%s)', (text, path) => {
    expect(clinicalSignal(text, path)).toBe(false);
  });

  it('lets only identifier shapes through the gate without a clinical word', () => {
    expect(worthScanning('ref 512448817 and nothing else')).toBe(true);
    expect(worthScanning('const total = items.reduce((a, b) => a + b, 0);')).toBe(false);
  });

  it('spells each word three ways and keeps the token boundary', () => {
    const re = new RegExp(caseForms(['patients?', 'dob']));
    for (const s of ['patient', 'Patients', 'PATIENT_ID', 'patient_id', 'patientName', 'x.dob', 'DOB:']) expect(re.test(s), s).toBe(true);
    for (const s of ['outpatient', 'dobby', 'Patientx', 'adob']) expect(re.test(s), s).toBe(false);
  });
});
