// Types for the redaction bench's log generator, which the redaction tests reuse.
export function prng(seed: number): () => number;
export const FIRST: readonly string[];
export const LAST: readonly string[];
export function makeLogs(bytes: number, seed?: number): string;
export function run(): Promise<unknown>;
