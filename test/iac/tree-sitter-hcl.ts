/**
 * Test oracle: the tree-sitter HCL grammar (WASM) converted to the same AST as our parser, so
 * hcl-parser.test.ts can compare the two on real Terraform. Dev dependency only.
 */
import { createRequire } from 'node:module';
import { Language, Parser, type Node } from 'web-tree-sitter';
import type { Expr, HclBody, HclParseResult } from '../../src/scanners/iac/terraform/hcl.js';

let parserPromise: Promise<Parser> | undefined;

/** The parser is created once per process; the WASM module is loaded from the installed package. */
export function hclParser(): Promise<Parser> {
  parserPromise ??= (async () => {
    await Parser.init();
    const require = createRequire(import.meta.url);
    const lang = await Language.load(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm'));
    const p = new Parser();
    p.setLanguage(lang);
    return p;
  })();
  return parserPromise;
}

export function parseHcl(parser: Parser, text: string): HclParseResult {
  const tree = parser.parse(text);
  if (!tree) return { body: { attrs: [], blocks: [] }, errors: [{ line: 1, message: 'HCL parser returned no tree' }] };
  try {
    const errors: HclParseResult['errors'] = [];
    if (tree.rootNode.hasError) collectErrors(tree.rootNode, errors);
    const bodyNode = tree.rootNode.namedChildren.find((c) => c?.type === 'body');
    return { body: bodyNode ? convertBody(bodyNode) : { attrs: [], blocks: [] }, errors };
  } finally {
    tree.delete();
  }
}

function collectErrors(n: Node, out: HclParseResult['errors']): void {
  if (out.length >= 5) return;
  if (n.isError || n.isMissing) {
    const line = n.startPosition.row + 1;
    const snippet = n.text.split('\n')[0]!.slice(0, 40);
    out.push({ line, message: n.isMissing ? `missing ${n.type}` : `unexpected ${JSON.stringify(snippet)}` });
    return;
  }
  for (const c of n.children) if (c && c.hasError) collectErrors(c, out);
}

const line = (n: Node) => n.startPosition.row + 1;
const named = (n: Node) => n.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');

function convertBody(n: Node): HclBody {
  const body: HclBody = { attrs: [], blocks: [] };
  for (const c of named(n)) {
    if (c.type === 'attribute') {
      const [id, ex] = named(c);
      if (id && ex) body.attrs.push({ name: id.text, expr: convertExpr(ex), line: line(c) });
    } else if (c.type === 'block') {
      const kids = named(c);
      const type = kids[0]?.text ?? '';
      const labels: string[] = [];
      let inner: HclBody = { attrs: [], blocks: [] };
      for (const k of kids.slice(1)) {
        if (k.type === 'string_lit') labels.push(stringLit(k));
        else if (k.type === 'identifier') labels.push(k.text);
        else if (k.type === 'body') inner = convertBody(k);
      }
      body.blocks.push({ type, labels, body: inner, line: line(c), endLine: c.endPosition.row + 1 });
    }
  }
  return body;
}

function stringLit(n: Node): string {
  return named(n)
    .filter((c) => c.type === 'template_literal')
    .map((c) => unescape(c.text))
    .join('');
}

function unescape(s: string): string {
  return s.replace(/\\(["\\nrt]|u[0-9a-fA-F]{4})|\$\$\{|%%\{/g, (m, g: string | undefined) => {
    if (m === '$${') return '${';
    if (m === '%%{') return '%{';
    if (!g) return m;
    if (g[0] === 'u') return String.fromCharCode(parseInt(g.slice(1), 16));
    return ({ n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' } as Record<string, string>)[g] ?? g;
  });
}

function raw(n: Node): Expr {
  return { k: 'raw', line: line(n), text: n.text };
}

function convertExpr(n: Node): Expr {
  const l = line(n);
  const text = n.text;
  switch (n.type) {
    case 'expression': {
      const kids = named(n);
      if (kids.length === 0) return raw(n);
      let cur = convertExpr(kids[0]!);
      for (const post of kids.slice(1)) cur = applyPostfix(cur, post);
      return cur;
    }
    case 'literal_value':
      return convertExpr(named(n)[0]!);
    case 'numeric_lit':
      return { k: 'lit', v: Number(text), line: l, text };
    case 'bool_lit':
      return { k: 'lit', v: text === 'true', line: l, text };
    case 'null_lit':
      return { k: 'lit', v: null, line: l, text };
    case 'string_lit':
      return { k: 'lit', v: stringLit(n), line: l, text };
    case 'template_expr':
      return convertExpr(named(n)[0]!);
    case 'quoted_template':
    case 'heredoc_template':
      return template(n, n.type === 'heredoc_template');
    case 'collection_value':
      return convertExpr(named(n)[0]!);
    case 'tuple':
      return { k: 'tuple', items: named(n).filter((c) => c.type === 'expression').map(convertExpr), line: l, text };
    case 'object': {
      const items = named(n)
        .filter((c) => c.type === 'object_elem')
        .map((e) => {
          const key = e.childForFieldName('key');
          const val = e.childForFieldName('val');
          return { key: key ? objectKey(key) : raw(e), val: val ? convertExpr(val) : raw(e), line: line(e) };
        });
      return { k: 'object', items, line: l, text };
    }
    case 'variable_expr':
      return { k: 'var', name: text, line: l, text };
    case 'function_call': {
      const kids = named(n);
      const argsNode = kids.find((c) => c.type === 'function_arguments');
      const args = argsNode ? named(argsNode).filter((c) => c.type === 'expression').map(convertExpr) : [];
      const expand = argsNode ? named(argsNode).some((c) => c.type === 'ellipsis') : false;
      return { k: 'call', name: kids[0]!.text, args, expand, line: l, text };
    }
    case 'conditional': {
      const [c, t, f] = named(n).map(convertExpr);
      return c && t && f ? { k: 'cond', c, t, f, line: l, text } : raw(n);
    }
    case 'operation':
      return convertExpr(named(n)[0]!);
    case 'binary_operation': {
      const kids = n.children.filter((c): c is Node => c !== null && c.type !== 'comment');
      const op = kids.find((c) => !c.isNamed)?.text ?? '';
      const operands = kids.filter((c) => c.isNamed);
      return operands.length === 2 ? { k: 'bin', op, l: convertExpr(operands[0]!), r: convertExpr(operands[1]!), line: l, text } : raw(n);
    }
    case 'unary_operation': {
      const op = n.children.find((c) => c && !c.isNamed)?.text ?? '';
      const e = named(n)[0];
      return e ? { k: 'un', op, e: convertExpr(e), line: l, text } : raw(n);
    }
    case 'for_expr':
      return forExpr(named(n)[0]!);
    default:
      return raw(n);
  }
}

/** `key = v` in an object: a bare identifier key is a string, not a variable reference. */
function objectKey(n: Node): Expr {
  const kids = named(n);
  if (n.type === 'expression' && kids.length === 1 && kids[0]!.type === 'variable_expr') {
    return { k: 'lit', v: kids[0]!.text, line: line(n), text: n.text };
  }
  return convertExpr(n);
}

function applyPostfix(obj: Expr, post: Node): Expr {
  const text = `${obj.text}${post.text}`;
  const l = obj.line;
  if (post.type === 'get_attr') return { k: 'attr', obj, name: named(post)[0]?.text ?? '', line: l, text };
  if (post.type === 'index') {
    const inner = named(post)[0];
    if (inner?.type === 'legacy_index') return { k: 'index', obj, idx: { k: 'lit', v: Number(inner.text.slice(1)), line: l, text: inner.text }, line: l, text };
    const ex = inner ? named(inner)[0] : undefined;
    return { k: 'index', obj, idx: ex ? convertExpr(ex) : { k: 'raw', line: l, text: post.text }, line: l, text };
  }
  if (post.type === 'splat') {
    const rest = named(named(post)[0] ?? post)
      .filter((c) => c.type === 'get_attr')
      .map((c) => named(c)[0]?.text ?? '');
    return { k: 'splat', obj, rest, line: l, text };
  }
  return { k: 'raw', line: l, text };
}

function template(n: Node, heredoc: boolean): Expr {
  const parts: Array<string | Expr> = [];
  let simple = true;
  for (const c of named(n)) {
    if (c.type === 'template_literal') parts.push(unescape(c.text));
    else if (c.type === 'template_interpolation') {
      const e = named(c).find((x) => x.type === 'expression');
      if (e) parts.push(convertExpr(e));
    } else if (c.type === 'template_directive') simple = false;
  }
  if (!simple) return { k: 'raw', line: line(n), text: n.text };
  let fixed = parts;
  if (heredoc) {
    const indented = /^<<-/.test(n.text);
    const s = parts.map((p) => (typeof p === 'string' ? p : '\u0000')).join('');
    if (indented) {
      const lines = s.split('\n');
      const ind = Math.min(...lines.filter((x) => x.trim()).map((x) => x.match(/^\s*/)![0].length));
      if (Number.isFinite(ind) && ind > 0) fixed = parts.map((p) => (typeof p === 'string' ? p.split('\n').map((x, i) => (i === 0 && p !== parts[0] ? x : x.slice(Math.min(ind, x.match(/^\s*/)![0].length)))).join('\n') : p));
    }
  }
  if (fixed.every((p) => typeof p === 'string')) return { k: 'lit', v: (fixed as string[]).join(''), line: line(n), text: n.text };
  return { k: 'tmpl', parts: fixed, line: line(n), text: n.text };
}

function forExpr(n: Node): Expr {
  const kids = named(n);
  const intro = kids.find((c) => c.type === 'for_intro');
  const condNode = kids.find((c) => c.type === 'for_cond');
  const exprs = kids.filter((c) => c.type === 'expression');
  if (!intro) return raw(n);
  const ids = named(intro).filter((c) => c.type === 'identifier').map((c) => c.text);
  const collNode = named(intro).find((c) => c.type === 'expression');
  if (!collNode || ids.length === 0) return raw(n);
  const object = n.type === 'for_object_expr';
  const condExpr = condNode ? named(condNode).find((c) => c.type === 'expression') : undefined;
  return {
    k: 'for',
    keyVar: ids.length > 1 ? ids[0] : undefined,
    valVar: ids[ids.length - 1]!,
    coll: convertExpr(collNode),
    keyExpr: object && exprs[0] ? convertExpr(exprs[0]) : undefined,
    valExpr: convertExpr(object ? exprs[1] ?? exprs[0]! : exprs[0]!),
    cond: condExpr ? convertExpr(condExpr) : undefined,
    object,
    group: kids.some((c) => c.type === 'ellipsis'),
    line: line(n),
    text: n.text,
  };
}
