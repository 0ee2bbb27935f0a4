// Bundles the audit page (bpmn-js viewer included) into one folder of static files.
// Usage: node build.mjs [output folder]; Maven passes target/classes/static/audit.
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outdir = resolve(process.argv[2] ?? join(here, '../../../target/classes/static/audit'));

await mkdir(outdir, { recursive: true });
await build({
  entryPoints: [join(here, 'src/app.js')],
  bundle: true,
  minify: true,
  sourcemap: false,
  target: ['es2020'],
  format: 'iife',
  outfile: join(outdir, 'app.js'),
  loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file' },
  logLevel: 'info',
});
await copyFile(join(here, 'src/index.html'), join(outdir, 'index.html'));
console.log(`Audit page written to ${outdir}`);
