// `npm start`: on a fresh clone, install what is missing, build, start the devkit (the local
// platform serving the city portal and the example plugins) and print the portal's URL.
import { spawn } from 'node:child_process';
import { ensureDependencies, run } from './ensure.mjs';

ensureDependencies();
if (run('node', ['scripts/build.mjs']) !== 0) {
  console.error('The build failed; see above.');
  process.exit(1);
}
const child = spawn(process.execPath, ['packages/devkit/bin/digione-dev.js', ...process.argv.slice(2)], { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
