/**
 * The HCL2 AST the Terraform evaluator works on: bodies of attributes and blocks, and expressions,
 * each with the 1-based line it starts on and its source text (kept for the unknown marker).
 * Produced by hcl-parser.ts.
 */
import type { Json } from '../model.js';

export type Expr =
  | { k: 'lit'; v: Json; line: number; text: string }
  | { k: 'tmpl'; parts: Array<string | Expr>; line: number; text: string }
  | { k: 'tuple'; items: Expr[]; line: number; text: string }
  | { k: 'object'; items: Array<{ key: Expr; val: Expr; line: number }>; line: number; text: string }
  | { k: 'var'; name: string; line: number; text: string }
  | { k: 'attr'; obj: Expr; name: string; line: number; text: string }
  | { k: 'index'; obj: Expr; idx: Expr; line: number; text: string }
  | { k: 'splat'; obj: Expr; rest: string[]; line: number; text: string }
  | { k: 'call'; name: string; args: Expr[]; expand: boolean; line: number; text: string }
  | { k: 'cond'; c: Expr; t: Expr; f: Expr; line: number; text: string }
  | { k: 'bin'; op: string; l: Expr; r: Expr; line: number; text: string }
  | { k: 'un'; op: string; e: Expr; line: number; text: string }
  | { k: 'for'; keyVar?: string; valVar: string; coll: Expr; keyExpr?: Expr; valExpr: Expr; cond?: Expr; object: boolean; group: boolean; line: number; text: string }
  | { k: 'raw'; line: number; text: string };

export interface HclAttribute {
  name: string;
  expr: Expr;
  line: number;
}

export interface HclBlock {
  type: string;
  labels: string[];
  body: HclBody;
  line: number;
  endLine: number;
}

export interface HclBody {
  attrs: HclAttribute[];
  blocks: HclBlock[];
}

export interface HclParseResult {
  body: HclBody;
  errors: Array<{ line: number; message: string }>;
}
