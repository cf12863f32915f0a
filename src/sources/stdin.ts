import type { Source } from './types.js';

/** Piped text (logs, a pasted diff) as one artifact. */
export async function* stdinSource(text: string, path = '<stdin>'): Source {
  yield { kind: 'artifact', artifact: { path, text, origin: { kind: 'stdin' }, size: Buffer.byteLength(text) } };
}

export async function readStdin(stream: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks));
}
