import { build } from 'vite';
import zlib from 'node:zlib';
const out = await build({ logLevel: 'warn', build: { outDir: 'dist-bench/app', emptyOutDir: true } });
const o = (Array.isArray(out) ? out : [out])[0];
for (const c of o.output) if (c.type==='chunk' && c.isEntry) {
  console.log(c.fileName, c.code.length, zlib.gzipSync(c.code).length);
  const groups = {};
  for (const [id, m] of Object.entries(c.modules)) { const k = (id.match(/node_modules\/((@[^/]+\/)?[^/]+)/)?.[1]) ?? id.replace(process.cwd(),''); groups[k]=(groups[k]||0)+m.renderedLength; }
  console.log(Object.entries(groups).sort((a,b)=>b[1]-a[1]).slice(0,40));
  console.log(c.dynamicImports);
}
