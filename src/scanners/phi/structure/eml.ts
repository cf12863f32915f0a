/**
 * RFC 5322 messages (.eml): address headers give labelled names and emails (`From: Maria Lopez
 * <m.lopez@mail.com>`); the body is left to the free-text pass. A file without a header block is
 * reported and scanned as text.
 */
import type { Field, Structure } from './types.js';

const ADDRESS_HEADERS = /^(from|to|cc|bcc|reply-to|sender|delivered-to|return-path)$/i;

export function emlFields(text: string): Structure {
  const fields: Field[] = [];
  const problems: Structure['problems'] = [];
  const headerEnd = text.search(/\r?\n\r?\n/);
  const head = headerEnd >= 0 ? text.slice(0, headerEnd) : text;
  if (!/^[\w-]+:[ \t]/.test(head)) {
    return { format: 'eml', fields, problems: [{ line: 1, detail: 'no RFC 5322 header block' }], clinical: false };
  }
  const lineRe = /^([\w-]+):[ \t]*(.*(?:\r?\n[ \t].*)*)/gm;
  let m: RegExpExecArray | null;
  let n = 0;
  while ((m = lineRe.exec(head)) !== null) {
    const name = m[1]!;
    if (!ADDRESS_HEADERS.test(name)) continue;
    const valueStart = m.index + m[0].length - m[2]!.length;
    const addrRe = /(?:"?([^",<>\r\n]+?)"?\s*)?<([^<>\s@]+@[^<>\s]+)>|([^\s,<>"]+@[^\s,<>"]+)/g;
    let a: RegExpExecArray | null;
    while ((a = addrRe.exec(m[2]!)) !== null) {
      n++;
      const base = valueStart + a.index;
      if (a[1]) {
        const nameStart = base + a[0].indexOf(a[1]);
        fields.push({ label: 'sender_name', start: nameStart, end: nameStart + a[1].trimEnd().length, record: `h${n}`, where: name });
      }
      const email = a[2] ?? a[3]!;
      const es = base + a[0].lastIndexOf(email);
      fields.push({ label: name.toLowerCase().replace(/-/g, '_'), start: es, end: es + email.length, record: `h${n}`, where: name });
    }
  }
  return { format: 'eml', fields, problems, clinical: false };
}
