// wtr plugin: `import data from './x.json'` in sources (as Vite and TypeScript allow) becomes a JS
// module in the test browser, while plain fetch('/x.json') still gets the JSON file.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const MARK = 'd1-json-module';

export function jsonModulesPlugin({ rootDir = process.cwd() } = {}) {
  return {
    name: 'd1-json-modules',
    transformImport({ source }) {
      if (/\.json$/.test(source)) return `${source}?${MARK}`;
      return undefined;
    },
    async serve(context) {
      if (!context.URL.searchParams.has(MARK)) return undefined;
      const file = join(rootDir, decodeURIComponent(context.path));
      const text = await readFile(file, 'utf8');
      JSON.parse(text); // fail loudly on broken JSON
      return { body: `export default ${text};`, type: 'js' };
    },
  };
}
