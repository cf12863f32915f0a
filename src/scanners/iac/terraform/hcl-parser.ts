/**
 * HCL2 native syntax -> the AST in hcl.ts, with the line of every block, attribute and expression.
 * A hand-written recursive-descent (Pratt) parser following HashiCorp's HCL native syntax
 * specification: bodies, one-line and nested blocks, all operators with their precedence,
 * conditionals, for expressions, splats, legacy index, quoted templates with interpolation and
 * strip markers, heredocs (`<<EOT` and `<<-EOT`), comments. Template directives (`%{if}`,
 * `%{for}`) are parsed for their extent and evaluate to unknown.
 *
 * Why not the tree-sitter grammar via WASM: measured at ~300 KB/s here, it made parsing the bulk
 * of an IaC scan; this parser does tens of MB/s and is checked against it (hcl-parser.test.ts).
 * A syntax error is reported with its line, and parsing resumes at the next top-level line.
 */
import type { Expr, HclAttribute, HclBlock, HclBody, HclParseResult } from './hcl.js';

class HclSyntaxError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

const ID_START = /[A-Za-z_]/;
const ID_CHAR = /[A-Za-z0-9_-]/;
const BINARY: Record<string, number> = { '||': 1, '&&': 2, '==': 3, '!=': 3, '<': 4, '>': 4, '<=': 4, '>=': 4, '+': 5, '-': 5, '*': 6, '/': 6, '%': 6 };
const MAX_DEPTH = 200;

export function parseHclFast(src: string): HclParseResult {
  return new Parser(src).parseFile();
}

class Parser {
  private i = 0;
  private depth = 0;
  private readonly lineStarts: number[] = [0];
  private readonly errors: HclParseResult['errors'] = [];

  constructor(private readonly s: string) {
    for (let k = s.indexOf('\n'); k !== -1; k = s.indexOf('\n', k + 1)) this.lineStarts.push(k + 1);
  }

  private line(off: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= off) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  private fail(msg: string, off = this.i): never {
    throw new HclSyntaxError(off, msg);
  }

  /** Skip spaces and comments; newlines too when `nl`. Returns true if a newline was crossed. */
  private ws(nl: boolean): boolean {
    const s = this.s;
    let crossed = false;
    while (this.i < s.length) {
      const c = s[this.i]!;
      if (c === ' ' || c === '\t' || c === '\r' || c === '\uFEFF') this.i++;
      else if (c === '\n') {
        if (!nl) return crossed;
        crossed = true;
        this.i++;
      } else if (c === '#' || (c === '/' && s[this.i + 1] === '/')) {
        const e = s.indexOf('\n', this.i);
        this.i = e === -1 ? s.length : e;
      } else if (c === '/' && s[this.i + 1] === '*') {
        const e = s.indexOf('*/', this.i + 2);
        if (e === -1) this.fail('unterminated /* comment');
        for (let k = this.i; k < e; k++) if (s[k] === '\n') crossed = true;
        if (crossed && !nl) {
          this.i = e + 2;
          return true;
        }
        this.i = e + 2;
      } else return crossed;
    }
    return crossed;
  }

  private peek(str: string): boolean {
    return this.s.startsWith(str, this.i);
  }

  private expect(str: string, nl = true): void {
    this.ws(nl);
    if (!this.peek(str)) this.fail(`expected "${str}" but found ${this.describe()}`);
    this.i += str.length;
  }

  private describe(): string {
    if (this.i >= this.s.length) return 'end of file';
    return JSON.stringify(this.s.slice(this.i, this.i + 12).split('\n')[0]);
  }

  private ident(): string {
    const s = this.s;
    const start = this.i;
    if (!ID_START.test(s[this.i] ?? '')) this.fail(`expected a name but found ${this.describe()}`);
    this.i++;
    while (this.i < s.length && ID_CHAR.test(s[this.i]!)) this.i++;
    return s.slice(start, this.i);
  }

  parseFile(): HclParseResult {
    const body: HclBody = { attrs: [], blocks: [] };
    for (;;) {
      try {
        this.bodyItems(body, true);
        break;
      } catch (e) {
        if (!(e instanceof HclSyntaxError)) throw e;
        this.errors.push({ line: this.line(Math.min(e.offset, this.s.length)), message: e.message });
        if (this.errors.length >= 20) break;
        // Resume at the next line that starts a top-level item.
        let k = this.s.indexOf('\n', Math.max(e.offset, this.i));
        while (k !== -1 && !/^[A-Za-z_]/.test(this.s.slice(k + 1, k + 2))) k = this.s.indexOf('\n', k + 1);
        if (k === -1) break;
        this.i = k + 1;
        this.depth = 0;
      }
    }
    return { body, errors: this.errors };
  }

