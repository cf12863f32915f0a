/**
 * The character-level look must never say "no" to a line the SHAPES regex matches (a superset), or
 * the prefilter would drop lines it used to keep. Checked on hand-written shapes, on real text (the
 * repository's sources, the PHI fixtures, generated logs) and on random strings built from the
 * characters the shapes are made of.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeLogs, prng } from '../../../bench/cases/redact.mjs';
import { SHAPES } from './prefilter.js';
import { mayHaveShape } from './shape-hints.js';

const may = (line: string): boolean => mayHaveShape(line, 0, line.length);
const j = (...p: string[]): string => p.join('');

/** Lines where the regex matches and the look must say maybe, one per alternative and edge. */
const SHAPED = [
  j('ssn 219', '-09-', '9998'), j('x12345', '-67-8901'), j('(312) ', '555-2671'), j('312.', '555.2671'), j('call 312', ')-555-2671'),
  '+1 312', '+44(20', '+H123ABCDE', j('(01)', '00012345678905'), '12 Main St', '12B N. Oak', '4 S Elm', '1200 W Lake',
  j('1EG4', '-TE5-MK73'), j('1EG4', 'TE5MK73'), j('4111 ', '111111 11111'), j('4111-', '1111-1111'), '10.0.0.1', 'ip=192.168.10.254;',
  'Maria Gonzalez', 'Gonzalez, Maria', 'Zoë Müller', 'seen Élodie Durand', 'Łukasz Nowak', 'ok Åsa Ødegård', 'Antonín Dvořák', "O'Brien Smith", 'Mary J. Smith', 'Mary J Smith',
  'PID|||DOE^JANE', 'see https://x', 'http://a', 'data:image/png', j('AB', '1234567'), j('A9', '1234567'), 'Bob’s Diner',
];
/** Lines the regex does not match, which the look should also turn away (the common log shapes). */
const PLAIN = [
  '2024-03-11T08:00:00.123Z INFO  http GET /api/v1/appointments/123456 200 12ms req=12345678',
  'GET /health 200 3ms', 'v1.2.3 build 20240311', 'INFO ready on :8080', 'x = y + 1;', 'const total = a * 3600;',
];

describe('shape hints', () => {
  it.each(SHAPED)('says maybe where the regex matches: %s', (line) => {
    expect(SHAPES.test(line)).toBe(true);
    expect(may(line)).toBe(true);
  });

  it.each(PLAIN)('turns away ordinary log and code lines: %s', (line) => {
    expect(SHAPES.test(line)).toBe(false);
    expect(may(line)).toBe(false);
  });

  it('never says no to a line of real text the regex matches', () => {
    const root = resolve(__dirname, '..', '..', '..');
    const texts: string[] = [makeLogs(2 * 1024 * 1024, 3)];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        const st = statSync(p);
        if (st.isDirectory()) walk(p);
        else if (st.size < 2_000_000 && !/\.(png|jpe?g|dcm|gz|zip)$/i.test(name)) texts.push(readFileSync(p, 'utf8'));
      }
    };
    for (const d of ['src', 'test/fixtures', 'examples']) walk(join(root, d));
    let matched = 0;
    let maybes = 0;
    let lines = 0;
    for (const text of texts) {
      for (const line of text.split('\n')) {
        lines++;
        const hint = may(line);
        if (hint) maybes++;
        if (SHAPES.test(line)) {
          matched++;
          if (!hint) expect.fail(`the look missed a shaped line: ${JSON.stringify(line.slice(0, 200))}`);
        }
      }
    }
    // Real text was read, shapes were found, and the look turned most other lines away.
    expect(lines).toBeGreaterThan(50_000);
    expect(matched).toBeGreaterThan(1000);
    expect(maybes - matched).toBeLessThan((lines - matched) / 4);
  });

  it('never says no on random strings made of shape characters', () => {
    const r = prng(17);
    const alphabet = '0123456789012345678901234567890123456789      ..--()+^,\'’ABCNSEWHZ9abcmnopzßÀÉÞéÿ×ŁłŠřžſƀhtpsda:/\t';
    const words = ['http://', 'https://', 'data:image', '(01)', 'Main', 'St', 'N. ', 'Gonzalez', 'DOE^', '219-09-', '555-', '192.168.', '2024-03-11T08:00:', '1999-12-31 23:59:'];
    let matched = 0;
    for (let k = 0; k < 200_000; k++) {
      let line = '';
      const len = 1 + Math.floor(r() * 40);
      while (line.length < len) line += r() < 0.1 ? words[Math.floor(r() * words.length)] : alphabet[Math.floor(r() * alphabet.length)];
      if (!SHAPES.test(line)) continue;
      matched++;
      if (!may(line)) expect.fail(`the look missed a shaped line: ${JSON.stringify(line)}`);
    }
    expect(matched).toBeGreaterThan(10_000);
  });

  it('reads only inside the line it is given', () => {
    const text = 'GET /x 200\n12 Main St\nok';
    const s = text.indexOf('12');
    expect(mayHaveShape(text, 0, text.indexOf('\n'))).toBe(false);
    expect(mayHaveShape(text, s, text.indexOf('\n', s))).toBe(true);
  });
});
