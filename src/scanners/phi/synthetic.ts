/**
 * Documented test and placeholder values. By default the scanner does not report them (they are in
 * every tutorial and test suite); `scanners.phi.test_values: report` turns them into findings, and
 * redaction masks them regardless.
 */
import { digitsOf } from './validators.js';

/**
 * SSNs: 123-45-6789 (the classic placeholder), 078-05-1120 (the Woolworth wallet-card number, voided
 * by the SSA), 219-09-9999 (SSA pamphlet sample), 987-65-4320..4329 (advertising range, already
 * invalid by area), and runs of one digit.
 */
const SSN_TEST = new Set(['123456789', '078051120', '219099999', '111223333', '012345678']);
export const syntheticSsn = (v: string): boolean => {
  const d = digitsOf(v);
  return SSN_TEST.has(d) || /^98765432\d$/.test(d) || /^(\d)\1{8}$/.test(d);
};

/** 555-0100 to 555-0199 are reserved for fiction (NANPA); 123-456-7890 and runs of one digit are placeholders. */
export const syntheticPhone = (v: string): boolean => {
  const d = digitsOf(v).replace(/^1(?=\d{10}$)/, '');
  const local = d.length === 10 ? d.slice(3) : d;
  if (local.length === 7 && local.startsWith('555') && Number(local.slice(3)) >= 100 && Number(local.slice(3)) <= 199) return true;
  return d === '1234567890' || /^(\d)\1+$/.test(d);
};

/** RFC 2606 / 6761 reserved names, and the usual placeholders. */
const RESERVED_DOMAIN_RE = /(?:^|\.)(?:example(?:\.(?:com|org|net|edu))?|test|invalid|localhost|local|example\.[a-z.]+)$/i;
export const syntheticDomain = (host: string): boolean => RESERVED_DOMAIN_RE.test(host) || /^(?:email|domain|foo|bar|acme|mailinator)\.(?:com|org)$/i.test(host);
export const syntheticEmail = (v: string): boolean => {
  const at = v.lastIndexOf('@');
  const local = v.slice(0, at).toLowerCase();
  return syntheticDomain(v.slice(at + 1)) || /^(?:user|test|foo|noreply|no-reply|someone|name|email|you|me|jdoe|john\.doe|jane\.doe)$/.test(local);
};

const NAME_TEST = new Set([
  'john doe', 'jane doe', 'john q public', 'john q. public', 'richard roe', 'jane roe', 'baby doe', 'johnny doe', 'janie doe',
  'test patient', 'patient test', 'test user', 'foo bar', 'john q doe', 'jane q doe', 'mary major', 'joe bloggs', 'max mustermann',
  'erika mustermann', 'test test', 'firstname lastname', 'first last',
]);
/**
 * Names that can only be made up: the documented placeholders above, or a name that starts with
 * "Test", "Fake", "Dummy", "Sample" or "Mock" (also run together: `TESTPATIENT`). A record holding one is test data as a whole (a bare
 * "Doe" surname is not enough for that: real people are called Doe).
 */
export const documentedTestName = (v: string): boolean => {
  const n = v.toLowerCase().replace(/[\^,]+/g, ' ').replace(/\s+/g, ' ').trim();
  return NAME_TEST.has(n) || NAME_TEST.has(n.split(' ').reverse().join(' ')) || /^(?:test|fake|dummy|sample|mock)(?:patient|pt|user|person|member)?\b/.test(n);
};

export const syntheticName = (v: string): boolean => {
  const n = v.toLowerCase().replace(/[\^,]+/g, ' ').replace(/\s+/g, ' ').trim();
  const flipped = n.split(' ').reverse().join(' ');
  return NAME_TEST.has(n) || NAME_TEST.has(flipped) || /\b(?:doe|test|dummy|sample|fake|zzz\w*)(?:patient|pt|user|person|member)?\b/.test(n);
};

/** Published sample identifiers: the CMS MBI example, a textbook DEA, NPI and VIN examples, test cards. */
const ID_TEST = new Set([
  '1EG4TE5MK73', 'AB1234563', 'BB1234563', '1234567893', '1HGCM82633A004352', '11111111111111111',
  '4111111111111111', '4242424242424242', '5555555555554444', '5105105105105100', '378282246310005', '371449635398431',
  '6011111111111117', '4012888888881881', '4000056655665556', '3566002020360505', '30569309025904', '38520000023237',
]);
/** A pattern written out as a value (`1AA0AA0AA00`, an MBI's shape): one letter and zeros. */
const patternPlaceholder = (n: string): boolean => {
  const letters = n.replace(/\d/g, '');
  return letters.length >= 3 && /^(.)\1*$/.test(letters) && /^\d?0*$/.test(n.replace(/\D/g, ''));
};

export const syntheticId = (v: string): boolean => {
  const n = v.toUpperCase().replace(/[\s-]+/g, '');
  return ID_TEST.has(n) || patternPlaceholder(n) || /^(\d)\1+$/.test(n) || /^(?:0123456789|1234567890|123456|1234567|12345678|123456789|987654321)$/.test(n) || /^(?:TEST|DUMMY|SAMPLE|XXX|FAKE)/.test(n) || /(?:^|[^A-Z])(?:TEST|DUMMY|FAKE|SAMPLE|EXAMPLE)(?:[^A-Z]|$)/.test(v.toUpperCase());
};

/** Dates used as "unknown" defaults in databases and epochs. */
export const syntheticDate = (v: string): boolean => /^(?:1900([-/.]?)0?1(?:\1)0?1|0?1([-/.])0?1\2(?:1900|1970)|1970([-/.]?)0?1(?:\3)0?1|9999([-/.]?)12\4?31|12[-/.]31[-/.]9999|0001-01-01)(?:[T ].*)?$/.test(v.trim());
