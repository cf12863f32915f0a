import { parse as parseYaml } from 'yaml';
import { HipaaGateError } from '../../../core/errors.js';
import { LOCKFILE_NAMES } from './names.js';
import type { LockfileParser } from './types.js';
import { LineFinder, isObject } from './util.js';

/** pubspec.lock (Dart/Flutter): `packages:` name -> {dependency: "direct main"|"direct dev"|..., version}. */
export const parser: LockfileParser = {
  id: 'pubspec-lock',
  ecosystem: 'Pub',
  matches: LOCKFILE_NAMES['pubspec-lock'],
  parse(text, ctx) {
    let doc: unknown;
    try {
      doc = parseYaml(text);
    } catch (e) {
      throw new HipaaGateError('E_PARSE', `not valid YAML: ${(e as Error).message.split('\n')[0]}`, { file: ctx.path, line: (e as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line });
    }
    if (doc === null || doc === undefined) return [];
    if (!isObject(doc)) throw new HipaaGateError('E_PARSE', 'not a pubspec.lock mapping', { file: ctx.path, line: 1 });
    const lines = new LineFinder(text);
    const from = Math.max(lines.offsetOf('packages:'), 0);
    return Object.entries(isObject(doc.packages) ? doc.packages : {}).flatMap(([name, v]) => {
      if (!isObject(v)) return [];
      const kind = String(v.dependency ?? '');
      return [{ name, version: typeof v.version === 'string' ? v.version : '', line: lines.next(`  ${name}:`, from), direct: kind.startsWith('direct'), dev: kind === 'direct dev' }];
    });
  },
};
