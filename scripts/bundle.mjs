// Bundle the CLI (dist/cli/main.js) and its worker thread into a few ES modules, after tsc has laid
// out dist/. Loading ~200 small modules (and the CommonJS files of yaml, commander, packageurl-js)
// one by one cost about a third of a pre-commit run; a bundle is a handful of files. Dynamic imports
// stay dynamic (code splitting), so commands, scanners and report formats still load only when used.
//
// The tsc output stays in place: it is the library entry (dist/index.js with its .d.ts), and the
// bundled code finds its data files in it. Every output here sits in dist/cli/, one level below
// dist/, and each module's `import.meta.url` is rewritten to the URL its own tsc output has, so a
// path resolved against it (data/names.json, controls.json, package.json, createRequire) is the
// same file it was before bundling.
import { build } from 'esbuild';
import { readFile, rm } from 'node:fs/promises';
import { chmodSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const src = join(root, 'src');
const outdir = join(root, 'dist', 'cli');

// Native code, or packages that read files next to their own modules at run time.
// @cyclonedx/cyclonedx-library probes optional packages (xmlbuilder2, libxmljs2) with require().
const EXTERNAL = ['better-sqlite3', 're2-wasm', 'dicom-parser', '@cyclonedx/cyclonedx-library'];
// Modules whose import.meta.url must stay the bundle's own: the pool starts ./worker.js beside it.
const OWN_URL = new Set(['engine/pool.ts', 'redact/pool.ts']);

/** Rewrite `import.meta.url` in our sources to the module's tsc output URL (see above). */
const keepModuleUrls = {
  name: 'keep-module-urls',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const rel = relative(src, args.path).split('\\').join('/');
      let code = await readFile(args.path, 'utf8');
      if (!rel.startsWith('..') && !OWN_URL.has(rel) && code.includes('import.meta.url')) {
        const target = JSON.stringify(`../${rel.replace(/\.ts$/, '.js')}`);
        code = code.replaceAll('import.meta.url', `new URL(${target}, import.meta.url).href`);
      }
      return { contents: code, loader: 'ts' };
    });
  },
};

// Old chunks from a previous build would otherwise pile up beside the new ones.
for (const f of readdirSync(outdir)) if (/^[\w-]+-[A-Z0-9]{8}\.js(\.map)?$/.test(f)) await rm(join(outdir, f));

const result = await build({
  absWorkingDir: root,
  entryPoints: { main: 'src/cli/main.ts', worker: 'src/engine/worker.ts', 'redact-worker': 'src/redact/redact-worker.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: '[name]-[hash]',
  external: EXTERNAL,
  // CommonJS dependencies inside an ES module bundle still call require() for Node built-ins.
  banner: { js: "import { createRequire as __hgCreateRequire } from 'node:module'; const require = __hgCreateRequire(import.meta.url);" },
  sourcemap: true,
  // Licence comments of bundled dependencies stay with the code (MIT and ISC ask for the notice).
  legalComments: 'eof',
  logLevel: 'warning',
  plugins: [keepModuleUrls],
  metafile: !!process.env.HG_METAFILE,
});
// esbuild writes files 0644; the bin (`npx hipaa-gate`, git hooks) must be executable.
chmodSync(join(outdir, 'main.js'), 0o755);

// HG_METAFILE=out.json writes esbuild's metafile: which sources went into which chunk, and their sizes.
if (process.env.HG_METAFILE) writeFileSync(process.env.HG_METAFILE, JSON.stringify(result.metafile));