  /** Items until `}` (nested) or end of file (top). */
  private bodyItems(body: HclBody, top: boolean): void {
    for (;;) {
      this.ws(true);
      if (this.i >= this.s.length) {
        if (!top) this.fail('missing "}" at end of file');
        return;
      }
      if (this.s[this.i] === '}') {
        if (top) this.fail('unexpected "}"');
        return;
      }
      this.item(body);
    }
  }

  private item(body: HclBody): void {
    const start = this.i;
    const name = this.ident();
    this.ws(false);
    const c = this.s[this.i];
    if (c === '=' && this.s[this.i + 1] !== '=') {
      this.i++;
      const expr = this.expr(false);
      body.attrs.push({ name, expr, line: this.line(start) } satisfies HclAttribute);
      this.endOfItem();
      return;
    }
    const labels: string[] = [];
    for (;;) {
      this.ws(false);
      const ch = this.s[this.i];
      if (ch === '"') {
        const t = this.template('"');
        if (t.k !== 'lit' || typeof t.v !== 'string') this.fail('block labels cannot contain interpolation', start);
        labels.push(t.v as string);
      } else if (ch && ID_START.test(ch)) labels.push(this.ident());
      else break;
    }
    this.expect('{', false);
    const inner: HclBody = { attrs: [], blocks: [] };
    // One-line block: `name { a = 1 }`.
    this.ws(false);
    if (this.i < this.s.length && this.s[this.i] !== '\n' && this.s[this.i] !== '}') this.item(inner);
    this.bodyItems(inner, false);
    this.i++; // }
    body.blocks.push({ type: name, labels, body: inner, line: this.line(start), endLine: this.line(this.i - 1) } satisfies HclBlock);
    this.endOfItem();
  }

  private endOfItem(): void {
    this.ws(false);
    const c = this.s[this.i];
    if (c === undefined || c === '\n' || c === '}') return;
    if (c === ';') {
      this.i++;
      return;
    }
    this.fail(`expected a new line but found ${this.describe()}`);
  }

  private text(start: number): string {
    return this.s.slice(start, this.i).trim();
  }

  /** Expression. `nl`: newlines are insignificant (inside brackets/parens/interpolation). */
  expr(nl: boolean): Expr {
    if (++this.depth > MAX_DEPTH) this.fail('expression nested too deeply');
    try {
      this.ws(nl);
      const start = this.i;
      const cond = this.binary(0, nl);
      const save = this.i;
      this.ws(nl);
      if (this.s[this.i] === '?') {
        this.i++;
        const t = this.expr(true);
        this.expect(':', true);
        const f = this.expr(nl);
        return { k: 'cond', c: cond, t, f, line: this.line(start), text: this.text(start) };
      }
      this.i = save;
      return cond;
    } finally {
      this.depth--;
    }
  }

  private binary(minPrec: number, nl: boolean): Expr {
    const start = this.i;
    let left = this.unary(nl);
    for (;;) {
      const save = this.i;
      this.ws(nl);
      const two = this.s.slice(this.i, this.i + 2);
      const op = BINARY[two] !== undefined ? two : BINARY[this.s[this.i] ?? ''] !== undefined ? this.s[this.i]! : undefined;
      // `=>` in for expressions and `=` are not operators; `/*` starts a comment (handled by ws).
      if (!op || two === '=>' || (op === '<' && this.s[this.i + 1] === '<') || BINARY[op]! <= minPrec) {
        this.i = save;
        return left;
      }
      this.i += op.length;
      const right = this.binary(BINARY[op]!, nl);
      left = { k: 'bin', op, l: left, r: right, line: this.line(start), text: this.text(start) };
    }
  }

  private unary(nl: boolean): Expr {
    this.ws(nl);
    const start = this.i;
    const c = this.s[this.i];
    if (c === '!' || c === '-') {
      this.i++;
      const e = this.unary(nl);
      if (c === '-' && e.k === 'lit' && typeof e.v === 'number') return { ...e, v: -e.v, text: this.text(start) };
      return { k: 'un', op: c, e, line: this.line(start), text: this.text(start) };
    }
    return this.postfix(this.primary(nl), start, nl);
  }

