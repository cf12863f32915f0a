import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createRedactStream, pinoRedaction, redact, redactObject } from './index.js';

const j = (...p: string[]) => p.join('');
const SSN = j('219-0', '9-9998');

describe('redact', () => {
  it('masks identifiers in the issue formats and keeps everything else', () => {
    const out = redact(`Patient Maria Gonzalez DOB 03/04/1961 SSN ${SSN} email maria.gonzalez@gmail.com\nGET /health 200 12ms`);
    expect(out).toBe('Patient M**** G******* DOB **/**/1961 SSN ***-**-9998 email m****@****.com\nGET /health 200 12ms');
  });

  it('keeps line structure and leaves timestamps, versions and request ids alone', () => {
    const text = '2026-01-05T10:00:00.123Z INFO v1.2.3 req=9f3a2b\n\n{"time":1767261600020,"msg":"cache hit"}\r\n';
    expect(redact(text)).toBe(text);
  });

  it('masks documented test values too (redaction is not a gate)', () => {
    expect(redact('callback (312) 555-0142')).toBe('callback (***) ***-0142');
  });

  it('masks URL-encoded query values and keeps the query string encoded', () => {
    const text = 'GET /api/v2/patients?phone=%2B14158672301&name=Pieter%20van%20der%20Berg&first=Ana+Reyes HTTP/1.1\n';
    expect(redact(text)).toBe('GET /api/v2/patients?phone=%2B*******2301&name=P*****%20v**%20d**%20B***&first=A**%20R**** HTTP/1.1\n');
    // Outside a query string a plus is part of the value.
    expect(redact('patient phone=+13125552671\n')).toBe('patient phone=+*******2671\n');
  });

  it('masks names that start with a letter beyond ASCII on lines with no label word', () => {
    // The prefilter once required a `\b` before the capital: no boundary between a space and `É`.
    const text = 'seen Élodie Durand today for follow-up\ncalled Łukasz Nowak back\nÅsa Ødegård called\n';
    expect(redact(text)).toBe('seen É***** D***** today for follow-up\ncalled Ł***** N**** back\nÅ** Ø****** called\n');
  });

  it('honours kinds and minConfidence', () => {
    const text = `ssn ${SSN} phone (312) 555-2671`;
    expect(redact(text, { kinds: ['phone-number'] })).toBe(`ssn ${SSN} phone (***) ***-2671`);
    expect(redact('from 73.12.44.5', { minConfidence: 'high' })).toBe('from 73.12.44.5');
  });

  it('redactObject uses keys as labels', () => {
    const obj = { patient: { dob: '1961-03-04', mrn: 'A778812', ssn: 219099998 }, requestId: 'r-42', ms: 12 };
    expect(redactObject(obj)).toEqual({ patient: { dob: '1961-**-**', mrn: '*******', ssn: '*****9998' }, requestId: 'r-42', ms: 12 });
  });

  it('writes complete lines when a live pipe pauses, without waiting for a full batch', async () => {
    const s = createRedactStream();
    const seen: string[] = [];
    s.on('data', (c: Buffer | string) => seen.push(String(c)));
    s.write(`patient ssn=${SSN}\nstill typing`);
    // Nothing before the pause ...
    expect(seen).toEqual([]);
    await new Promise((r) => setTimeout(r, 200));
    // ... then the complete line, masked; the unfinished one waits for its newline.
    expect(seen.join('')).toBe('patient ssn=***-**-9998\n');
    const done = new Promise((r) => s.on('end', r));
    s.end(' and done\n');
    await done;
    expect(seen.join('')).toBe('patient ssn=***-**-9998\nstill typing and done\n');
  });

  it('streams line by line with bounded buffers', async () => {
    const lines = Array.from({ length: 5000 }, (_, i) => (i % 100 === 0 ? `patient ssn=${SSN} #${i}` : `row ${i} ok`));
    const input = `${lines.join('\n')}\n`;
    const chunks: string[] = [];
    const s = createRedactStream();
    s.on('data', (c: Buffer | string) => chunks.push(String(c)));
    const done = new Promise((r) => s.on('end', r));
    // Split mid-line and mid-character to exercise the decoder and the line cut.
    const buf = Buffer.from(input);
    for (let i = 0; i < buf.length; i += 4093) s.write(buf.subarray(i, i + 4093));
    s.end();
    await done;
    const out = chunks.join('');
    expect(out.split('\n').length).toBe(input.split('\n').length);
    expect(out).not.toContain(SSN);
    expect(out.split('\n')[100]).toBe('patient ssn=***-**-9998 #100');
  });
});

describe('pino integration', () => {
  it('masks merged objects and the message', async () => {
    const lines: string[] = [];
    const dest = new Writable({ write(c, _e, cb) { lines.push(String(c)); cb(); } });
    const log = pino({ ...pinoRedaction(), base: undefined, timestamp: false }, dest);
    log.info({ patient: { dob: '1961-03-04', email: 'maria.g@gmail.com' } }, `seen Maria Gonzalez ssn ${SSN}`);
    await new Promise((r) => setImmediate(r));
    const rec = JSON.parse(lines[0]!) as { msg: string; patient: { dob: string; email: string } };
    expect(rec.patient).toEqual({ dob: '1961-**-**', email: 'm****@****.com' });
    expect(rec.msg).toBe('seen M**** G******* ssn ***-**-9998');
  });
});
