#!/usr/bin/env node
// Regenerates src/scanners/phi/data/names.json from @faker-js/faker's person name lists (MIT) plus
// the romanised supplement in names-supplement.json. Run: node bench/phi-corpus/extract-names.mjs
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
const out = {
  source: `@faker-js/faker ${fakerVersion} locales ${LOCALES.join(',')} (MIT) + names-supplement.json`,
  first: [...first].sort(),
  last: [...last].sort(),
};
writeFileSync(new URL('../../src/scanners/phi/data/names.json', import.meta.url), JSON.stringify(out) + '\n');
console.log(`first ${out.first.length}, last ${out.last.length}`);
