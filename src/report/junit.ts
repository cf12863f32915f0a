import type { Category, Finding, ScanResult } from '../core/types.js';
import { CATEGORIES } from '../core/types.js';
import type { Reporter } from './types.js';

/**
 * JUnit XML (the strict Ant schema, which CI readers accept as a superset). One testsuite per
 * finding category with a failing testcase per blocking finding, a passing one per finding the
 * policy tolerates, a skipped one per suppressed finding; a `coverage` suite lists what was not
 * scanned (error, or skipped when expected such as binaries); a `policy` suite fails on gate reasons
 * that are not findings (expired waivers, --strict gaps).
 */

interface Case {
  name: string;
  classname: string;
  outcome?: { tag: 'failure' | 'error' | 'skipped'; message: string; type?: string; body?: string };
}

interface Suite {
  name: string;
  cases: Case[];
  properties?: Record<string, string>;
}

const CATEGORY_TITLE: Record<Category, string> = {
  secret: 'secrets',
  phi: 'phi',
  iac: 'infrastructure-as-code',
  deps: 'dependencies',
  imported: 'imported',
  scan: 'scan',
};

export function renderJunit(result: ScanResult): string {
  const blocking = new Set(result.gate.blocking);
  const suites: Suite[] = [];
  const categories = new Set<Category>([...result.rules.map((r) => r.category), ...result.findings.map((f) => f.category)]);
  for (const cat of CATEGORIES.filter((c) => categories.has(c))) {
    const list = result.findings.filter((f) => f.category === cat);
    const cases = list.map((f) => findingCase(f, blocking.has(f.fingerprint)));
    if (cases.length === 0) cases.push({ name: 'no findings', classname: `hipaa-gate.${cat}` });
    suites.push({ name: `hipaa-gate.${CATEGORY_TITLE[cat]}`, cases });
  }
  suites.push({
    name: 'hipaa-gate.coverage',
    cases: result.skipped.length
      ? result.skipped.map((s) => ({
          name: `${s.path}${s.line ? `:${s.line}` : ''}`,
          classname: `hipaa-gate.coverage.${s.reason}`,
          outcome: s.expected
            ? { tag: 'skipped' as const, message: `not scanned (${s.reason}): ${s.detail}` }
            : { tag: 'error' as const, type: s.reason, message: `not scanned (${s.reason}): ${s.detail}` },
        }))
      : [{ name: `${result.stats.filesScanned} files scanned`, classname: 'hipaa-gate.coverage' }],
  });
  suites.push({
    name: 'hipaa-gate.policy',
    properties: { summary: result.gate.summary, failOn: result.gate.failOn },
    cases: [
      ...result.gate.reasons.map((r, i) => ({ name: `gate reason ${i + 1}`, classname: 'hipaa-gate.policy', outcome: { tag: 'failure' as const, type: 'policy', message: r } })),
      { name: 'gate', classname: 'hipaa-gate.policy', ...(result.gate.passed ? {} : { outcome: { tag: 'failure' as const, type: 'gate', message: result.gate.summary } }) },
    ],
  });

  const timestamp = result.startedAt.replace(/\.\d+Z$|Z$/, '');
  const time = (result.stats.durationMs / 1000).toFixed(3);
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', '<testsuites>'];
  suites.forEach((s, id) => {
    const count = (tag: string) => s.cases.filter((c) => c.outcome?.tag === tag).length;
    out.push(
      `  <testsuite name="${attr(s.name)}" package="hipaa-gate" id="${id}" timestamp="${timestamp}" hostname="localhost" ` +
        `tests="${s.cases.length}" failures="${count('failure')}" errors="${count('error')}" skipped="${count('skipped')}" time="${id === 0 ? time : '0'}">`,
    );
    const props = { tool: `hipaa-gate ${result.tool.version}`, configDigest: result.configDigest, rulesetDigest: result.tool.rulesetDigest, ...s.properties };
    out.push('    <properties>');
    for (const [k, v] of Object.entries(props)) out.push(`      <property name="${attr(k)}" value="${attr(v)}"/>`);
    out.push('    </properties>');
    for (const c of s.cases) {
      const open = `    <testcase name="${attr(c.name)}" classname="${attr(c.classname)}" time="0"`;
      if (!c.outcome) {
        out.push(`${open}/>`);
        continue;
      }
      const o = c.outcome;
      const type = o.type !== undefined ? ` type="${attr(o.type)}"` : '';
      out.push(`${open}>`, `      <${o.tag} message="${attr(o.message)}"${type}>${text(o.body ?? '')}</${o.tag}>`, '    </testcase>');
    }
    out.push('    <system-out/>', '    <system-err/>', '  </testsuite>');
  });
  out.push('</testsuites>');
  return out.join('\n') + '\n';
}

function findingCase(f: Finding, blocks: boolean): Case {
  const l = f.location;
  const where = `${l.path}:${l.startLine}${l.commit ? ` @${l.commit.slice(0, 12)}` : ''}`;
  const c: Case = { name: `${where} ${f.ruleId}`, classname: `hipaa-gate.${f.category}.${f.ruleId}` };
  const detail = [
    `${f.severity.toUpperCase()} ${f.message}${f.excerpt ? `: ${f.excerpt}` : ''}`,
    `at ${where}:${l.startColumn}`,
    `HIPAA ${f.hipaa.join(', ')}`,
    `fix: ${f.remediation}`,
    `fingerprint: ${f.fingerprint}`,
  ].join('\n');
  if (f.suppression) {
    const s = f.suppression;
    c.outcome = { tag: 'skipped', message: `suppressed (${s.kind}${s.source ? ` ${s.source}` : ''}): ${s.reason ?? 'no reason given'}`, body: detail };
  } else if (blocks) {
    c.outcome = { tag: 'failure', type: f.ruleId, message: `${f.severity}: ${f.message}${f.excerpt ? ` (${f.excerpt})` : ''}`, body: detail };
  }
  return c;
}

// XML 1.0 cannot carry most control characters even escaped; they are replaced.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function text(s: string): string {
  return s.replace(INVALID_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(s: string): string {
  return text(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

export const reporter: Reporter = { format: 'junit', extension: 'xml', render: (result) => renderJunit(result) };
