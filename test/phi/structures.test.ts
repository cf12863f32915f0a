/** Structure-aware reading and bad input: every malformed file is reported, scanned as text where safe, and never crashes. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Artifact, Finding, Skipped } from '../../src/core/types.js';
import { scanner, staffFile } from '../../src/scanners/phi/index.js';
import { loadNames } from '../../src/scanners/phi/names.js';
import { patientPhoto } from '../fixtures/phi/dicom.js';

const j = (...p: string[]) => p.join('');
const SSN = j('219-0', '9-9998');

function run(path: string, text: string, bytes?: Uint8Array): { findings: Finding[]; problems: Skipped[] } {
  const problems: Skipped[] = [];
  const artifact: Artifact = { path, text, origin: { kind: 'worktree' }, size: bytes?.length ?? Buffer.byteLength(text), ...(bytes ? { bytes } : {}) };
  const findings = scanner.scan(artifact, { root: '/r', options: {}, now: '2026-01-01T00:00:00.000Z', problem: (p) => problems.push(p) });
  return { findings, problems };
}
const rules = (fs: Finding[]) => [...new Set(fs.map((f) => f.ruleId))].sort();

beforeAll(() => loadNames());

describe('structured formats', () => {
  it('FHIR JSON: identifier kinds come from their system, Practitioner names are not patients', () => {
    const doc = JSON.stringify({
      resourceType: 'Bundle',
      entry: [
        { resource: { resourceType: 'Patient', identifier: [{ system: 'http://hl7.org/fhir/sid/us-ssn', value: SSN.replace(/-/g, '') }], name: [{ family: 'Okafor', given: ['Chinedu'] }], birthDate: '1958-11-02', telecom: [{ system: 'email', value: 'c.okafor@mail.com' }] } },
        { resource: { resourceType: 'Practitioner', name: [{ family: 'Raman', given: ['Priya'] }], telecom: [{ system: 'phone', value: '312-555-2671' }] } },
      ],
    }, null, 2);
    const { findings, problems } = run('fhir/bundle.json', doc);
    expect(problems).toEqual([]);
    expect(rules(findings)).toEqual(['phi/date-of-birth', 'phi/email-address', 'phi/person-name', 'phi/us-ssn']);
    expect(findings.filter((f) => f.ruleId === 'phi/person-name').map((f) => f.excerpt).sort()).toEqual(['C******', 'O*****']);
  });

  it('MongoDB Extended JSON: the key above $date / $numberLong labels the value; epoch milliseconds are dates', () => {
    const doc = JSON.stringify({ _id: { $oid: '65f1c0a4e1b2c3d4e5f60718' }, mrn: 'MV4401922', dob: { $date: '1985-05-30T00:00:00.000Z' }, deathDate: { $date: { $numberLong: '-362016000000' } }, updatedAt: { $date: '2024-01-22T18:04:00.000Z' }, visits: { $numberInt: '3' } }, null, 2);
    const { findings, problems } = run('data/exports/patients.mongo.json', doc);
    expect(problems).toEqual([]);
    const byRule = (r: string) => findings.filter((f) => f.ruleId === r).map((f) => f.excerpt);
    expect(byRule('phi/date-of-birth')).toEqual(['1985-**-*****:**:**.****']);
    // -362016000000 ms is 1958-07-13: judged as that date, reported where the number is written.
    const death = findings.find((f) => f.ruleId === 'phi/patient-date');
    expect(death?.location.startLine).toBe(doc.split('\n').findIndex((l) => l.includes('-362016000000')) + 1);
    // A record's own timestamps and counters are not PHI.
    expect(findings.some((f) => f.location.startLine === doc.split('\n').findIndex((l) => l.includes('2024-01-22')) + 1)).toBe(false);
  });

  it('JSON escaped inside a JSON string (Postman body, HAR post data) is read as JSON, at the lines it sits on', () => {
    const body = JSON.stringify({ firstName: 'Zoë', lastName: 'Okonkwo', dob: '1958-07-14', mrn: 'MV4829137' }, null, 2);
    const collection = JSON.stringify({ info: { name: 'Pharmacy API' }, item: [{ name: 'create patient', request: { method: 'POST', body: { mode: 'raw', raw: body } } }], variable: [{ key: 'tmpl', value: '{{baseUrl}}/patients/{"id"}' }] }, null, 2);
    const { findings, problems } = run('api/postman/pharmacy.postman_collection.json', collection);
    expect(problems).toEqual([]);
    expect(rules(findings)).toEqual(['phi/date-of-birth', 'phi/medical-record-number', 'phi/person-name']);
    const line = collection.split('\n').findIndex((l) => l.includes('"raw":')) + 1;
    for (const f of findings) expect(f.location.startLine).toBe(line);
    expect(findings.filter((f) => f.ruleId === 'phi/person-name').map((f) => f.excerpt).sort()).toEqual(['O******', 'Z**']);
    // A HAR file is JSON too.
    const har = JSON.stringify({ log: { entries: [{ request: { postData: { mimeType: 'application/json', text: JSON.stringify({ mrn: 'MV4829137', lastName: 'Nguyen' }) } } }] } });
    expect(rules(run('api/har/portal.har', har).findings)).toEqual(['phi/medical-record-number', 'phi/person-name']);
    // A string that opens with a brace but is not JSON is left to the text pass, without a problem.
    expect(run('api/postman/t.postman_collection.json', JSON.stringify({ raw: '{ "a": {{value}} }' })).problems).toEqual([]);
  });

  it('name/value pair objects: the name labels the value (Postman query, Kubernetes env list)', () => {
    const doc = JSON.stringify({ info: { name: 'patient search' }, query: [{ key: 'lastName', value: 'Haddad' }, { key: 'dob', value: '1976-02-14' }, { key: 'limit', value: '50' }], env: [{ name: 'TIMEOUT_MS', value: '19760214' }] }, null, 2);
    const { findings } = run('api/postman/search.postman_collection.json', doc);
    const lines = doc.split('\n');
    const at = (v: string) => lines.findIndex((l) => l.includes(`"${v}"`)) + 1;
    const on = (line: number) => findings.filter((f) => f.location.startLine === line).map((f) => f.ruleId);
    expect(on(at('Haddad'))).toEqual(['phi/person-name']);
    expect(on(at('1976-02-14'))).toEqual(['phi/date-of-birth']);
    expect(on(at('50'))).toEqual([]);
    expect(on(at('19760214'))).toEqual([]);
  });

  it('HTML tables: header cells label the cells below them; a table without a header row is left to the text pass', () => {
    const page = [
      '<html><body><p>Known problem records (March)</p>',
      '<table class="confluenceTable"><tbody>',
      '<tr><th>Patient</th><th>MRN</th><th>DOB</th><th>Sync date</th><th>Problem</th></tr>',
      '<tr><td>Chukwuemeka Nwosu</td><td>MV6120455</td><td>04/27/1966</td><td>2024-03-19</td><td>Two statins &amp; a duplicate</td></tr>',
      '<tr><td><code>Ma. Cristina dela Cruz</code></td><td>MV4417205</td><td>12/03/1972</td><td>2024-03-15</td><td>none</td></tr>',
      '</tbody></table>',
      '<table><tr><th>Release</th><th>Date</th></tr><tr><td>v2.4.1</td><td>2024-03-19</td></tr></table>',
      '</body></html>',
    ].join('\n');
    const { findings, problems } = run('docs/confluence/runbook.html', page);
    expect(problems).toEqual([]);
    const on = (line: number) => [...new Set(findings.filter((f) => f.location.startLine === line).map((f) => f.ruleId))].sort();
    expect(on(4)).toEqual(['phi/date-of-birth', 'phi/medical-record-number', 'phi/person-name']);
    expect(on(5)).toEqual(['phi/date-of-birth', 'phi/medical-record-number', 'phi/person-name']);
    expect(on(7)).toEqual([]);
  });

  it('NEMSIS 3 EMS reports: numbered ePatient/eTimes elements are read by the data dictionary; the crew is staff', () => {
    const pcr = [
      '<EMSDataSet xmlns="http://www.nemsis.org"><PatientCareReport>',
      '<eRecord><eRecord.01>PCR-23-519728</eRecord.01></eRecord>',
      '<eCrew><eCrew.CrewGroup><eCrew.01>P-235405</eCrew.01></eCrew.CrewGroup></eCrew>',
      '<eTimes><eTimes.03>2023-08-03T06:04:52-07:00</eTimes.03></eTimes>',
      '<ePatient><ePatient.PatientNameGroup><ePatient.02>Kealoha</ePatient.02><ePatient.03>Kalani</ePatient.03></ePatient.PatientNameGroup>',
      `<ePatient.12>${SSN.replace(/-/g, '')}</ePatient.12><ePatient.13>9906003</ePatient.13><ePatient.17>1932-01-25</ePatient.17></ePatient>`,
      '</PatientCareReport></EMSDataSet>',
    ].join('\n');
    const { findings, problems } = run('ems/nemsis/export.xml', pcr);
    expect(problems).toEqual([]);
    const on = (line: number) => [...new Set(findings.filter((f) => f.location.startLine === line).map((f) => f.ruleId))].sort();
    expect(on(2)).toEqual(['phi/other-id']);
    expect(on(3)).toEqual([]);
    expect(on(4)).toEqual(['phi/patient-date']);
    expect(on(5)).toEqual(['phi/person-name']);
    // The coded gender (ePatient.13) is not an identifier; SSN and birth date are.
    expect(on(6)).toEqual(['phi/date-of-birth', 'phi/us-ssn']);
  });

  it('EMS tables: a PCR number column makes a printed DataFrame a patient table (arrest dates, names)', () => {
    const nb = JSON.stringify({ cells: [{ cell_type: 'code', source: ['df.head(2)'], outputs: [{ output_type: 'execute_result', data: { 'text/plain': [
      '          pcr_id           last      first  age   arrest_dt rosc\n',
      '0  PCR-23-577100  Qasim  Youssef  79  2023-02-10  Y\n',
      '1  PCR-23-519728  Kealoha  Kalani  91  2023-08-03  Y',
    ] } }] }] }, null, 1);
    const { findings } = run('notebooks/eda.ipynb', nb);
    const rowLine = nb.split('\n').findIndex((l) => l.includes('Qasim')) + 1;
    expect([...new Set(findings.filter((f) => f.location.startLine === rowLine).map((f) => f.ruleId))].sort()).toEqual(['phi/other-id', 'phi/patient-date', 'phi/person-name']);
    // The same columns without a PCR (or other clinical) column are not read as patients.
    const plain = nb.replace('pcr_id', 'run_tag').replace(/PCR-23-/g, 'RUN-23-').replace('arrest_dt', 'start_dt');
    expect(run('notebooks/eda.ipynb', plain).findings.filter((f) => f.ruleId === 'phi/patient-date')).toEqual([]);
  });

  it('DICOM headers printed as text (dcmdump): patient tags by tag; institution and staff are not the patient', () => {
    const dump = [
      '# dcmdump -- IM000041.dcm',
      '(0008,0020) DA [20230304]                              #   8, 1 StudyDate',
      '(0008,0081) ST [4000 NE Meridian Park Dr Portland OR 97220] #  42, 1 InstitutionAddress',
      '(0008,0090) PN [OYELARAN^SAMUEL]                       #  15, 1 ReferringPhysicianName',
      '(0010,0010) PN [DIALLO^CHUKWUEMEKA^W]                  #  20, 1 PatientName',
      '(0010,0030) DA [19301221]                              #   8, 1 PatientBirthDate',
      '(0010,0040) CS [M]                                     #   2, 1 PatientSex',
    ].join('\n');
    const { findings, problems } = run('imaging/qa/dcmdump_CT_HEAD.txt', dump);
    expect(problems).toEqual([]);
    const on = (line: number) => findings.filter((f) => f.location.startLine === line).map((f) => f.ruleId);
    expect(on(2)).toEqual(['phi/patient-date']);
    expect(on(3)).toEqual([]);
    expect(on(4)).toEqual([]);
    expect(on(5)).toEqual(['phi/person-name']);
    expect(on(6)).toEqual(['phi/date-of-birth']);
    expect(on(7)).toEqual([]);
    // A tag quoted in prose is not a dump.
    expect(run('docs/notes.txt', 'Check (0010,0010) PN [value] before export.').findings).toEqual([]);
  });

  it('staff containers (providers:, careTeam, pharmacy) hold staff and places in JSON and YAML; their NPIs are still reported', () => {
    const npi = j('19225', '50458');
    const yaml = `organization:\n  phone: "(303) 724-8800"\nproviders:\n  - name: "Okafor, Adaeze"\n    npi: "${npi}"\n    email: adaeze.okafor@cedarridge-ci.org\n    phone: "(303) 724-8859"\npatients:\n  - name: "Larsen, Ingrid"\n    mrn: "00628145"\n    phone: "(303) 555-3184"\n`;
    const { findings } = run('config/credentialing/roster.yaml', yaml);
    const lines = findings.map((f) => `${f.location.startLine}:${f.ruleId}`);
    expect(lines).toEqual(expect.arrayContaining(['5:phi/npi', '9:phi/person-name', '10:phi/medical-record-number', '11:phi/phone-number']));
    expect(lines.filter((l) => /^[2467]:/.test(l))).toEqual([]);
    const json = JSON.stringify({ patient: { name: 'Ingrid Larsen', mrn: '00628145', careTeam: [{ name: 'Adaeze Okafor', phone: '(303) 724-8859' }], pharmacy: { phone: '(303) 724-8800' } } }, null, 1);
    const jf = run('fixtures/chart.json', json).findings.map((f) => f.ruleId);
    expect(jf.filter((r) => r === 'phi/person-name')).toHaveLength(1);
    expect(jf).not.toContain('phi/phone-number');
  });

  it('NAACCR XML: <Item naaccrId=...> is read by the data dictionary; an attribute that names a value (name=, key=) labels it', () => {
    const xml = [
      '<NaaccrData xmlns="http://naaccr.org/naaccrxml">',
      '  <Item naaccrId="registryId">0800001412</Item>',
      '  <Patient>',
      '    <Item naaccrId="medicalRecordNumber">49831369</Item>',
      '    <Item naaccrId="nameLast">FARAHANI</Item>',
      '    <Item naaccrId="nameFirst">REZA</Item>',
      '    <Item naaccrId="dateOfBirth">19750423</Item>',
      '    <Item naaccrId="addrCurrentNoStreet">864 BASELINE RD</Item>',
      '    <Tumor><Item naaccrId="primarySite">C445</Item><Item naaccrId="rxDateSurgery">20240304</Item></Tumor>',
      // Item names that say nothing to a generic reader: the dictionary knows them.
      '    <Item naaccrId="followUpContactName">FARAHANI, HAMID</Item>',
      '    <Tumor><Item naaccrId="accessionNumberHosp">202412453</Item></Tumor>',
      '  </Patient>',
      '</NaaccrData>',
    ].join('\n');
    const { findings } = run('lab/registry/abstracts.xml', xml);
    expect(findings.map((f) => `${f.location.startLine}:${f.ruleId}`).sort()).toEqual([
      '10:phi/person-name', '11:phi/other-id', '4:phi/medical-record-number', '5:phi/person-name', '6:phi/person-name', '7:phi/date-of-birth', '8:phi/street-address', '9:phi/patient-date',
    ]);
    const fields = '<record><field name="patient_name">Ingrid Larsen</field><field name="dob">1962-07-19</field><field name="site">C50.9</field></record>';
    expect(rules(run('exports/records.xml', fields).findings)).toEqual(['phi/date-of-birth', 'phi/person-name']);
  });

  it('CDA: an effectiveTime in the encounter or a section of the body dates the patient\'s care; the document\'s own does not', () => {
    const cda = [
      '<ClinicalDocument xmlns="urn:hl7-org:v3">',
      '  <effectiveTime value="20240312154401-0600"/>',
      '  <recordTarget><patientRole><id extension="00628145" root="2.16.840.1.113883.19.5"/><patient><name><given>Ingrid</given><family>Larsen</family></name></patient></patientRole></recordTarget>',
      '  <documentationOf><serviceEvent classCode="PCPR"><effectiveTime><low value="20240110"/></effectiveTime></serviceEvent></documentationOf>',
      '  <component><structuredBody><component><section><entry><encounter>',
      '    <effectiveTime><low value="20240121"/><high value="20240229"/></effectiveTime>',
      '  </encounter></entry></section></component></structuredBody></component>',
      '</ClinicalDocument>',
    ].join('\n');
    const dates = run('interfaces/cda/ccd.xml', cda).findings.filter((f) => f.ruleId === 'phi/patient-date');
    expect(dates.map((f) => `${f.location.startLine}:${f.excerpt}`)).toEqual(['4:2024****', '6:2024****', '6:2024****']);
  });

  it("FHIR: a Patient resource's server id and references to it identify the patient; other resources' ids do not", () => {
    const bundle = JSON.stringify({ resourceType: 'Bundle', entry: [
      { resource: { resourceType: 'Patient', id: 'pt-00231218', name: [{ family: 'Larsen', given: ['Ingrid'] }] } },
      { resource: { resourceType: 'Observation', id: 'obs-00771234', subject: { reference: 'Patient/pt-00231218' }, performer: [{ reference: 'Practitioner/pr-00991234' }] } },
    ] }, null, 1);
    const ids = run('interop/fhir/bundle.json', bundle).findings.filter((f) => f.ruleId === 'phi/other-id');
    const lines = bundle.split('\n');
    expect(ids.map((f) => lines[f.location.startLine - 1]!.trim())).toEqual(['"id": "pt-00231218",', '"reference": "Patient/pt-00231218"']);
    expect(ids.every((f) => f.excerpt === '**-****1218')).toBe(true);
  });

  it("HL7 v2: a provider field's ten-digit id (XCN-1) is reported as an NPI when its check digit holds; the provider's name is not", () => {
    const npi = j('26681', '01696');
    const msg = [
      'MSH|^~\\&|LIS|CRRL|EPIC|CRCI|20240314194052||ORU^R01|CRRL11458826|P|2.5.1',
      'PID|1||41101861^^^CRCI^MR||FARAHANI^SHIRIN^B||19510408|F',
      `PV1|1|O|INF^CHAIR19^^CRCI||||${npi}^BENAVIDES^LUCIA^^^^MD^^^NPI|1234567890^LIANG^GRACE^^^^DO`,
    ].join('\r');
    const { findings } = run('interfaces/hl7/oru.hl7', msg);
    const pv1 = findings.filter((f) => f.location.startLine === 1 && f.location.startColumn > msg.indexOf('PV1|'));
    expect(pv1.map((f) => `${f.ruleId} ${f.excerpt}`)).toEqual(['phi/npi ******1696']);
  });

  it('HL7 v2 messages inside an XML export (a Mirth channel) are read by position', () => {
    const channel = [
      '<channel version="4.4.2">',
      '  <name>ORU_Pathology_Outbound</name>',
      '  <inboundTemplate encoding="none">MSH|^~\\&amp;|LIS|CRRL|EPIC|CRCI|20240314||ORU^R01|CRRL1|P|2.5.1',
      'PID|1||43384202^^^CRCI^MR||FIFITA^MELE^K||19720302|F',
      '</inboundTemplate>',
      '</channel>',
    ].join('\n');
    expect(run('interfaces/mirth/channel.xml', channel).findings.filter((f) => f.location.startLine === 4).map((f) => f.ruleId).sort()).toEqual(['phi/date-of-birth', 'phi/medical-record-number', 'phi/person-name', 'phi/person-name']);
  });

  it('HL7 v2 immunizations (VXU): the dose time RXA-3/4 and the registry and protection effective dates PD1-13/17 are the patient\'s', () => {
    const vxu = [
      'MSH|^~\\&|EHR|BWCH|IIS|WA|20240312091500||VXU^V04^VXU_V04|BW0001|P|2.5.1',
      'PID|1||BW4471209^^^BWCH^MR||KEALOHA^LEILANI^^^^^L||20240211|F',
      'PD1|||||||||||02^Reminder/Recall - any method^HL70215|N|20240307|||A|20240211',
      'RXA|0|1|202403071522|202403071522|08^Hep B, adolescent or pediatric^CVX|0.5|mL^mL^UCUM',
    ].join('\n');
    const lines = vxu.split('\n');
    const dates = run('interfaces/hl7/vxu.hl7', vxu).findings.filter((f) => f.ruleId === 'phi/patient-date');
    const at = (f: Finding) => lines[f.location.startLine - 1]!.slice(f.location.startColumn - 1, f.location.endColumn! - 1);
    expect(dates.map((f) => `${f.location.startLine}:${at(f)}`)).toEqual(['3:20240307', '3:20240211', '4:202403071522', '4:202403071522']);
  });

  it('an object that says it is staff (a Django fixture\'s "model": "registry.provider", a __typename) holds staff values', () => {
    const npi = j('10230', '38585');
    const fixture = JSON.stringify([
      { model: 'registry.provider', pk: 1, fields: { display_name: 'Priya Raman, MD', npi, email: 'praman@bluewater-kids.org', phone: '(253) 403-7312' } },
      { model: 'registry.patient', pk: 7, fields: { full_name: 'Leilani Kealoha', mrn: 'BW4471209', phone: '(253) 555-3184' } },
    ], null, 1);
    const lines = fixture.split('\n');
    const got = run('registry/fixtures/dev_seed.json', fixture).findings.map((f) => `${f.ruleId} ${lines[f.location.startLine - 1]!.trim().split(':')[0]}`);
    expect(got.sort()).toEqual(['phi/medical-record-number "mrn"', 'phi/npi "npi"', 'phi/person-name "full_name"', 'phi/phone-number "phone"']);
  });

  it("HL7 v2 scheduling (SIU): the appointment's ids (SCH-1/2) and start times (SCH-11.4, AIS-4) are the patient's", () => {
    const siu = [
      'MSH|^~\\&|CADENCE|SPI|RIS|SPI|20240610073621||SIU^S12|SIU4112727|P|2.3',
      'SCH|APT4252976||||||XR SHOULDER MIN 2 VIEWS||30|MIN|^^30^202406081045',
      'PID|1||SPM0789230^^^SPI^MR||VAIPULU^MALIA^S||19820424|F',
      'AIS|1||73030^XR SHOULDER MIN 2 VIEWS|20240608134500',
    ].join('\n');
    const lines = siu.split('\n');
    const at = (f: Finding) => lines[f.location.startLine - 1]!.slice(f.location.startColumn - 1, f.location.endColumn! - 1);
    const got = run('hl7/siu.hl7', siu).findings.filter((f) => f.location.startLine !== 3).map((f) => `${f.ruleId} ${at(f)}`);
    expect(got).toEqual(['phi/other-id APT4252976', 'phi/patient-date 202406081045', 'phi/patient-date 20240608134500']);
  });

  it('HL7 v2: fields are judged by position (PID-5 name, PID-7 birth date, PID-19 SSN)', () => {
    const pid = Array<string>(20).fill('');
    Object.assign(pid, { 0: 'PID', 1: '1', 3: '7733921^^^HOSP^MR', 5: 'NGUYEN^THANH', 7: '19450712', 8: 'M', 19: SSN });
    const msg = ['MSH|^~\\&|EPIC|HOSP|||202401011200||ADT^A01|1|P|2.5', pid.join('|')].join('\r');
    const { findings } = run('inbound/adt.hl7', msg);
    const byWhere = Object.fromEntries(findings.map((f) => [f.message.replace(/^.*\((.*)\).*$/, '$1'), f.ruleId]));
    expect(byWhere).toMatchObject({ 'PID-3': 'phi/medical-record-number', 'PID-5': 'phi/person-name', 'PID-7': 'phi/date-of-birth', 'PID-19': 'phi/us-ssn' });
  });

  it('HL7 v2: order numbers and result times are the patient\'s; providers and the insurer are not', () => {
    const msg = [
      'MSH|^~\\&|LIS|HOSP|EHR|HOSP|202403120700||ORU^R01|9|P|2.5',
      'PID|1||00390218^^^HOSP^MR||NGUYEN^THI HOA||19540719|F',
      'PV1|1|I|4W^412^B||||1847263955^KRISHNAMURTHY^ANAND^^^DR^MD',
      'ORC|RE|ORD-LAB-55120^EPIC|24A0712345^LAB||CM||||20240312051500|||1204837565^PATEL^MAYA^^^DR',
      'OBR|1|ORD-LAB-55120^EPIC|24A0712345^LAB|2823-3^Potassium^LN|||20240312052000',
      'OBX|1|NM|2823-3^Potassium^LN||6.2|mmol/L|3.5-5.1|HH|||F|||20240312052000',
      'IN1|1|BC001^ANTHEM PPO|60054|ANTHEM BLUE CROSS|PO BOX 60007^^LOS ANGELES^CA^90060||(800)441-2270',
    ].join('\r');
    const { findings } = run('inbound/oru.hl7', msg);
    const at = (where: string) => findings.filter((f) => f.message.includes(`(${where})`)).map((f) => f.ruleId);
    expect(at('ORC-2')).toEqual(['phi/other-id']);
    expect(at('OBR-3')).toEqual(['phi/other-id']);
    expect(at('OBR-7')).toEqual(['phi/patient-date']);
    expect(at('OBX-14')).toEqual(['phi/patient-date']);
    expect(at('ORC-9')).toEqual(['phi/patient-date']);
    // The attending and ordering doctors' names, the insurer's address and phone: nothing.
    const people = findings.filter((f) => f.ruleId === 'phi/person-name' || f.ruleId === 'phi/phone-number' || f.ruleId === 'phi/street-address');
    expect(people.map((f) => f.excerpt).sort()).toEqual(['N*****', 'T** H**']);
  });

  it('CDA: authors, performers and custodians are not the patient; the recordTarget is', () => {
    const doc = `<ClinicalDocument xmlns="urn:hl7-org:v3">
  <recordTarget><patientRole><id extension="00482913" root="2.16.840.1.113883.19.5"/>
    <patient><name><given>Maria</given><family>Gonzalez</family></name><birthTime value="19610304"/></patient>
  </patientRole></recordTarget>
  <author><assignedAuthor><id extension="1983205760" root="2.16.840.1.113883.4.6"/>
    <addr><streetAddressLine>1200 Westlake Ave N</streetAddressLine><city>Seattle</city></addr>
    <assignedPerson><name><prefix>Dr.</prefix><given>Anjali</given><family>Mehra</family></name></assignedPerson>
  </assignedAuthor></author>
</ClinicalDocument>`;
    const { findings } = run('integrations/ccda/sample.xml', doc);
    const names = findings.filter((f) => f.ruleId === 'phi/person-name' || f.ruleId === 'phi/street-address').map((f) => f.excerpt).sort();
    expect(names).toEqual(['G*******', 'M****']);
  });

  it('HL7 v2.5 telephone components: area code and number in XTN-6 and XTN-7', () => {
    const msg = ['MSH|^~\\&|EHR|HOSP|||202403110815||ADT^A04|7|P|2.5', 'PID|1||00733109^^^HOSP^MR||NGUYEN^THANH||19450712|M|||||^PRN^PH^^1^503^9264471~^NET^Internet^t.nguyen@mail.com'].join('\r');
    const phones = run('inbound/a04.hl7', msg).findings.filter((f) => f.ruleId === 'phi/phone-number');
    expect(phones.map((f) => f.message.replace(/^.*\((.*)\).*$/, '$1'))).toEqual(['PID-13.6']);
    expect(phones[0]!.excerpt).toMatch(/4471$/);
  });

  it('HL7 v2: the event operator (EVN-5) and the primary care provider (PD1-4) are staff', () => {
    const msg = ['MSH|^~\\&|EHR|HOSP|||202403110815||ADT^A04|7|P|2.5', 'EVN|A04|20240311081502|||WHITCOMBE^RACHEL^^^RN', 'PID|1||00733109^^^HOSP^MR||NGUYEN^THANH||19450712|M', 'PD1|||BRAMBLECARE MEDICAL GROUP^^10041|1983205760^MEHRA^ANJALI^^^DR'].join('\r');
    const names = run('inbound/a04.hl7', msg).findings.filter((f) => f.ruleId === 'phi/person-name').map((f) => f.excerpt).sort();
    expect(names).toEqual(['N*****', 'T****']);
  });

  it('X12 with an ISA header a character short: the terminator is found after ISA16, and values do not keep it', () => {
    const x12 = [
      'ISA*00*          *00*          *ZZ*KREMS00417     *ZZ*CGSJ15        *240301*1830*^*00501*463960848*1*P*:~',
      'GS*HC*KREMS00417*CGSJ15*20240301*1830*4639*X*005010X222A1~',
      'ST*837*0001*005010X222A1~',
      'NM1*IL*1*FAIRBANKS*RHONDA****MI*6M20GK1CP76~',
      'N3*8434 PAINT VALLEY AVENUE~',
      'N4*CHILLICOTHE*OH*45601~',
      'DMG*D8*19530210*F~',
      'CLM*KR24789753*1568.79***41:B:1*Y*A*Y*Y~',
      'DTP*472*D8*20240201~',
      'SE*9*0001~',
    ].join('\n');
    expect(x12.indexOf('~')).toBe(104);
    const got = run('integrations/x12/claims_837P_batch.edi', x12).findings.map((f) => `${f.location.startLine}:${f.ruleId}:${f.excerpt.includes('~')}`);
    expect(got).toEqual(expect.arrayContaining(['5:phi/street-address:false', '6:phi/zip-code:false', '7:phi/date-of-birth:false', '9:phi/patient-date:false']));
  });

  it("X12 835: a claim's DTM statement period and service date are the patient's dates; the file's production date is not", () => {
    const x12 = [
      'ISA*00*          *00*          *ZZ*UHC            *ZZ*CRCI           *240315*0600*^*00501*000000412*0*P*:~',
      'GS*HP*UHC*CRCI*20240315*0600*412*X*005010X221A1~',
      'ST*835*0001~',
      'DTM*405*20240315~',
      'CLP*PA-00918274*1*1250*980**12*2024030212345~',
      'NM1*QC*1*LARSEN*INGRID****MI*W123456789~',
      'DTM*232*20240302~',
      'DTM*472*20240302~',
      'SE*8*0001~',
    ].join('\n');
    const dates = run('edi/inbound/remit.835', x12).findings.filter((f) => f.ruleId === 'phi/patient-date').map((f) => f.location.startLine);
    expect(dates).toEqual([7, 8]);
  });

  it("JSON: an object in an array that names its member is that member's record, nested trips included; the top level is no one's record", () => {
    const doc = JSON.stringify({ result: [{ number: 'RITM0095865', variables: { member_name: 'Walter Vandermeer', member_dob: '06/13/1947', trips: [{ trip_date: '2024-06-12', pickup: '18802 S Salmonberry Way, Salem, OR 97302' }] } }] }, null, 2);
    const got = rules(run('ops/servicenow/ritm_export.json', doc).findings);
    expect(got).toEqual(expect.arrayContaining(['phi/patient-date']));
    // The same trip without a member in its record is a schedule, not a patient's date.
    const alone = JSON.stringify({ result: [{ number: 'RITM0095866', variables: { requested_by: 'ops', trips: [{ trip_date: '2024-06-12' }] } }], member_portal: 'v2' }, null, 2);
    expect(rules(run('ops/servicenow/ritm_export2.json', alone).findings)).not.toContain('phi/patient-date');
  });

  it('NCPDP D.0 pharmacy claims read by field id (patient, cardholder, dates, Rx and authorisation numbers); the prescriber and pharmacy are not the patient', () => {
    const npi = j('19500', '39812');
    const cap = [
      '# NCPDP vD.0 B1 capture',
      'TXN 000118  RECV 2024-06-30T14:11:01.677Z',
      `HDR|101-A1=610832|102-A2=D0|103-A3=B1|104-A4=CCHPMAPD|201-B1=${npi}|401-D1=20240628`,
      'AM04|302-C2=CCH87516911101|312-CC=WALTER|313-CD=VANDERMEER|301-C1=CCHMAPD04',
      'AM01|304-C4=19470613|305-C5=1|310-CA=WALTER|311-CB=VANDERMEER|322-CM=18802 S SALMONBERRY WAY|323-CN=SALEM|325-CP=97302|326-CQ=9716722457',
      'AM07|455-EM=1|402-D2=2201768|407-D7=00002143380|414-DE=20240331',
      'AM03|466-EZ=12|411-DB=MP5074531|427-DR=PHAM|498-PM=2535720188',
      'RSP|112-AN=P|503-F3=CCHP24063083345|509-F9=358.75',
    ].join('\n');
    const got = run('pharmacy/ncpdp/capture_B1.txt', cap).findings;
    const on = (line: number) => [...new Set(got.filter((f) => f.location.startLine === line).map((f) => f.ruleId))].sort();
    expect(on(3)).toEqual(['phi/npi', 'phi/patient-date']);
    expect(on(4)).toEqual(['phi/health-plan-id', 'phi/person-name']);
    expect(on(5)).toEqual(expect.arrayContaining(['phi/date-of-birth', 'phi/person-name', 'phi/street-address', 'phi/zip-code', 'phi/phone-number']));
    // The NDC (407-D7) is a product code; the Rx number and written date are the patient's.
    expect(on(6)).toEqual(['phi/other-id', 'phi/patient-date']);
    // The prescriber's name and phone are staff.
    expect(on(7).filter((r) => r === 'phi/person-name' || r === 'phi/phone-number')).toEqual([]);
    expect(on(8)).toEqual(['phi/other-id']);
  });

  it('X12 834 and 278 in a .x12 file: a HIPAA transaction by its ST segment; the member loop opens at INS; RD8 periods, authorisation numbers and NM1 XX NPIs', () => {
    const isa = 'ISA*00*          *00*          *ZZ*WAHCA          *ZZ*CCHP1          *240601*0215*^*00501*000004127*0*P*:~';
    const npi = j('11724', '01659');
    const x834 = [isa, 'GS*BE*WAHCA*CCHP1*20240601*0215*4127*X*005010X220A1~', 'ST*834*0001*005010X220A1~', 'BGN*00*REF1*20240601*0215****4~',
      'INS*Y*18*021*XN*A***RT~', 'REF*0F*334345353WA~', 'REF*ZZ*CCH283602042~', 'DTP*356*D8*20190501~', 'NM1*IL*1*HOLMGREN*RAFAEL*D~',
      'DMG*D8*19420908*M~', 'HD*030**HMO~', 'DTP*348*D8*20190501~', 'SE*12*0001~'].join('\n');
    const got = run('edi/inbound/834/HCA_20240601_FULL.x12', x834).findings.map((f) => `${f.location.startLine}:${f.ruleId}`);
    expect(got).toEqual(expect.arrayContaining(['6:phi/health-plan-id', '7:phi/health-plan-id', '8:phi/patient-date', '9:phi/person-name', '10:phi/date-of-birth', '12:phi/patient-date']));
    const x278 = [isa, 'GS*HI*CCHP*NRMC*20240722*1047*1*X*005010X217~', 'ST*278*0001*005010X217~', 'TRN*1*UM18132178*9CCHPUM001~',
      `NM1*FA*2*RIVERBEND CARE CENTER*****XX*${npi}~`, 'NM1*IL*1*ODUYA*CLARENCE****MI*CCH470035581~', 'HCR*A1*UM18132178~', 'DTP*AAH*RD8*20240723-20240811~', 'SE*7*0001~'].join('\n');
    const f278 = run('edi/278/CCHP_278_RSP.x12', x278).findings;
    const at = (line: number, rule: string) => f278.filter((f) => f.location.startLine === line && f.ruleId === rule).length;
    expect([at(4, 'phi/other-id'), at(5, 'phi/npi'), at(7, 'phi/other-id'), at(8, 'phi/patient-date')]).toEqual([1, 1, 1, 2]);
    // The facility's name is not a person.
    expect(at(5, 'phi/person-name')).toBe(0);
  });

  it('X12 837: the subscriber and patient loops are read by segment; provider and payer loops are not the patient', () => {
    const isa = 'ISA*00*          *00*          *ZZ*SUBMITTER      *ZZ*RECEIVER       *240311*1430*^*00501*000000417*0*P*:~';
    const x12 = [
      isa, 'GS*HC*SUB*RCV*20240311*1430*417*X*005010X222A1~', 'ST*837*0001*005010X222A1~',
      'NM1*85*2*BRAMBLECARE MEDICAL GROUP*****XX*1629504485~', 'N3*1200 WESTLAKE AVE N STE 410~', 'N4*SEATTLE*WA*981094432~', 'PER*IC*BILLING DEPT*TE*2064127730~',
      'HL*2*1*22*0~', 'NM1*IL*1*NGUYEN*THI THAO****MI*PCH884120937~', 'N3*8820 RAINIER AVE S~', 'N4*SEATTLE*WA*981182722~', 'DMG*D8*19711122*F~', `REF*SY*${SSN.replace(/-/g, '')}~`,
      'CLM*PCN88412093*125***02:B:1*Y*A*Y*Y~', 'DTP*472*D8*20240301~', 'REF*D9*CLM-20240311-00417~',
      'NM1*82*1*AGUIRRE*TOMAS****XX*1452309879~',
    ].join('\n');
    const { findings, problems } = run('edi/outbound/claim.837', x12);
    expect(problems).toEqual([]);
    const byWhere = findings.map((f) => `${f.location.startLine} ${f.ruleId}`).sort();
    expect(byWhere).toEqual([
      '10 phi/street-address', '11 phi/street-address', '11 phi/zip-code', '12 phi/date-of-birth', '13 phi/us-ssn', '14 phi/account-number',
      // The billing and rendering providers' NPIs (NM108 XX) are reported as NPIs, not as the patient's.
      '15 phi/patient-date', '16 phi/other-id', '17 phi/npi', '4 phi/npi', '9 phi/health-plan-id', '9 phi/person-name', '9 phi/person-name',
    ]);
    // A non-segment line is a problem, the rest still read.
    expect(run('edi/x.837', x12.replace('HL*2*1*22*0~', 'garbage here~')).problems[0]?.detail).toMatch(/not an X12 segment/);
  });

  it('HL7 v2 segments pasted into a test string are read by position, the code around them is not', () => {
    const pid = Array<string>(20).fill('');
    Object.assign(pid, { 0: 'PID', 1: '1', 3: '7733921^^^HOSP^MR', 5: 'NGUYEN^THANH', 7: '19450712', 19: SSN });
    const code = [`const msg = [`, `  'MSH|^~\\\\&|EPIC|HOSP|LAB|HOSP|202401011200||ADT^A01|1|P|2.5',`, `  '${pid.join('|')}',`, `].join('\\r');`, `const retries = 3; // 2024-01-01`].join('\n');
    const { findings } = run('src/interface/adt-router.test.js', code);
    const byWhere = Object.fromEntries(findings.map((f) => [f.message.replace(/^.*\((.*)\).*$/, '$1'), f.ruleId]));
    expect(byWhere).toMatchObject({ 'PID-3': 'phi/medical-record-number', 'PID-5': 'phi/person-name', 'PID-7': 'phi/date-of-birth', 'PID-19': 'phi/us-ssn' });
    expect(findings.every((f) => f.location.startLine === 3)).toBe(true);
    // Without a patient segment the same file shape holds nothing.
    expect(run('src/interface/adt-router.test.js', code.replace(/'PID\|[^']*'/, "'EVN|A01|202401011200'")).findings).toEqual([]);
  });

  it("SQL seeds: a doubled quote inside a string is one quote ('O''Brien')", () => {
    const { findings } = run('db/seeds/001_patients.sql', "INSERT INTO patients (mrn, first_name, last_name, dob) VALUES\n  ('00877302', 'Siobhan', 'O''Brien', '1988-03-17');\n");
    expect(findings.filter((f) => f.ruleId === 'phi/person-name').map((f) => f.excerpt).sort()).toEqual(["O'B****", 'S******']);
  });

  it('pg_dump COPY blocks: tab-separated rows labelled by the column list, \\N is NULL, a missing \\. is reported', () => {
    const dump = ['COPY public.coverage (patient_mrn, member_id, subscriber_name, subscriber_dob, phone) FROM stdin;', 'BC-0074410\tMN00482917\tAminata Diallo\t2001-02-26\t\\N', '\\.', ''].join('\n');
    const { findings, problems } = run('db/migrations/0012_seed.sql', dump);
    expect(problems).toEqual([]);
    expect(findings.map((f) => `${f.location.startLine}:${f.location.startColumn} ${f.ruleId}`).sort()).toEqual(['2:1 phi/medical-record-number', '2:12 phi/health-plan-id', '2:23 phi/person-name', '2:38 phi/date-of-birth']);
    expect(run('db/x.sql', dump.replace('\\.\n', '')).problems[0]?.detail).toMatch(/no terminating/);
  });

  it("Synthea's patients.csv columns (DRIVERS, MAIDEN, DEATHDATE)", () => {
    const csv = 'Id,BIRTHDATE,DEATHDATE,SSN,DRIVERS,FIRST,LAST,MAIDEN\n3f8a2c1e-7b04-4d59,1947-08-23,2023-11-02,512-37-8806,W25247182290,Zofia,Wisniewska,Nowak\n';
    const kinds = run('data/synthea/patients.csv', csv).findings.map((f) => f.ruleId).sort();
    expect(kinds).toEqual(['phi/date-of-birth', 'phi/drivers-license', 'phi/patient-date', 'phi/person-name', 'phi/person-name', 'phi/person-name', 'phi/us-ssn']);
  });

  it('a CSV roster of staff (a staff name column, a role or licence column, no patient column): phones and e-mails are theirs, NPIs still reported; a nurse\'s mileage log is not a roster', () => {
    const npi = j('11577', '99978');
    const roster = `staff_name,role,branch,npi,work_phone,work_email\nColette Marchand,RN,Great Falls,${npi},406-761-3380,cmarchand@riverbend-hhh.org\n`;
    expect(rules(run('docs/credentialing/staff_roster.csv', roster).findings)).toEqual(['phi/npi']);
    const mileage = 'trip_date,nurse,to_address,to_zip,purpose\n2/21/24,Colette Marchand,5734 Bitterroot Rd,59632,PT eval\n';
    expect(rules(run('data/mileage/mileage_log.csv', mileage).findings)).toContain('phi/street-address');
  });

  it('a CSV keyed by staff id (staff_id, last_name, first_name, credentials) is a roster too: only NPI, DEA and licence numbers are reported', () => {
    const npi = j('18885', '71001');
    const roster = `staff_id,last_name,first_name,credentials,npi,state_license,work_email,extension\nE1040,Whitfield,Sunniva,MD,${npi},MD 15015,swhitfield@harborlight.org,x2209\n`;
    expect(rules(run('exports/hr/2024-04.csv', roster).findings)).toEqual(['phi/medical-license', 'phi/npi']);
    // The same columns with a patient column beside them are not a roster.
    const visits = `staff_id,last_name,first_name,credentials,patient_mrn\nE1040,Whitfield,Sunniva,MD,00628145\n`;
    expect(rules(run('exports/hr/visits.csv', visits).findings)).toContain('phi/person-name');
  });

  it('a file named for staff (StaffSeeder.php, providers.json) that never mentions a patient holds staff: only their NPI, DEA and licence numbers are reported', () => {
    const npi = j('18885', '71001');
    const php = `<?php\n// Current clinical roster; prescriber DEA numbers feed the PDMP gateway.\n$staff = [\n  ['first_name' => 'Sunniva', 'last_name' => 'Whitfield', 'npi' => '${npi}',\n   'email' => 'swhitfield@harborlight.org', 'phone' => '(541) 396-2209'],\n];\n`;
    expect(rules(run('apps/portal/database/seeders/StaffSeeder.php', php).findings)).toEqual(['phi/npi']);
    // The same text in a seeder named for patients, or a staff file that mentions a patient, keeps its findings.
    expect(rules(run('apps/portal/database/seeders/IntakeSeeder.php', php).findings)).toContain('phi/person-name');
    expect(rules(run('apps/portal/database/seeders/StaffSeeder.php', php + '// patient links are seeded in PatientSeeder\n').findings)).toContain('phi/person-name');
    // Named for staff: a roster, a seeder, a fixture. Not a log a nurse keeps about others, nor a file that mentions students.
    const named = ['db/seeders/StaffSeeder.php', 'directory/staff_roster.csv', 'fixtures/ProviderFactory.rb', 'hr/employees.yml', 'ops/on_call.md', 'x/staff-2024-03.csv'];
    expect(named.filter((p) => staffFile(p, 'x = 1'))).toEqual(named);
    const not = ['school-health/nurse_log_2023-24.tsv', 'src/staffing.ts', 'src/app/nurse_call.py', 'src/patients.json', 'exports/provider_visits.csv'];
    expect(not.filter((p) => staffFile(p, 'x = 1'))).toEqual([]);
    expect(staffFile('hr/employees.yml', 'students: 3')).toBe(false);
  });

  it('a TSV extract without its header (LAST^FIRST, a birth date, ids) is read row by row, even without a clinical word; an aging-bucket header is still a header', () => {
    const npi = j('18885', '71001');
    const rows = [
      `CTL24119907\tHBH0923581\tPETTIBONE^CALEB\t19660109\t2024-04-08 10:41\t19295-5\tOpiates\tPOS\t${npi}`,
      `CTL24121449\tHBH0999948\tACHTERBERG^TUAN\t19630320\t2024-04-09 08:03\t70142-7\tBuprenorphine\tNEG\t${npi}`,
    ].join('\n');
    const got = run('data/interfaces/lab_tox_results.tsv', rows + '\n').findings.map((f) => `${f.location.startLine}:${f.location.startColumn} ${f.ruleId}`);
    expect(got).toEqual(expect.arrayContaining(['1:1 phi/other-id', '1:13 phi/other-id', '1:24 phi/person-name', '1:40 phi/date-of-birth', '1:49 phi/patient-date']));
    // Neither the LOINC code (19295-5) nor the clinician's NPI is a record id of the patient.
    expect(got.filter((g) => g.startsWith('1:') && /other-id/.test(g))).toHaveLength(2);
    // A header row of column names, some of them numeric buckets, still labels the rows below.
    const aging = '"Account #","Patient","Patient DOB","0-30","31-60","61-90"\n7763200911,"PETTIBONE, CALEB",1/9/1966,31.84,0.00,0.00\n';
    expect(rules(run('exports/billing/ar_aging.csv', aging).findings)).toEqual(['phi/account-number', 'phi/date-of-birth', 'phi/person-name']);
  });

  it('comment lines above a TSV header are skipped: the header still labels the rows', () => {
    const tsv = '# Telepsychiatry panel - monthly export - do not forward\n# generated\t2024-04-15 05:10:44\tby\tpanel_v2\nmrn\tpatient\tdob\tlast_visit\nHBH-0506093\tFaulkner, Lyle\t08.03.1929\t04/05/2024\n';
    const got = run('exports/telepsych/panel.tsv', tsv).findings.map((f) => `${f.location.startLine}:${f.ruleId}`);
    expect(got).toEqual(expect.arrayContaining(['4:phi/medical-record-number', '4:phi/person-name', '4:phi/date-of-birth', '4:phi/patient-date']));
    expect(got.filter((g) => g.startsWith('2:'))).toEqual([]);
  });

  it("a spreadsheet's title rows above the header (one filled cell of many) are skipped: the header below still labels the rows", () => {
    const csv = '\ufeffAllegheny Ridge Freight - Driver Roster,,,,,\nas of 6/3/2024,,,,,\n,,,,,\nEmp ID,Driver Name,DOB,CDL #,CDL St,Cell\n0013211,"Hanlon, Dale",1/3/1974,76306547,PA,(814) 572-8010\n';
    const got = run('employer-uploads/roster_2024-06-03.csv', csv).findings.map((f) => `${f.location.startLine}:${f.ruleId}`);
    expect(got).toEqual(expect.arrayContaining(['5:phi/person-name', '5:phi/date-of-birth', '5:phi/drivers-license']));
    expect(got.filter((g) => /^[1-4]:/.test(g))).toEqual([]);
  });

  it('a .txt whose lines all hold the same number of pipes is a delimited extract: a headerless roster of people is patient data', () => {
    const txt = '26701|SCHNEIDER|DANIELLE|19891026|679335826|LINE 2|3|8147034670\n0080213|BACHMAN|BAO|20000831|383133388|WAREHOUSE|2|4129307699\n0022008|LUPTAK|IGNACIO|19710131|861235730|SANITATION|3|4123262064\n';
    const got = run('employer-uploads/juniata-valley-foods/JVF_ROSTER_20240601.txt', txt).findings.map((f) => `${f.location.startLine}:${f.ruleId}`);
    expect(got).toEqual(expect.arrayContaining(['1:phi/person-name', '1:phi/date-of-birth', '2:phi/date-of-birth', '3:phi/person-name']));
    // Pipes in a table of things, not people: nothing.
    const parts = 'A-100|widget|12|3.50\nA-101|gadget|7|4.25\nA-102|gizmo|9|1.10\n';
    expect(run('inventory/parts_20240601.txt', parts).findings).toEqual([]);
  });

  it("a form's preamble rows (Year,2023 / City,Bridgeville,State,PA) above a wide header are skipped; a name in a notes cell is still judged", () => {
    const osha = "OSHA's Form 300 (Rev. 04/2004),Log of Work-Related Injuries and Illnesses\nYear,2023\nEstablishment name,Allegheny Ridge Freight LLC\nCity,Bridgeville,State,PA\n\n(A) Case no.,(B) Patient name,(C) Job title,(D) Date of injury,(E) Where,(F) Describe injury,(G) Death,(H) Days away,(I) Job transfer,(J) Other,(K) Days away count,(M) Injury type\n2023-001,Samuel Rutledge,Warehouse Associate,1/6/2023,I-79 N mile 54,Contusion R knee,,,,X,,Injury\n";
    const got = run('data/osha/osha300_2023.csv', osha).findings.map((f) => `${f.location.startLine}:${f.ruleId}`);
    expect(got).toEqual(expect.arrayContaining(['7:phi/other-id', '7:phi/person-name', '7:phi/patient-date']));
    expect(got.filter((g) => !g.startsWith('7:'))).toEqual([]);
    const sheet = '[Data]\nSample_ID,Sample_Name,Sample_Plate,Sample_Well,I7_Index_ID,index,Sample_Project,Notes\nM24-17971,S24-17971,PLATE1,B01,UDP0002,TCCGGAGA,TSO500_CLIN,Anjali Kulkarni - Okafor clinic tumor board\n';
    expect(run('lab/molecular/SampleSheet_NGS240312.csv', sheet).findings.map((f) => f.ruleId)).toContain('phi/person-name');
  });

  it('date-time cells of a patient table (06/10/2024 07:42, 1/15/2024 9:00:00 AM, 2024-03-04 10:28:00-07) are dates of the patient', () => {
    const csv = 'specimen_id,donor_last,donor_first,mrn,collected,received_lab,reported\n7408434,MIKULA,BRITTANY,KW0113,06/10/2024 07:42,06/10/2024 23:45,2024-03-04 10:28:00-07\n6950788,HANLON,DALE,KW0114,1/15/2024 9:00:00 AM,1/15/2024 11:05:00 PM,2024-03-05 09:10:00-07\n';
    const dates = run('data/drug-testing/lab_results.csv', csv).findings.filter((f) => f.ruleId === 'phi/patient-date').map((f) => `${f.location.startLine}:${f.location.startColumn}`);
    expect(dates).toEqual(['2:32', '2:49', '2:66', '3:28', '3:49', '3:71']);
  });

  it("a directory of clinics (keyed by the clinic's name or code, no person column) is public contact data; the org NPI is still reported", () => {
    const dir = 'clinic_code,clinic_name,street,city,state,zip,phone,fax,npi_org\nPGHS,Pittsburgh South,2871 Saw Mill Run Blvd,Pittsburgh,PA,15227,412-465-4755,412-465-4762,1437009248\nCRAN,Cranberry,20445 Route 19,Cranberry Township,PA,16066,724-732-6590,724-732-6597,1674069905\n';
    expect(rules(run('docs/clinic-directory.csv', dir).findings)).toEqual(['phi/npi']);
    // A visit list with the clinic beside the patient stays a patient table.
    const visits = 'clinic_name,patient_name,phone,zip\nPittsburgh South,Maria Gonzalez,412-465-9931,15227\n';
    expect(rules(run('exports/visits.csv', visits).findings)).toEqual(expect.arrayContaining(['phi/person-name', 'phi/phone-number']));
  });

  it('a header written as the last comment line (# LAST|FIRST|DOB|SSN) labels the rows below; a comment that is prose does not', () => {
    const psv = '# vital statistics death match - batch VS-2024-03 received 2024-03-28 10:02\n# LAST|FIRST|MI|DOB|DOD|AGE|SSN|MRN\nASHBY|ROBERTO|Z|11-02-1931|03-24-2024|92|018477260|KR389261\nISAACS|HANNAH|Q|12-02-1927|03-26-2024|96|219096231|KR518722\n';
    const got = run('exports/deceased_match_2024-03.psv', psv).findings.map((f) => `${f.location.startLine}:${f.ruleId}`);
    expect(got).toEqual(expect.arrayContaining(['3:phi/person-name', '3:phi/date-of-birth', '3:phi/age-over-89', '3:phi/us-ssn', '3:phi/medical-record-number', '4:phi/us-ssn']));
    // The first data row is data, not a header.
    expect(got.filter((g) => g.startsWith('3:phi/person-name'))).toHaveLength(2);
    // A comment with the right number of cells but data in it, or a row with no digit, keeps the usual header.
    const plain = '# note|see below\nmrn|patient\nA778812|Gonzalez, Maria\n';
    expect(run('exports/x.psv', plain).findings.map((f) => `${f.location.startLine}:${f.ruleId}`)).toEqual(expect.arrayContaining(['3:phi/medical-record-number']));
  });

  it('in a table of patients a column of dates is a date of theirs whatever it is called; a birth-date column keeps its kind', () => {
    const tsv = 'member_id\tdevice_type\tassigned\treturned\tBIRTHDATE\nCCH875169111\tPulse ox\t2023-10-28\t2024-02-07\t1947-06-13\nCCH670851734\tScale\t2023-11-02\t2024-03-01\t1933-02-10\n';
    const got = run('care-mgmt/rpm/device_assignments.tsv', tsv).findings.map((f) => `${f.location.startLine}:${f.location.startColumn} ${f.ruleId}`);
    expect(got).toEqual(expect.arrayContaining(['2:23 phi/patient-date', '2:34 phi/patient-date', '2:45 phi/date-of-birth']));
    // The same columns in a table of equipment, with no person in it, are not patient dates.
    const kit = 'asset_tag\tdevice_type\tassigned\treturned\nA-1001\tPulse ox\t2023-10-28\t2024-02-07\nA-1002\tScale\t2023-11-02\t2024-03-01\n';
    expect(rules(run('ops/inventory.tsv', kit).findings)).not.toContain('phi/patient-date');
  });

  it("SQL: a literal inside a conversion (CONVERT(date, '06/03/2024', 101), TO_DATE, CAST) is the column's value", () => {
    const sql = "INSERT INTO dbo.Claim (MemberId, ServiceFrom, BirthDate) VALUES ('CCH875169111', CONVERT(date, '06/03/2024', 101), TO_DATE('14-MAR-1952', 'DD-MON-YYYY'));";
    const got = run('sql/tsql/seed_dev.sql', sql).findings.map((f) => `${f.ruleId} ${f.location.startColumn}`);
    expect(got).toEqual(expect.arrayContaining([`phi/patient-date ${sql.indexOf('06/03') + 1}`, `phi/date-of-birth ${sql.indexOf('14-MAR') + 1}`]));
  });

  it('CSV headers label the cells below them', () => {
    const { findings } = run('exports/patients.csv', 'mrn,first_name,dob\nA778812,Ana,1972-05-06\n');
    expect(findings.map((f) => `${f.location.startLine}:${f.location.startColumn} ${f.ruleId}`)).toEqual(['2:1 phi/medical-record-number', '2:9 phi/person-name', '2:13 phi/date-of-birth']);
  });

  it("SQL Server seeds: N'...' strings, and comments between the tuples", () => {
    const sql = [
      'INSERT INTO dbo.Patient (PatientId, MRN, LastName, FirstName, BirthDate) VALUES',
      "  (1, '10713559', N'Adeyemi', N'Nia', '2012-12-15'),  -- PRODCOPY",
      "  /* second child */ (2, '21540737', N'O''Connor', N'Oliver', '2014-02-23');",
    ].join('\n');
    const got = run('db/migrations/V1__seed.sql', sql).findings.map((f) => `${f.location.startLine}:${f.ruleId}`);
    expect(got.filter((g) => g.startsWith('3:')).sort()).toEqual(['3:phi/date-of-birth', '3:phi/medical-record-number', '3:phi/person-name', '3:phi/person-name']);
    expect(got.filter((g) => g.startsWith('2:'))).toHaveLength(4);
  });

  it('SQL INSERT column lists label the values', () => {
    const { findings } = run('db/seed.sql', "INSERT INTO patients (mrn, last_name, birth_date) VALUES ('A778812', 'Reyes', '1972-05-06');");
    expect(rules(findings)).toEqual(['phi/date-of-birth', 'phi/medical-record-number', 'phi/person-name']);
  });

  it('FHIR XML and Jupyter outputs', () => {
    const xml = '<Patient xmlns="http://hl7.org/fhir"><name><family value="Okafor"/><given value="Chinedu"/></name><birthDate value="1958-11-02"/></Patient>';
    expect(rules(run('fhir/p.xml', xml).findings)).toEqual(['phi/date-of-birth', 'phi/person-name']);
    const nb = JSON.stringify({ cells: [{ cell_type: 'code', source: ['df.head()'], outputs: [{ output_type: 'stream', text: ['patient Maria Gonzalez DOB: 03/04/1961\n'] }] }] });
    expect(rules(run('analysis/cohort.ipynb', nb).findings)).toEqual(['phi/date-of-birth', 'phi/person-name']);
  });

  it('DICOM: patient tags and a face image, masked', () => {
    const bytes = patientPhoto({ name: 'GONZALEZ^MARIA', id: 'MRN7733921', birth: '19610304', age: '093Y' });
    const { findings, problems } = run('imaging/patients/face/0001.dcm', '', bytes);
    expect(problems).toEqual([]);
    expect(rules(findings)).toEqual(['phi/age-over-89', 'phi/date-of-birth', 'phi/face-photo', 'phi/medical-record-number', 'phi/person-name']);
    expect(findings.find((f) => f.ruleId === 'phi/person-name')!.excerpt).toBe('G******* M****');
    expect(findings.find((f) => f.ruleId === 'phi/date-of-birth')!.excerpt).toBe('1961****');
    expect(JSON.stringify(findings)).not.toContain('GONZALEZ');
  });
});

