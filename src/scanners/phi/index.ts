/**
 * The `phi` scanner: the 18 Safe Harbor identifiers of 164.514(b)(2) in code, data files, logs,
 * images and DICOM. Pure per artifact (runs in worker threads). See docs/phi.md.
 */
import type { Artifact, Finding, RuleMeta } from '../../core/types.js';
import { LineIndex } from '../../core/lines.js';
import { makeFinding } from '../../core/finding.js';
import type { FileScanner, ScannerContext } from '../types.js';
import { CODE_EXT_RE } from './code.js';
import { clinicalSignal, detect, worthScanning } from './detect.js';
import { BY_KIND, RECOGNIZERS } from './recognizers/index.js';
import { DICOM_EXT_RE, facePhotoPathScore, IMAGE_EXT_RE } from './recognizers/face-photo.js';
import { personRegister, readStructure } from './structure/index.js';
import { dicomDetections, isDicom } from './structure/dicom.js';
import { hipaaTransaction } from './structure/x12.js';
import { looksLikeNcpdp } from './structure/ncpdp.js';
import { PROVIDER_KINDS, staffFile } from './staff-file.js';
import { CONFIDENCE_FLOOR, scoreToConfidence, type Detection, type TextClass } from './types.js';

/** Never PHI-bearing or too costly for what they hold: lockfiles, minified bundles, source maps, binaries. */
const SKIP_RE =
  /(?:^|\/)(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb|Cargo\.lock|go\.sum|poetry\.lock|Pipfile\.lock|composer\.lock|Gemfile\.lock)$|\.(?:min\.js|min\.css|map|lock|svg|woff2?|ttf|otf|eot|ico|zip|gz|tgz|bz2|xz|7z|jar|war|class|o|a|so|dylib|dll|exe|bin|wasm|pdf|mp[34]|mov|avi|wav|flac|ogg|psd|sketch|pyc|node|snap)$/i;

export { staffFile } from './staff-file.js';

export function textClassOf(path: string): TextClass {
  if (/\.log$|(?:^|\/)(?:<stdin>|-)$/i.test(path)) return 'log';
  return CODE_EXT_RE.test(path) ? 'code' : 'data';
}

export interface PhiOptions {
  min_confidence?: 'low' | 'medium' | 'high';
  disable_rules?: string[];
  test_values?: 'ignore' | 'report';
}

const rules = (): RuleMeta[] => RECOGNIZERS.map((r) => r.meta);

export const scanner: FileScanner = {
  kind: 'file',
  name: 'phi',
  category: 'phi',
  rules: (options) => {
    const off = new Set((options as PhiOptions | undefined)?.disable_rules ?? []);
    return rules().filter((r) => !off.has(r.id));
  },
  appliesTo: (path) => !SKIP_RE.test(path),
  wantsBytes: (path) => IMAGE_EXT_RE.test(path) || DICOM_EXT_RE.test(path),
  // No init: the name lists (~30 ms to load) load on the first name check, which most files never reach.
  scan(artifact: Artifact, ctx: ScannerContext): Finding[] {
    const opts = ctx.options as PhiOptions;
    const nowYear = new Date(ctx.now).getUTCFullYear();
    let detections: Detection[];
    const bytes = artifact.bytes;
    if (bytes && (DICOM_EXT_RE.test(artifact.path) || isDicom(bytes))) {
      const r = dicomDetections(bytes, nowYear);
      if (r.problem) ctx.problem({ path: artifact.path, reason: 'parse-error', detail: r.problem });
      detections = r.detections;
    } else if (IMAGE_EXT_RE.test(artifact.path)) {
      const score = facePhotoPathScore(artifact.path);
      detections = score > 0 ? [{ kind: 'face-photo', start: -1, end: -1, value: artifact.path, score, record: 'file', synthetic: false, where: 'image file in a patient or face folder' }] : [];
    } else {
      if (!artifact.text) return [];
      // HL7 v2 files, X12 files of a HIPAA transaction set (837 claims, 835 remittances, 834 enrolment, 270-278 eligibility and
      // authorisations) by name or by their ST segment, and NCPDP D.0 pharmacy claims hold patients by definition.
      const pathSignal = /\.(?:hl7|hl7v2|er7|837[pi]?|835|834|27[0-8])$/i.test(artifact.path) || hipaaTransaction(artifact.text) || looksLikeNcpdp(artifact.text);
      const gate = pathSignal || worthScanning(artifact.text) || clinicalSignal('', artifact.path);
      const worded = gate && (pathSignal || clinicalSignal(artifact.text, artifact.path));
      // A fixed-width register of names and birth dates has no words to give it away (`OCAMPO  GUADALUPE  19270618`);
      // a file with a clinical word has its fixed-width records read by readStructure anyway.
      const register = worded ? undefined : personRegister(artifact.path, artifact.text, nowYear);
      if (!gate && !register) return [];
      const textClass = textClassOf(artifact.path);
      const signal = worded || register !== undefined;
      let structure;
      try {
        // Structure only matters for files about patients (and costs a full parse).
        if (signal) structure = register ?? readStructure(artifact.path, artifact.text, nowYear);
      } catch (e) {
        ctx.problem({ path: artifact.path, reason: 'parse-error', detail: `could not read the file's structure: ${(e as Error).message}` });
      }
      for (const p of structure?.problems ?? []) {
        ctx.problem({ path: artifact.path, reason: 'parse-error', detail: `${p.detail}; scanned as text`, ...(p.line ? { line: p.line } : {}) });
      }
      detections = detect(artifact.text, { path: artifact.path, textClass, nowYear, fields: structure?.fields, clinical: structure?.clinical, signal });
    }
    if (staffFile(artifact.path, artifact.text)) detections = detections.filter((d) => PROVIDER_KINDS.has(d.kind));
    return toFindings(artifact, detections, opts);
  },
};

export function toFindings(artifact: Artifact, detections: Detection[], opts: PhiOptions): Finding[] {
  const floor = CONFIDENCE_FLOOR[opts.min_confidence ?? 'medium'];
  const off = new Set(opts.disable_rules ?? []);
  const reportTest = opts.test_values === 'report';
  let index: LineIndex | undefined;
  const out: Finding[] = [];
  for (const d of detections) {
    if (d.score < floor || (d.synthetic && !reportTest)) continue;
    const r = BY_KIND.get(d.kind)!;
    if (off.has(r.meta.id)) continue;
    if (!index && artifact.text) index = new LineIndex(artifact.text);
    const where = d.where ?? (d.label ? `"${d.label}"` : undefined);
    out.push(
      makeFinding(
        r.meta,
        artifact,
        {
          span: d.start >= 0 ? { start: d.start, end: d.end } : { line: 1, column: 1 },
          value: d.value,
          masked: r.mask(d.value),
          message: `${r.meta.title}${where ? ` (${where})` : ''}${d.synthetic ? ' - a documented test value' : ''}`,
          confidence: scoreToConfidence(d.score),
          properties: { kind: d.kind, score: Math.round(d.score * 100) / 100, ...(d.synthetic ? { testValue: true } : {}) },
        },
        index,
      ),
    );
  }
  return out;
}
