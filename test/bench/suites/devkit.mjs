// Devkit at --scale 1 (10,000 groups, ~100,000 users): OneRoster classes of a teacher, and the
// first page of the district administrator's 10,000 groups, in requests/s with autocannon.
// autocannon runs in a child process so it does not share the devkit's event loop; loopback only,
// bounded duration.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { startDevkit } from '@digione/devkit';
import { signIn } from '../../../packages/devkit/test/helpers.mjs';

const require = createRequire(import.meta.url);
const AUTOCANNON = require.resolve('autocannon/autocannon.js');
const ONEROSTER = '/ims/oneroster/rostering/v1p2';

function autocannon(url, token, { connections = 10, duration = 5 } = {}) {
  return new Promise((resolve, reject) => {
    const args = [
      AUTOCANNON,
      '-j',
      '-c',
      String(connections),
      '-d',
      String(duration),
      '-H',
      `authorization=Bearer ${token}`,
      url,
    ];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => child.kill(), (duration + 30) * 1000);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`autocannon exited ${code}: ${err.slice(0, 300)}`));
      try {
        resolve(JSON.parse(out));
      } catch (e) {
        reject(e);
      }
    });
  });
}

export async function devkit({ log, quick }) {
  const t0 = performance.now();
  const dk = await startDevkit({ port: 0, pluginPort: 0, scale: 1, today: '2026-11-28', log: () => {} });
  const startMs = performance.now() - t0;
  try {
    const groups = dk.data.classes.length;
    const users = dk.data.users.length;
    log(`  devkit at scale 1: ${groups} groups, ${users} users, started in ${(startMs / 1000).toFixed(1)} s`);
    const who = (key) => dk.users.find((u) => u.key === key);
    const rows = [];
    const targets = [
      {
        key: 'teacher',
        path: (id) => `${ONEROSTER}/teachers/${id}/classes`,
        label: 'OneRoster classes of a teacher',
      },
      {
        key: 'admin',
        path: (id) => `${ONEROSTER}/users/${id}/classes?limit=100`,
        label: "first 100 of the district administrator's classes",
      },
    ];
    for (const t of targets) {
      const user = who(t.key);
      if (!user) throw new Error(`no demo user "${t.key}" at scale 1`);
      const { tokens } = await signIn(dk, t.key);
      const url = `${dk.portalUrl}${t.path(user.id)}`;
      const res = await fetch(url, { headers: { authorization: `Bearer ${tokens.access_token}` } });
      if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
      const body = await res.json();
      const count = body.classes?.length;
      const total = res.headers.get('x-total-count');
      const r = await autocannon(url, tokens.access_token, { duration: quick ? 1 : 5 });
      if (r.non2xx || r.errors) throw new Error(`autocannon: ${r.non2xx} non-2xx, ${r.errors} errors`);
      log(
        `  ${t.key}: ${count} classes (total ${total}), ${r.requests.average} req/s, latency p50 ${r.latency.p50} ms, p97.5 ${r.latency.p97_5} ms`,
      );
      rows.push({
        group: 'devkit',
        name: `devkit --scale 1 (${groups.toLocaleString('en-US')} groups): ${t.label} (${count} per response)`,
        unit: 'req/s',
        better: 'higher',
        ours: { median: r.requests.average, p95: r.requests.p2_5, n: r.duration },
        note: `autocannon ${r.connections} connections, ${r.duration} s, loopback; latency p50 ${r.latency.p50} ms, p97.5 ${r.latency.p97_5} ms; ${(r.throughput.average / 1024 / 1024).toFixed(1)} MB/s; median is the mean of per-second counts, tail the 2.5th percentile`,
      });
    }
    rows.push({
      group: 'devkit',
      name: `devkit --scale 1: start (generate ${groups.toLocaleString('en-US')} groups, ${users.toLocaleString('en-US')} users)`,
      unit: 'ms',
      better: 'lower',
      ours: { median: startMs, n: 1 },
    });
    return rows;
  } finally {
    await dk.close();
  }
}
