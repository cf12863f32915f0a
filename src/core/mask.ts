/**
 * Masking. Only masked forms ever leave a scanner. Every output format, log line and error message
 * uses these helpers, so a raw secret or identifier cannot reach a report by accident.
 */

/**
 * Mask a secret: keep a short, non-sensitive prefix (provider prefixes such as `ghp_` or `AKIA`
 * identify the kind of token, not the token) and replace the rest. Never reveals more than a
 * quarter of the value, and never more than 4 characters.
 */
export function maskSecret(value: string): string {
  const len = [...value].length;
  if (len === 0) return '';
  const keep = Math.min(4, Math.floor(len / 4));
  const chars = [...value];
  const stars = Math.min(Math.max(len - keep, 3), 16);
  return chars.slice(0, keep).join('') + '*'.repeat(stars);
}

/**
 * Mask a value keeping its shape: letters and digits become `*`, separators stay. `visibleTail`
 * keeps the last N alphanumerics (e.g. the last 4 digits of an SSN), `visibleHead` the first N of
 * each word (names: `J*** G*******`).
 */
export function maskShape(value: string, opts: { visibleTail?: number; visibleHeadPerWord?: number } = {}): string {
  // `redact` masks every identifier in a log stream: plain ASCII takes a loop without per-character strings.
  if (ASCII_RE.test(value)) return maskShapeAscii(value, opts.visibleTail ?? 0, opts.visibleHeadPerWord ?? 0);
  const chars = [...value];
  const isAlnum = (c: string) => /[\p{L}\p{N}]/u.test(c);
  const alnumTotal = chars.filter(isAlnum).length;
  const tail = Math.min(opts.visibleTail ?? 0, Math.floor(alnumTotal / 2));
  let alnumSeen = 0;
  let posInWord = 0;
  return chars
    .map((c) => {
      if (!isAlnum(c)) {
        posInWord = 0;
        return c;
      }
      alnumSeen++;
      posInWord++;
      if (opts.visibleHeadPerWord && posInWord <= opts.visibleHeadPerWord && alnumTotal > 2) return c;
      if (alnumSeen > alnumTotal - tail) return c;
      return '*';
    })
    .join('');
}

export const ASCII_RE = /^[\x00-\x7f]*$/;
/** In ASCII, letters and digits (`\p{L}`, `\p{N}`) are exactly A-Z, a-z and 0-9. */
export const isAsciiAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** maskShape for ASCII values: the same rules, one character code at a time. */
function maskShapeAscii(value: string, visibleTail: number, headPerWord: number): string {
  let alnumTotal = 0;
  for (let i = 0; i < value.length; i++) if (isAsciiAlnum(value.charCodeAt(i))) alnumTotal++;
  const tail = Math.min(visibleTail, Math.floor(alnumTotal / 2));
  let alnumSeen = 0;
  let posInWord = 0;
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (!isAsciiAlnum(c)) {
      posInWord = 0;
      out += value[i];
      continue;
    }
    alnumSeen++;
    posInWord++;
    if ((headPerWord && posInWord <= headPerWord && alnumTotal > 2) || alnumSeen > alnumTotal - tail) out += value[i];
    else out += '*';
  }
  return out;
}

/** Replace every occurrence of the given raw values in free text (used on lines shown as context). */
export function maskIn(text: string, values: Iterable<string>, masker: (v: string) => string = maskSecret): string {
  let out = text;
  const sorted = [...values].filter((v) => v.length > 0).sort((a, b) => b.length - a.length);
  for (const v of sorted) out = out.split(v).join(masker(v));
  return out;
}
