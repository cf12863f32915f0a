import { runRuleTests } from '../../../testing/rule-tester.js';
import { scanner } from '../index.js';
import { loadNames } from '../names.js';
import { DATA, j } from '../testing.js';

runRuleTests(scanner, 'phi/npi', {
  valid: [
    { code: 'NPI: 1234567893', path: DATA, name: 'the CMS example NPI' },
    { code: 'NPI: 1245319590', path: DATA, name: 'Luhn check fails' },
    { code: 'patient count 1245319599', path: DATA, name: 'no NPI label' },
    { code: 'ISA*00*~ST*837*0001~NM1*85*2*CEDAR RIDGE CANCER INSTITUTE*****XX*' + j('14747', '68516') + '~N1*PE*CEDAR RIDGE*XX*' + j('11577', '99978') + '~\n', path: 'x12/837_claims.edi', name: 'an organisation (NM1 entity type 2) and a payee (N1): not a person\'s NPI' },
    { code: '<id root="2.16.840.1.113883.4.1" extension="' + j('14747', '68516') + '"/> <!-- patient -->\n', path: 'cda/ccd.xml', name: 'another OID (an SSN root) over ten digits' },
  ],
  invalid: [
    { code: 'Rendering NPI: 1245319599', path: DATA, findings: [{ excerpt: '******9599', confidence: 'high' }] },
    { code: '<assignedAuthor><id root="2.16.840.1.113883.4.6" extension="' + j('14747', '68516') + '"/></assignedAuthor> <!-- patient discharge -->\n', path: 'cda/ccd.xml', name: 'an id under the NPI OID in CDA', findings: [{ excerpt: '******8516' }] },
    { code: 'MSH|^~\\&|HIE|RB|XDS|RB|20240312||MDM^T02|1|P|2.5.1\rPID|1||RB-0765622^^^RB^MR\rTXA|1|DS|TX|||||||' + j('11577', '99978') + '^Marchand^Colette^^^^^^^&2.16.840.1.113883.4.6&ISO\r', path: 'hie/samples/mdm.hl7', name: 'an XCN whose assigning authority is the NPI OID', findings: [{ excerpt: '******9978' }] },
    { code: '// 834 enrollment: the patient\'s primary care provider\nString seg = "NM1*P3*1*SAELEE*QUENTIN****XX*' + j('12923', '52287') + '~";\n', path: 'src/test/java/Edi834MemberReaderTest.java', name: 'a person (NM1 entity type 1) with the XX qualifier, in a test\'s string', findings: [{ line: 2, excerpt: '******2287' }] },
  ],
}, loadNames);
