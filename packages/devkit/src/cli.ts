/**
 * The `digione-dev` command: parse flags, start the devkit, print where everything is, stop
 * cleanly on Ctrl+C.
 * @module
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DevkitError, exactOrigin, startDevkit, type Devkit, type DevkitOptions } from './server.js';
import { ONEROSTER_PATH } from './oneroster.js';

const HELP = `digione-dev: a local DigiOne platform for development and tests

Usage: digione-dev [options]

  --port N            portal port (http://localhost:N), default 4000; 0 picks a free port
  --plugin-port N     plugin origin port (http://127.0.0.1:N), default 4001; 0 picks a free port
  --seed S            seed of the generated city, default "digione"
  --scale [N]         a large city: N x (10,000 groups, 100,000 users); --scale alone = 1
  --plugin FILE       add a plugin manifest (repeatable); its folder is served on the plugin origin
  --redirect-uri URL  register another OIDC redirect URI (repeatable)
  --portal-origin O   a portal page you serve yourself, e.g. http://localhost:4512 (repeatable):
                      the example plugins accept it as their host; it may sign in and call the APIs
  --today YYYY-MM-DD  generate the data for another day (picks the school year)
  -h, --help          show this help
  -v, --version       show the version

Stop with Ctrl+C.`;

/** Run the CLI; resolves to the exit code once the devkit has stopped (or failed to start). */
export async function main(
  argv: string[],
  out: (s: string) => void = (s) => console.log(s),
): Promise<number> {
  let options: DevkitOptions;
  try {
    const parsed = parse(argv);
    if (parsed === 'help') {
      out(HELP);
      return 0;
    }
    if (parsed === 'version') {
      out(version());
      return 0;
    }
    options = parsed;
  } catch (e) {
    console.error(`digione-dev: ${(e as Error).message}\nRun digione-dev --help for the options.`);
    return 2;
  }
  let dk: Devkit;
  try {
    dk = await startDevkit({ ...options, log: (m) => console.warn(`digione-dev: ${m}`) });
  } catch (e) {
    if (e instanceof DevkitError) {
      console.error(`digione-dev: ${e.message}`);
      return 1;
    }
    throw e;
  }
  out(banner(dk));
  return new Promise<number>((done) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) {
        out('Forced stop.');
        process.exit(130);
      }
      stopping = true;
      out(`\n${signal === 'SIGINT' ? 'Ctrl+C' : signal}: stopping...`);
      void dk.close().then(() => {
        out('Stopped.');
        process.off('SIGINT', onInt);
        process.off('SIGTERM', onTerm);
        done(0);
      });
    };
    const onInt = () => stop('SIGINT');
    const onTerm = () => stop('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
  });
}

function parse(argv: string[]): DevkitOptions | 'help' | 'version' {
  // `--scale` may stand alone (= 1); its value may look like a negative number, which parseArgs
  // would take for a flag, so join it with "=" here and let the check below explain the problem
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = argv[i + 1];
    if (a !== '--scale') args.push(a);
    else if (next === undefined || /^-[a-z-]/i.test(next)) args.push('--scale=1');
    else {
      args.push(`--scale=${next}`);
      i++;
    }
  }
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      port: { type: 'string' },
      'plugin-port': { type: 'string' },
      seed: { type: 'string' },
      scale: { type: 'string' },
      plugin: { type: 'string', multiple: true },
      'redirect-uri': { type: 'string', multiple: true },
      'portal-origin': { type: 'string', multiple: true },
      today: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
  if (values.help) return 'help';
  if (values.version) return 'version';
  if (positionals.length) throw new Error(`unexpected argument "${positionals[0]}"`);
  const options: DevkitOptions = {};
  const port = (name: string, v: string | undefined) => {
    if (v === undefined) return undefined;
    if (!/^\d+$/.test(v) || Number(v) > 65535)
      throw new Error(`--${name} must be a port number 0-65535, got "${v}"`);
    return Number(v);
  };
  const p = port('port', values.port);
  if (p !== undefined) options.port = p;
  const pp = port('plugin-port', values['plugin-port']);
  if (pp !== undefined) options.pluginPort = pp;
  if (values.seed !== undefined) {
    if (!values.seed) throw new Error('--seed needs a value');
    options.seed = values.seed;
  }
  if (values.scale !== undefined) {
    const n = Number(values.scale);
    if (!/^\d+(\.\d+)?$/.test(values.scale) || n <= 0 || n > 10)
      throw new Error(`--scale must be a number above 0 and at most 10, got "${values.scale}"`);
    options.scale = n;
  }
  if (values.today !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.today) || Number.isNaN(Date.parse(values.today)))
      throw new Error(`--today must be a date YYYY-MM-DD, got "${values.today}"`);
    options.today = values.today;
  }
  if (values.plugin) options.plugins = values.plugin;
  if (values['redirect-uri']) {
    for (const u of values['redirect-uri'])
      if (!URL.canParse(u)) throw new Error(`--redirect-uri must be an absolute URL, got "${u}"`);
    options.redirectUris = values['redirect-uri'];
  }
  if (values['portal-origin']) {
    for (const o of values['portal-origin'])
      if (!exactOrigin(o))
        throw new Error(
          `--portal-origin must be an origin such as http://localhost:4512 (scheme, host and port; no path, no wildcard), got "${o}"`,
        );
    options.portalOrigins = values['portal-origin'];
  }
  return options;
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/** The start-up text: where everything is, who can sign in, how to stop. */
export function banner(dk: Devkit): string {
  const d = dk.data;
  const fmt = (n: number) => n.toLocaleString('en-US');
  const plugins = dk.plugins();
  const width = Math.max(...dk.users.map((u) => u.displayName.length));
  const lines = [
    '',
    'DigiOne devkit is running.',
    '',
    `  City portal    ${dk.portalUrl}/`,
    `  Vendor app     ${dk.portalUrl}/vendor-app/`,
    `  Plugins        ${dk.pluginUrl}/  (another site: cross-origin rules are real)`,
    `  OIDC issuer    ${dk.issuer}   client_id digione-portal, code + PKCE`,
    `  OneRoster 1.2  ${dk.portalUrl}${ONEROSTER_PATH}`,
    `  Platform API   ${dk.portalUrl}/api  (config: ${dk.portalUrl}/api/config)`,
    '',
    `  ${d.city.fi} (seed "${d.seed}"${d.scale ? `, scale ${d.scale}` : ''}, ${d.today}): ${fmt(d.orgs.length - 1)} schools, ${fmt(d.classes.length)} groups, ${fmt(d.users.length)} users`,
    '',
    '  Demo users (pick one on the sign-in page):',
    ...dk.users.map(
      (u) => `    ${u.displayName.padEnd(width)}  ${u.description.en}; ${u.schools.join(', ')}`,
    ),
    '',
    plugins.length
      ? `  Plugins registered: ${plugins.map((p) => p.id).join(', ')}`
      : '  No plugins registered yet (examples/plugins/*/manifest.json or --plugin FILE).',
    '',
    'Press Ctrl+C to stop.',
  ];
  return lines.join('\n');
}
