/**
 * Code versus data: in source code only string literals and comments hold data. `patientName` or
 * `dob: Date` are identifiers and types, never PHI; `"Maria Lopez"` in a fixture is. A small lexer
 * returns the literal and comment spans; it is deliberately forgiving (an unterminated quote ends
 * at the line end) because it only narrows where the recognizers look.
 */

export const CODE_EXT_RE = /\.(?:[cm]?[jt]sx?|py|pyi|rb|java|kt|kts|scala|go|rs|cs|fs|swift|php|c|cc|cpp|cxx|h|hpp|m|mm|dart|lua|pl|pm|r|jl|ex|exs|erl|clj|groovy|gradle|vue|svelte|sh|bash|zsh|ps1|tf|hcl)$/i;

type Family = 'c' | 'hash' | 'py';
const familyOf = (path: string): Family => {
  if (/\.(?:py|pyi)$/i.test(path)) return 'py';
  if (/\.(?:rb|sh|bash|zsh|pl|pm|r|ex|exs|ps1|jl)$/i.test(path)) return 'hash';
  return 'c';
};

/** Sorted, non-overlapping [start, end) spans of string literals and comments. */
export function codeSpans(text: string, path: string): number[] {
  const fam = familyOf(path);
  const out: number[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    // Fast skip over the common characters that start nothing.
    if (c !== 34 && c !== 39 && c !== 96 && c !== 47 && c !== 35) {
      i++;
      continue;
    }
    if (c === 47 && fam === 'c' && text.charCodeAt(i + 1) === 47) {
      const e = text.indexOf('\n', i);
      const end = e === -1 ? n : e;
      out.push(i, end);
      i = end;
    } else if (c === 47 && fam === 'c' && text.charCodeAt(i + 1) === 42) {
      const e = text.indexOf('*/', i + 2);
      const end = e === -1 ? n : e + 2;
      out.push(i, end);
      i = end;
    } else if (c === 35 && fam !== 'c') {
      const e = text.indexOf('\n', i);
      const end = e === -1 ? n : e;
      out.push(i, end);
      i = end;
    } else if (c === 35) {
      i++;
    } else if (c === 47) {
      i++;
    } else {
      const q = text[i]!;
      const triple = fam === 'py' && text.startsWith(q.repeat(3), i);
      if (triple) {
        const e = text.indexOf(q.repeat(3), i + 3);
        const end = e === -1 ? n : e + 3;
        out.push(i, end);
        i = end;
        continue;
      }
      let j = i + 1;
      const multiline = c === 96;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === 92) j += 2;
        else if (d === c) break;
        else if (d === 10 && !multiline) break;
        else j++;
      }
      const end = Math.min(n, j + 1);
      out.push(i, end);
      i = end;
    }
  }
  return out;
}

/** Is `offset` inside one of the spans? (binary search over the flat [s0, e0, s1, e1, ...] list) */
export function inSpans(spans: number[], offset: number): boolean {
  let lo = 0;
  let hi = spans.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid * 2]!;
    const e = spans[mid * 2 + 1]!;
    if (offset < s) hi = mid - 1;
    else if (offset >= e) lo = mid + 1;
    else return true;
  }
  return false;
}