  private postfix(e: Expr, start: number, nl: boolean): Expr {
    let cur = e;
    for (;;) {
      const save = this.i;
      // Traversals may continue on the next line only inside brackets.
      this.ws(nl);
      const c = this.s[this.i];
      if (c === '.' && !this.peek('...')) {
        this.i++;
        if (this.s[this.i] === '*') {
          this.i++;
          cur = this.splatRest(cur, start);
        } else if (/[0-9]/.test(this.s[this.i] ?? '')) {
          const ns = this.i;
          while (/[0-9]/.test(this.s[this.i] ?? '')) this.i++;
          const idx: Expr = { k: 'lit', v: Number(this.s.slice(ns, this.i)), line: this.line(ns), text: this.s.slice(ns, this.i) };
          cur = { k: 'index', obj: cur, idx, line: this.line(start), text: this.text(start) };
        } else {
          const name = this.ident();
          cur = { k: 'attr', obj: cur, name, line: this.line(start), text: this.text(start) };
        }
      } else if (c === '[') {
        this.i++;
        this.ws(true);
        if (this.s[this.i] === '*') {
          this.i++;
          this.expect(']', true);
          cur = this.splatRest(cur, start);
        } else {
          const idx = this.expr(true);
          this.expect(']', true);
          cur = { k: 'index', obj: cur, idx, line: this.line(start), text: this.text(start) };
        }
      } else {
        this.i = save;
        return cur;
      }
    }
  }

  private splatRest(obj: Expr, start: number): Expr {
    const rest: string[] = [];
    while (this.s[this.i] === '.' && ID_START.test(this.s[this.i + 1] ?? '')) {
      this.i++;
      rest.push(this.ident());
    }
    return { k: 'splat', obj, rest, line: this.line(start), text: this.text(start) };
  }