describe('bad input', () => {
  it('truncated FHIR JSON: parse problem with its line, the text is still scanned', () => {
    const { findings, problems } = run('fhir/patient.json', `{\n  "resourceType": "Patient",\n  "note": "SSN ${SSN}",\n  "name": [{"family": "Okafor"`);
    expect(problems).toEqual([expect.objectContaining({ reason: 'parse-error', line: 4 })]);
    expect(problems[0]!.detail).toMatch(/truncated JSON/);
    expect(rules(findings)).toContain('phi/us-ssn');
  });

  it('truncated XML: elements closed before the cut are still read by their names', () => {
    // Only the element names say what the values are: without the closed ones the cut loses them.
    const cut = '<EMSDataSet xmlns="http://www.nemsis.org"><PatientCareReport>\n<ePatient>\n<ePatient.02>Kealoha</ePatient.02>\n<ePatient.17>1932-01-25</ePatient.17>\n<ePayment><ePayment.10>Cascade Mut';
    const { findings, problems } = run('ems/nemsis/batch_PARTIAL.xml', cut);
    expect(problems[0]!.detail).toMatch(/not closed/);
    expect(findings.filter((f) => f.location.startLine === 4).map((f) => f.ruleId)).toEqual(['phi/date-of-birth']);
    expect(findings.filter((f) => f.location.startLine === 3).map((f) => f.ruleId)).toEqual(['phi/person-name']);
  });

  it('CSV with an unterminated quote, HL7 without MSH, unclosed XML, headerless .eml, broken notebook', () => {
    const csv = run('exports/patients.csv', `ssn,note\n${SSN},"open quote\n`);
    expect(csv.problems[0]).toMatchObject({ reason: 'parse-error', line: 2 });
    expect(rules(csv.findings)).toContain('phi/us-ssn');
    const hl7 = run('inbound/x.hl7', `PID|1||7733921^^^HOSP^MR||NGUYEN^THANH\nnot a segment`);
    expect(hl7.problems.map((p) => p.detail).join(' ')).toMatch(/no MSH segment/);
    expect(hl7.problems.some((p) => p.line === 2)).toBe(true);
    expect(rules(hl7.findings)).toContain('phi/person-name');
    const xml = run('fhir/p.xml', '<Patient xmlns="http://hl7.org/fhir"><birthDate value="1958-11-02"/>');
    expect(xml.problems[0]!.detail).toMatch(/not closed/);
    expect(rules(xml.findings)).toContain('phi/date-of-birth');
    const eml = run('mail/x.eml', `patient note: SSN ${SSN}\n`);
    expect(eml.problems[0]!.detail).toMatch(/header block/);
    expect(rules(eml.findings)).toContain('phi/us-ssn');
    const nb = run('analysis/x.ipynb', `{"cells": [{"outputs": [{"text": ["patient SSN ${SSN}"]}]`);
    expect(nb.problems[0]).toMatchObject({ reason: 'parse-error' });
    expect(rules(nb.findings)).toContain('phi/us-ssn');
  });

  it('truncated and non-DICOM bytes: a parse problem, no crash', () => {
    const good = patientPhoto({ name: 'GONZALEZ^MARIA', id: 'MRN7733921', birth: '19610304' });
    for (const bytes of [good.subarray(0, 150), Buffer.from('not a dicom file at all, just text padding..............................................................................................................')]) {
      const { problems } = run('imaging/a.dcm', '', bytes);
      expect(problems[0]).toMatchObject({ reason: 'parse-error', path: 'imaging/a.dcm' });
    }
  });

  it('hostile input: huge single line and invalid UTF-8 replacement characters finish quickly without findings', () => {
    const line = `${'\uFFFD'.repeat(1000)}patient ${'A1 '.repeat(200_000)}`;
    const { findings } = run('logs/x.log', line);
    expect(findings).toEqual([]);
  });
});
