import type { Artifact, Confidence, Finding, RuleMeta, Severity } from './types.js';
import { LineIndex } from './lines.js';
import { sha256Hex } from './hash.js';
import { maskSecret } from './mask.js';

export interface MatchSpan {
  /** Character offsets into `artifact.text`, end exclusive. */
  start: number;
  end: number;
}

export interface LineSpan {
  /** 1-based line in `artifact.text` (fragment line when the artifact is a fragment). */
  line: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
}

export interface FindingInput {
  /** Where in the artifact. */
  span: MatchSpan | LineSpan;
  /**
   * The raw matched value. Used only to hash and mask here; it is not kept on the Finding.
   * For findings about configuration (IaC), pass a description of the offending setting.
   */
  value: string;
  /** Masked form; defaults to maskSecret(value). */
  masked?: string;
  message?: string;
  severity?: Severity;
  confidence?: Confidence;
  resource?: string;
  properties?: Record<string, unknown>;
}

/**
 * The one way scanners create findings: it resolves positions (including fragment line maps),
 * masks, hashes, and copies the rule's metadata. Fingerprints are assigned later by the engine,
 * which sees all findings of a file and can number repeated values.
 */
export function makeFinding(rule: RuleMeta, artifact: Artifact, input: FindingInput, index?: LineIndex): Finding {
  const { span } = input;
  let startLine: number;
  let startColumn: number;
  let endLine: number;
  let endColumn: number;
  if ('start' in span) {
    const idx = index ?? new LineIndex(artifact.text);
    const a = idx.position(span.start);
    const b = idx.position(Math.max(span.start, span.end));
    startLine = a.line;
    startColumn = a.column;
    endLine = b.line;
    endColumn = b.column;
  } else {
    startLine = span.line;
    startColumn = span.column ?? 1;
    endLine = span.endLine ?? span.line;
    endColumn = span.endColumn ?? startColumn;
  }
  const map = artifact.lineNumbers;
  if (map) {
    startLine = map[startLine - 1] ?? startLine;
    endLine = map[endLine - 1] ?? endLine;
  }
  const o = artifact.origin;
  return {
    ruleId: rule.id,
    category: rule.category,
    severity: input.severity ?? rule.severity,
    title: rule.title,
    message: input.message ?? rule.title,
    location: {
      path: artifact.path,
      startLine,
      startColumn,
      endLine,
      endColumn,
      ...(o.commit ? { commit: o.commit } : {}),
      ...(o.author ? { author: o.author } : {}),
      ...(o.date ? { date: o.date } : {}),
      ...(o.layer ? { layer: o.layer } : {}),
      ...(o.image ? { image: o.image } : {}),
      ...(input.resource ? { resource: input.resource } : {}),
    },
    excerpt: input.masked ?? maskSecret(input.value),
    valueHash: sha256Hex(input.value),
    fingerprint: '',
    hipaa: [...rule.hipaa],
    confidence: input.confidence ?? 'high',
    remediation: rule.remediation,
    ...(rule.helpUri ? { helpUri: rule.helpUri } : {}),
    ...(input.properties ? { properties: input.properties } : {}),
  };
}
