/**
 * Dockerfiles via `dockerfile-ast` (the parser behind the Docker language server): continuation
 * lines, here-docs, escape directives and `ENV a=b c=d` forms are handled there. One resource per
 * file; `instructions` keeps every instruction with its line, `stages` each FROM with its image.
 */
import { DockerfileParser } from 'dockerfile-ast';
import { recordLine, type IacResource, type Json, type JsonObject } from '../model.js';

export { isDockerfilePath } from '../paths.js';

export function buildDockerfile(text: string, file: string): IacResource {
  const df = DockerfileParser.parse(text);
  const instructions: Json[] = [];
  const stages: Json[] = [];
  const lines: Record<string, number> = {};
  for (const ins of df.getInstructions()) {
    const cmd = ins.getKeyword().toUpperCase();
    const line = ins.getRange().start.line + 1;
    const entry: JsonObject = { cmd, value: ins.getArgumentsContent() ?? '', line, endLine: ins.getRange().end.line + 1 };
    if (cmd === 'ENV' || cmd === 'ARG' || cmd === 'LABEL') {
      const props = (ins as unknown as { getProperties?: () => Array<{ getName(): string; getValue(): string | null; getRange(): { start: { line: number } } }> }).getProperties?.() ?? [];
      entry.vars = props.map((p) => ({ name: p.getName(), value: p.getValue(), line: p.getRange().start.line + 1 }));
    }
    recordLine(lines, `instructions.${instructions.length}`, line);
    instructions.push(entry);
  }
  for (const f of df.getFROMs()) {
    stages.push({
      image: f.getImage() ?? '',
      name: f.getImageName() ?? '',
      tag: f.getImageTag() ?? null,
      digest: f.getImageDigest() ?? null,
      alias: f.getBuildStage() ?? null,
      line: f.getRange().start.line + 1,
    });
  }
  const allLines = instructions.map((i) => (i as JsonObject).line as number);
  return {
    platform: 'dockerfile',
    type: 'Dockerfile',
    name: file,
    address: file,
    file,
    line: allLines[0] ?? 1,
    endLine: Math.max(1, ...instructions.map((i) => (i as JsonObject).endLine as number)),
    attributes: { instructions, stages },
    lines,
    references: [],
    stack: `docker:${file}`,
  };
}
