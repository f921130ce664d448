// Where the bytes of a bundle come from: attributes every minified byte to its source file through
// the bundle's source map and prints the largest, with an estimate of each one's min+gzip share
// (proportional to its minified bytes; gzip is not additive, so treat it as a guide).
// Usage: node scripts/size-map.mjs [dist/cdn/digione.js] [--group] [--top N]
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer } from 'source-map-js';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a)) ?? 'dist/cdn/digione.js';
const group = args.includes('--group');
const top = Number(args[args.indexOf('--top') + 1]) || 60;
const code = readFileSync(file, 'utf8');
const consumer = new SourceMapConsumer(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
const lineStart = [0];
for (let i = 0; i < code.length; i++) if (code[i] === '\n') lineStart.push(i + 1);

const mappings = [];
consumer.eachMapping((m) => mappings.push(m), null, SourceMapConsumer.GENERATED_ORDER);
const bytes = new Map();
mappings.forEach((m, i) => {
  const next = mappings[i + 1];
  const start = lineStart[m.generatedLine - 1] + m.generatedColumn;
  const end = next ? lineStart[next.generatedLine - 1] + next.generatedColumn : code.length;
  let src = (m.source ?? '?').replace(/.*node_modules\//, 'npm:').replace(/.*packages\//, '');
  if (group)
    src = src
      .split('/')
      .slice(0, src.startsWith('npm:@') ? 2 : 1)
      .join('/')
      .replace(/\/dist$/, '');
  bytes.set(src, (bytes.get(src) ?? 0) + end - start);
});
const gz = gzipSync(code, { level: 9 }).length;
const kb = (n) => (n / 1024).toFixed(2).padStart(7);
console.log(`${file}: ${kb(code.length)} KB min, ${kb(gz)} KB min+gzip`);
for (const [src, n] of [...bytes].sort((a, b) => b[1] - a[1]).slice(0, top))
  console.log(`${kb(n)} KB min  ~${kb((n / code.length) * gz)} KB gz  ${src}`);
