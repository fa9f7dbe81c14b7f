import { build } from 'vite';
import { gzipSync } from 'node:zlib';
process.env.NODE_ENV='production';
const built:any = await build({ logLevel: 'silent', mode: 'production', build: { outDir: '/tmp/fl/dist', emptyOutDir: true } });
const outs = (Array.isArray(built)?built:[built]).flatMap((b:any)=>b.output);
for (const c of outs) if (c.type==='chunk' && /^(core)/.test(c.name)) {
  console.log(c.name, (gzipSync(c.code).length/1024).toFixed(1));
  const rows = Object.entries(c.modules).filter(([id]:any)=>!id.includes('node_modules')).map(([id,m]:any)=>[id.replace(/.*\/src\//,'src/'), m.renderedLength, gzipSync(m.code??'').length]).sort((a:any,b:any)=>b[2]-a[2]);
  for (const r of rows.slice(0,40)) console.log('  ', String(r[2]).padStart(6), String(r[1]).padStart(6), r[0]);
}