  private primary(nl: boolean): Expr {
    void nl;
    const s = this.s;
    const start = this.i;
    const c = s[this.i];
    const l = this.line(start);
    if (c === undefined) this.fail('expected an expression but found end of file');
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(s[this.i + 1] ?? ''))) {
      const m = /^[0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?/.exec(s.slice(this.i, this.i + 64))!;
      this.i += m[0].length;
      return { k: 'lit', v: Number(m[0]), line: l, text: m[0] };
    }
    if (c === '"') return this.template('"');
    if (c === '<' && s[this.i + 1] === '<') return this.heredoc();
    if (c === '(') {
      this.i++;
      const e = this.expr(true);
      this.expect(')', true);
      return { ...e, text: this.text(start) };
    }
    if (c === '[') return this.tupleOrFor(start);
    if (c === '{') return this.objectOrFor(start);
    if (ID_START.test(c)) {
      const name = this.ident();
      if (name === 'true' || name === 'false') return { k: 'lit', v: name === 'true', line: l, text: name };
      if (name === 'null') return { k: 'lit', v: null, line: l, text: name };
      const save = this.i;
      this.ws(false);
      if (s[this.i] === ':' && s[this.i + 1] === ':' && /^provider$/.test(name)) {
        // provider::name::fn(...)
        while (s[this.i] === ':' && s[this.i + 1] === ':') {
          this.i += 2;
          this.ident();
        }
      }
      if (s[this.i] === '(') {
        this.i++;
        const args: Expr[] = [];
        let expand = false;
        this.ws(true);
        while (s[this.i] !== ')') {
          args.push(this.expr(true));
          this.ws(true);
          if (this.peek('...')) {
            expand = true;
            this.i += 3;
            this.ws(true);
          }
          if (s[this.i] === ',') {
            this.i++;
            this.ws(true);
          } else if (s[this.i] !== ')') this.fail(`expected "," or ")" in call to ${name} but found ${this.describe()}`);
        }
        this.i++;
        const fn = this.s.slice(start, this.s.indexOf('(', start)).replace(/\s+/g, '');
        return { k: 'call', name: fn, args, expand, line: l, text: this.text(start) };
      }
      this.i = save;
      return { k: 'var', name, line: l, text: name };
    }
    this.fail(`expected an expression but found ${this.describe()}`);
  }

  private isFor(): boolean {
    const save = this.i;
    this.ws(true);
    const m = /^for\b/.test(this.s.slice(this.i, this.i + 4)) && /\s/.test(this.s[this.i + 3] ?? '');
    this.i = save;
    return m;
  }

  private forIntro(): { keyVar?: string; valVar: string; coll: Expr } {
    this.ws(true);
    this.i += 3;
    this.ws(true);
    const a = this.ident();
    this.ws(true);
    let keyVar: string | undefined;
    let valVar = a;
    if (this.s[this.i] === ',') {
      this.i++;
      this.ws(true);
      keyVar = a;
      valVar = this.ident();
    }
    this.ws(true);
    if (!this.peek('in') || ID_CHAR.test(this.s[this.i + 2] ?? '')) this.fail('expected "in" in for expression');
    this.i += 2;
    const coll = this.expr(true);
    this.expect(':', true);
    return { keyVar, valVar, coll };
  }

  private forCond(): Expr | undefined {
    this.ws(true);
    if (this.peek('if') && !ID_CHAR.test(this.s[this.i + 2] ?? '')) {
      this.i += 2;
      return this.expr(true);
    }
    return undefined;
  }

  private tupleOrFor(start: number): Expr {
    this.i++;
    if (this.isFor()) {
      const intro = this.forIntro();
      const valExpr = this.expr(true);
      const cond = this.forCond();
      this.expect(']', true);
      return { k: 'for', ...intro, valExpr, ...(cond ? { cond } : {}), object: false, group: false, line: this.line(start), text: this.text(start) };
    }
    const items: Expr[] = [];
    for (;;) {
      this.ws(true);
      if (this.s[this.i] === ']') break;
      items.push(this.expr(true));
      this.ws(true);
      if (this.s[this.i] === ',') this.i++;
      else if (this.s[this.i] !== ']') this.fail(`expected "," or "]" but found ${this.describe()}`);
    }
    this.i++;
    return { k: 'tuple', items, line: this.line(start), text: this.text(start) };
  }

  private objectOrFor(start: number): Expr {
    this.i++;
    if (this.isFor()) {
      const intro = this.forIntro();
      const keyExpr = this.expr(true);
      this.expect('=>', true);
      const valExpr = this.expr(true);
      this.ws(true);
      let group = false;
      if (this.peek('...')) {
        group = true;
        this.i += 3;
      }
      const cond = this.forCond();
      this.expect('}', true);
      return { k: 'for', ...intro, keyExpr, valExpr, ...(cond ? { cond } : {}), object: true, group, line: this.line(start), text: this.text(start) };
    }
    const items: Array<{ key: Expr; val: Expr; line: number }> = [];
    for (;;) {
      this.ws(true);
      if (this.s[this.i] === '}') break;
      const ks = this.i;
      let key: Expr;
      // A bare name key is a string; `(expr)` or a template is evaluated.
      if (ID_START.test(this.s[this.i] ?? '')) {
        const save = this.i;
        const name = this.ident();
        this.ws(false);
        if (this.s[this.i] === '=' || this.s[this.i] === ':') key = { k: 'lit', v: name, line: this.line(ks), text: name };
        else {
          this.i = save;
          key = this.expr(true);
        }
      } else key = this.expr(true);
      this.ws(false);
      if ((this.s[this.i] === '=' && this.s[this.i + 1] !== '=') || this.s[this.i] === ':') this.i++;
      else this.fail(`expected "=" or ":" after object key but found ${this.describe()}`);
      const val = this.expr(true);
      items.push({ key, val, line: this.line(ks) });
      this.ws(true);
      if (this.s[this.i] === ',') this.i++;
    }
    this.i++;
    return { k: 'object', items, line: this.line(start), text: this.text(start) };
  }

  /** Quoted template starting at `"`. */
  private template(quote: '"'): Expr {
    const start = this.i;
    this.i++;
    const parts: Array<string | Expr> = [];
    let lit = '';
    let directive = false;
    const s = this.s;
    for (;;) {
      const c = s[this.i];
      if (c === undefined || c === '\n') this.fail('unterminated string', start);
      if (c === quote) {
        this.i++;
        break;
      }
      if (c === '\\') {
        const n = s[this.i + 1];
        const map: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };
        if (n === 'u' || n === 'U') {
          const len = n === 'u' ? 4 : 8;
          lit += String.fromCodePoint(parseInt(s.slice(this.i + 2, this.i + 2 + len), 16) || 0xfffd);
          this.i += 2 + len;
        } else {
          lit += map[n ?? ''] ?? n ?? '';
          this.i += 2;
        }
        continue;
      }
      if ((c === '$' || c === '%') && s[this.i + 1] === c && s[this.i + 2] === '{') {
        lit += `${c}{`;
        this.i += 3;
        continue;
      }
      if ((c === '$' || c === '%') && s[this.i + 1] === '{') {
        if (lit) parts.push(lit);
        lit = '';
        this.i += 2;
        if (s[this.i] === '~') this.i++;
        if (c === '%') {
          directive = true;
          this.skipDirective();
          continue;
        }
        parts.push(this.expr(true));
        this.ws(true);
        if (s[this.i] === '~') this.i++;
        if (s[this.i] !== '}') this.fail(`expected "}" to close the interpolation but found ${this.describe()}`);
        this.i++;
        continue;
      }
      lit += c;
      this.i++;
    }
    if (lit) parts.push(lit);
    return this.templateExpr(parts, start, directive);
  }

  private skipDirective(): void {
    // `%{ if x }` ... the body is consumed by the enclosing template loop; only skip to this `}`.
    let depth = 1;
    while (this.i < this.s.length && depth > 0) {
      const c = this.s[this.i]!;
      if (c === '{') depth++;
      else if (c === '}') depth--;
      else if (c === '"') {
        this.template('"');
        continue;
      }
      this.i++;
    }
  }

  private templateExpr(parts: Array<string | Expr>, start: number, directive: boolean): Expr {
    const l = this.line(start);
    const text = this.text(start);
    if (directive) return { k: 'raw', line: l, text };
    if (parts.length === 0) return { k: 'lit', v: '', line: l, text };
    if (parts.every((p) => typeof p === 'string')) return { k: 'lit', v: (parts as string[]).join(''), line: l, text };
    return { k: 'tmpl', parts, line: l, text };
  }

  private heredoc(): Expr {
    const start = this.i;
    const m = /^<<(-?)([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/.exec(this.s.slice(this.i, this.i + 200));
    if (!m) this.fail('invalid heredoc start');
    const indent = m[1] === '-';
    const id = m[2]!;
    let p = this.i + m[0].length;
    const bodyStart = p;
    let bodyEnd = -1;
    while (p <= this.s.length) {
      let e = this.s.indexOf('\n', p);
      if (e === -1) e = this.s.length;
      if (this.s.slice(p, e).trim() === id) {
        bodyEnd = p;
        this.i = e;
        break;
      }
      if (e === this.s.length) break;
      p = e + 1;
    }
    if (bodyEnd < 0) this.fail(`heredoc ${id} is not closed`, start);
    let raw = this.s.slice(bodyStart, bodyEnd);
    if (indent) {
      const lines = raw.split('\n');
      const ind = Math.min(...lines.filter((x) => x.trim()).map((x) => /^[ \t]*/.exec(x)![0].length));
      if (Number.isFinite(ind) && ind > 0) raw = lines.map((x) => x.slice(Math.min(ind, /^[ \t]*/.exec(x)![0].length))).join('\n');
    }
    const l = this.line(start);
    const text = this.s.slice(start, this.i);
    if (!raw.includes('${') && !raw.includes('%{')) return { k: 'lit', v: raw.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{'), line: l, text };
    // Interpolations: parse the (de-indented) body as a template of its own.
    const sub = new Parser(raw);
    const parts: Array<string | Expr> = [];
    let lit = '';
    let directive = false;
    const rs = sub.s;
    while (sub.i < rs.length) {
      const c = rs[sub.i]!;
      if ((c === '$' || c === '%') && rs[sub.i + 1] === c && rs[sub.i + 2] === '{') {
        lit += `${c}{`;
        sub.i += 3;
      } else if ((c === '$' || c === '%') && rs[sub.i + 1] === '{') {
        if (lit) parts.push(lit);
        lit = '';
        sub.i += 2;
        if (rs[sub.i] === '~') sub.i++;
        if (c === '%') {
          directive = true;
          sub.skipDirective();
          continue;
        }
        try {
          const e = sub.expr(true);
          sub.ws(true);
          if (rs[sub.i] === '~') sub.i++;
          sub.i++;
          parts.push({ ...e, line: l });
        } catch {
          return { k: 'raw', line: l, text };
        }
      } else {
        lit += c;
        sub.i++;
      }
    }
    if (lit) parts.push(lit);
    if (directive) return { k: 'raw', line: l, text };
    return { k: 'tmpl', parts, line: l, text };
  }
}
