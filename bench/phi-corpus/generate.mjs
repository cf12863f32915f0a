/**
 * Seeded generator of a fake healthcare application tree with planted PHI and hard negatives,
 * labelled per line: every file comes with the set of identifier kinds each line holds. Used by
 * `npm run eval:phi` and by test/phi/eval.test.ts. Names come from @faker-js/faker (several
 * locales) plus invented names that are in no list, so recall is not measured on the detector's
 * own name data only.
 */
import { Faker, en, es_MX, vi, yo_NG, en_IN, pl, base } from '@faker-js/faker';

export function generateCorpus({ seed = 1, patients = 40 } = {}) {
  let s = seed >>> 0;
  const rnd = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (a, b) => a + Math.floor(rnd() * (b - a + 1));
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const pad = (n, w) => String(n).padStart(w, '0');
  const fakers = [en, es_MX, vi, yo_NG, en_IN, pl].map((l) => new Faker({ locale: [l, en, base], seed: seed * 7 + 1 }));
  const fold = (x) => x.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  const SYL = ['ka', 'lo', 'mer', 'vin', 'tra', 'sel', 'dor', 'qui', 'zan', 'bel', 'ros', 'tey', 'mau', 'ni', 'pha', 'gor'];
  const invented = () => { const w = pick(SYL) + pick(SYL) + (rnd() < 0.5 ? pick(SYL) : ''); return w[0].toUpperCase() + w.slice(1); };
  const person = () => {
    const f = pick(fakers);
    // One in five names is invented: in no name list anywhere.
    const first = rnd() < 0.2 ? invented() : fold(f.person.firstName()).split(' ')[0];
    const last = rnd() < 0.2 ? invented() : fold(f.person.lastName()).split(' ')[0];
    return { first, last };
  };
  const ssn = () => `${pad(pick([int(1, 665), int(667, 899)]), 3)}-${pad(int(1, 99), 2)}-${pad(int(1, 9999), 4)}`;
  // A person's own number: not the fiction range 555-01xx, not a toll-free area code (800, 833 ... 888).
  const phone = () => { let p; do p = `${int(2, 9)}${int(0, 9)}${int(0, 9)}-${int(2, 9)}${int(0, 9)}${int(0, 9)}-${pad(int(0, 9999), 4)}`; while (/-555-01/.test(p) || /^8(?:00|33|44|55|66|77|88)-/.test(p)); return p; };
  const phoneFmt = (p) => pick([p, `(${p.slice(0, 3)}) ${p.slice(4)}`, p.replace(/-/g, '.')]);
  const dob = () => ({ y: int(1925, 2008), m: int(1, 12), d: int(1, 28) });
  const iso = (d) => `${d.y}-${pad(d.m, 2)}-${pad(d.d, 2)}`;
  const us = (d) => `${pad(d.m, 2)}/${pad(d.d, 2)}/${d.y}`;
  const hl7d = (d) => `${d.y}${pad(d.m, 2)}${pad(d.d, 2)}`;
  const email = (p) => `${p.first.toLowerCase()}.${p.last.toLowerCase()}${int(1, 99)}@${pick(['gmail.com', 'yahoo.com', 'outlook.com', 'mail.com', 'icloud.com'])}`;
  const STREETS = ['Oak', 'Maple', 'Cedar', 'Lakeview', 'Hillcrest', 'Washington', 'Park', 'Sunset', 'River', 'Elm', 'Pine', 'Franklin'];
  const street = () => `${int(10, 9899)} ${pick(STREETS)} ${pick(['Street', 'St', 'Avenue', 'Ave', 'Road', 'Drive', 'Lane', 'Court', 'Blvd'])}`;
  const CITIES = [['Springfield', 'IL'], ['Riverside', 'CA'], ['Franklin', 'TN'], ['Madison', 'WI'], ['Georgetown', 'TX'], ['Salem', 'OR']];
  const zip = () => pad(int(10000, 99950), 5);
  const mrn = () => pick([`MRN-${pad(int(1, 9999999), 7)}`, `${int(1000000, 9999999)}`, `A${int(100000, 999999)}`]);
  const MBI_L = 'ACDEFGHJKMNPQRTUVWXY';
  const mbi = () => `${int(1, 9)}${pick(MBI_L)}${pick(MBI_L + '0123456789')}${int(0, 9)}-${pick(MBI_L)}${pick(MBI_L + '0123456789')}${int(0, 9)}-${pick(MBI_L)}${pick(MBI_L)}${int(0, 9)}${int(0, 9)}`;
  const luhnDigit = (body) => { let sum = 0; let dbl = true; for (let i = body.length - 1; i >= 0; i--) { let d = +body[i]; if (dbl) { d *= 2; if (d > 9) d -= 9; } sum += d; dbl = !dbl; } return (10 - (sum % 10)) % 10; };
  const npi = () => { const b = `1${pad(int(0, 99999999), 8)}`; return b + luhnDigit(`80840${b}`); };
  const acct = () => `${int(10000000, 99999999)}`;
  const ip = () => `${pick([73, 98, 24, 172, 66, 107])}.${int(1, 254)}.${int(1, 254)}.${int(1, 254)}`.replace(/^172\.(1[6-9]|2\d|3[01])\./, '173.$1.');

  const files = [];
  const file = (path) => { const f = { path, lines: [] }; files.push(f); return f; };
  const L = (f, text, ...kinds) => f.lines.push({ text, kinds });
  const people = Array.from({ length: patients }, () => ({ ...person(), dob: dob(), ssn: ssn(), phone: phone(), zip: zip(), street: street(), city: pick(CITIES), mrn: mrn(), mbi: mbi() }));

  // 1. JSON fixtures (pretty, one field per line).
  const js = file('test/fixtures/patients.json');
  L(js, '[');
  people.slice(0, 10).forEach((p, i) => {
    L(js, '  {');
    L(js, `    "id": "${pad(i + 1, 4)}",`);
    L(js, `    "mrn": "${p.mrn}",`, 'medical-record-number');
    L(js, `    "firstName": "${p.first}",`, 'person-name');
    L(js, `    "lastName": "${p.last}",`, 'person-name');
    L(js, `    "dateOfBirth": "${iso(p.dob)}",`, 'date-of-birth');
    L(js, `    "ssn": "${p.ssn}",`, 'us-ssn');
    L(js, `    "phone": "${phoneFmt(p.phone)}",`, 'phone-number');
    L(js, `    "email": "${email(p)}",`, 'email-address');
    L(js, `    "address": { "line1": "${p.street}", "city": "${p.city[0]}", "state": "${p.city[1]}", "zip": "${p.zip}" },`, 'street-address', 'zip-code');
    L(js, `    "createdAt": "2025-0${int(1, 9)}-1${int(0, 9)}T0${int(0, 9)}:00:00Z",`);
    L(js, `    "status": "${pick(['active', 'inactive'])}", "visits": ${int(0, 40)}`);
    L(js, `  }${i < 9 ? ',' : ''}`);
  });
  L(js, ']');

  // 2. CSV export.
  const csv = file('exports/patient_export.csv');
  L(csv, 'patient_id,first_name,last_name,dob,ssn,phone,zip,member_id,balance');
  for (const p of people.slice(10, 25)) L(csv, `${int(1, 99999)},${p.first},${p.last},${us(p.dob)},${p.ssn},${p.phone},${p.zip},${p.mbi},${int(0, 900)}.${pad(int(0, 99), 2)}`, 'medical-record-number', 'person-name', 'date-of-birth', 'us-ssn', 'phone-number', 'zip-code', 'health-plan-id');

  // 3. SQL seed.
  const sql = file('db/seeds/002_patients.sql');
  L(sql, '-- demo seed for the scheduling service');
  L(sql, 'INSERT INTO appointments (id, slot, room) VALUES (1, 9, 12), (2, 10, 14);');
  for (const p of people.slice(25, 32)) L(sql, `INSERT INTO patients (first_name, last_name, birth_date, email, npi_pcp) VALUES ('${p.first}', '${p.last}', '${iso(p.dob)}', '${email(p)}', '${npi()}');`, 'person-name', 'date-of-birth', 'email-address', 'npi');

  // 4. HL7 v2.
  const h = file('integrations/hl7/samples/adt_a01.hl7');
  for (const p of people.slice(32, 36)) {
    L(h, `MSH|^~\\&|EPIC|MAINHOSP|LAB|MAINHOSP|2025010${int(1, 9)}1200||ADT^A01|MSG${int(10000, 99999)}|P|2.5`);
    L(h, `PID|1||${p.mrn.replace(/\D/g, '')}^^^MAINHOSP^MR||${p.last.toUpperCase()}^${p.first.toUpperCase()}||${hl7d(p.dob)}|${pick(['M', 'F'])}|||${p.street}^^${p.city[0]}^${p.city[1]}^${p.zip}||${p.phone}|||||ACCT${acct()}|${p.ssn}`, 'medical-record-number', 'person-name', 'date-of-birth', 'street-address', 'zip-code', 'phone-number', 'account-number', 'us-ssn');
    const pv1 = Array(46).fill('');
    pv1[0] = 'PV1'; pv1[1] = '1'; pv1[2] = 'I'; pv1[3] = '4W^401^1'; pv1[19] = `V${int(100000, 999999)}`; pv1[44] = `202501${pad(int(1, 28), 2)}0930`;
    L(h, pv1.join('|'), 'other-id', 'patient-date');
  }

  // 5. Application log: mostly noise, some PHI, hard negatives.
  const log = file('logs/api-2025-01-07.log');
  for (let i = 0; i < 120; i++) {
    const ts = `2025-01-07T${pad(int(0, 23), 2)}:${pad(int(0, 59), 2)}:${pad(int(0, 59), 2)}.${pad(int(0, 999), 3)}Z`;
    const r = rnd();
    if (r < 0.55) L(log, `${ts} INFO  GET /api/v1/slots?clinic=${int(1, 40)} 200 ${int(3, 900)}ms req=${Math.floor(rnd() * 1e12).toString(16)}`);
    else if (r < 0.7) L(log, `${ts} DEBUG cache miss key=slot:${int(1, 99999)} ttl=${int(30, 600)} host=10.0.${int(0, 9)}.${int(1, 254)}`);
    else if (r < 0.78) L(log, `${ts} WARN  retry job=${int(1, 99999)} attempt=${int(1, 5)} order=${int(100000, 999999)} version=1.${int(0, 9)}.${int(0, 20)}`);
    else {
      const p = pick(people);
      const k = int(0, 3);
      if (k === 0) L(log, `${ts} INFO  patient lookup name="${p.first} ${p.last}" dob=${iso(p.dob)} result=found`, 'person-name', 'date-of-birth');
      else if (k === 1) L(log, `${ts} ERROR sms failed to=${phoneFmt(p.phone)} patient_mrn=${p.mrn}`, 'phone-number', 'medical-record-number');
      else if (k === 2) L(log, `${ts} INFO  portal login email=${email(p)} client_ip=${ip()} patient=${p.mrn}`, 'email-address', 'ip-address', 'medical-record-number');
      else L(log, `${ts} WARN  eligibility check member_id=${p.mbi} ssn=${p.ssn}`, 'health-plan-id', 'us-ssn');
    }
  }

  // 6. Source code: identifiers and types are not PHI; test data in literals is.
  const ts = file('src/services/patient-service.ts');
  [
    "import type { Patient } from '../models/patient';",
    '',
    'export interface PatientRecord {',
    '  patientName: string;',
    '  dob: Date;',
    '  ssn?: string;',
    '  mrn: string;',
    '}',
    '',
    'export function formatPatientName(p: PatientRecord): string {',
    '  // Names are "Last, First" in the EHR export.',
    '  return p.patientName.trim();',
    '}',
    '',
    "const PLACEHOLDER = { name: 'John Doe', ssn: '123-45-6789', phone: '(555) 010-0199', email: 'jane.doe@example.com' };",
    'export const MAX_AGE = 120;',
    "const ORDER_ID = 'ORD-2024-000981';",
    "logger.info('patient created', { id: record.id });",
  ].forEach((t) => L(ts, t));
  const spec = file('src/services/patient-service.test.ts');
  L(spec, "import { describe, it, expect } from 'vitest';");
  for (const p of people.slice(36, 40)) {
    L(spec, `  const patient = { patientName: '${p.first} ${p.last}', mrn: '${p.mrn}' };`, 'person-name', 'medical-record-number');
    L(spec, `  expect(validate({ dob: '${iso(p.dob)}', phone: '${p.phone}' })).toBe(true);`, 'date-of-birth', 'phone-number');
  }
  L(spec, "  it('rejects an invalid date of birth', () => expect(parseDob('13/45/2020')).toBeNull());");

  // 7. Support ticket pasted into docs (prose).
  const md = file('docs/support/ticket-4411.md');
  const p0 = people[0];
  L(md, '# Ticket 4411: duplicate appointment reminders');
  L(md, '');
  L(md, `Reported by the front desk. Patient ${p0.first} ${p0.last} (DOB ${us(p0.dob)}) received three reminders.`, 'person-name', 'date-of-birth');
  L(md, `Callback number: ${phoneFmt(p0.phone)}, MRN ${p0.mrn}.`, 'phone-number', 'medical-record-number');
  L(md, `The patient is a ${int(90, 101)}-year-old and lives at ${p0.street}.`, 'age-over-89', 'street-address');
  L(md, 'Steps to reproduce: book a slot, cancel it, book again within 5 minutes.');
  L(md, 'Assigned to Dr. Priya Raman (attending) for review; see build 2025.01.07 and version 3.12.0.');

  // 8. README and package metadata (negatives).
  const rd = file('README.md');
  ['# Clinic Scheduler', '', 'Maintainer: Dana Whitfield <dana.whitfield@acme-health.io>', 'Listens on 0.0.0.0:8080; see https://docs.example.com/scheduler.', 'Released 2024-11-02 under the Apache-2.0 license.', 'Example patient: John Doe, SSN 123-45-6789, phone (555) 010-0100.'].forEach((t) => L(rd, t));
  const pkg = file('package.json');
  ['{', '  "name": "clinic-scheduler",', '  "version": "3.12.0",', '  "author": { "name": "Dana Whitfield", "email": "dana.whitfield@acme-health.io" },', '  "license": "Apache-2.0"', '}'].forEach((t) => L(pkg, t));

  // 9. YAML seed with nested patients.
  const y = file('config/seed/patients.yml');
  L(y, 'patients:');
  for (const p of people.slice(1, 5)) {
    L(y, `  - name: ${p.first} ${p.last}`, 'person-name');
    L(y, `    birth_date: "${iso(p.dob)}"`, 'date-of-birth');
    L(y, `    insurance:`);
    L(y, `      member_id: ${p.mbi}`, 'health-plan-id');
    L(y, `    admitted: ${iso({ y: 2024, m: int(1, 12), d: int(1, 28) })}`, 'patient-date');
  }

  return files.map((f) => ({ path: f.path, text: f.lines.map((l) => l.text).join('\n') + '\n', labels: f.lines.map((l) => l.kinds) }));
}
