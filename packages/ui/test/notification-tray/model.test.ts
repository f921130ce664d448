import { expect } from '@open-wc/testing';
import {
  applyLimits,
  helsinkiDay,
  newestFirst,
  safeHref,
  toRows,
} from '../../src/notification-tray/model.js';
import { many, note } from './fixtures.js';

describe('notification tray model', () => {
  it('orders newest first, ties by id', () => {
    const a = note({ id: 'a', minutesAgo: 10 });
    const b = note({ id: 'b', minutesAgo: 1 });
    const c = note({ id: 'c', minutesAgo: 10 });
    expect(newestFirst([c, a, b]).map((n) => n.id)).to.deep.equal(['b', 'a', 'c']);
  });

  it('groups by the Helsinki calendar day, not UTC', () => {
    // 22.30 UTC on 11 March is 00.30 on 12 March in Helsinki
    expect(helsinkiDay(Date.parse('2025-03-11T22:30:00Z'))).to.equal('2025-03-12');
    expect(helsinkiDay(Date.parse('2025-03-11T21:30:00Z'))).to.equal('2025-03-11');
    const rows = toRows([
      note({ id: 'x', createdAt: '2025-03-11T22:30:00Z' }),
      note({ id: 'y', createdAt: '2025-03-11T21:30:00Z' }),
      note({ id: 'z', createdAt: '2025-03-11T08:00:00Z' }),
    ]);
    expect(rows.map((r) => (r.kind === 'day' ? r.day : r.n.id))).to.deep.equal([
      '2025-03-12',
      'x',
      '2025-03-11',
      'y',
      'z',
    ]);
  });

  it('caps per source first, then in total, and reports what it hid', () => {
    const list = newestFirst([
      ...many(30, 1),
      ...many(5, 1).map((n, i) => ({
        ...n,
        id: `q${i}`,
        source: { pluginId: 'quiet', vendorName: 'Hiljainen' },
      })),
    ]);
    const { kept, report } = applyLimits(list, { max: 12, perSource: 10 });
    expect(kept.length).to.equal(12);
    // the quiet source survives although the noisy one posted more recently
    expect(kept.filter((n) => n.source.pluginId === 'quiet').length).to.equal(5);
    expect(report.total).to.equal(35);
    expect(report.cappedSources).to.deep.equal([
      { pluginId: 'fi.example.p0', name: 'Palvelu 0', hidden: 20 },
    ]);
  });

  it('allows only http(s) and same-site paths as link targets', () => {
    expect(safeHref('https://kalenteri.example.fi/x?a=1')).to.equal('https://kalenteri.example.fi/x?a=1');
    expect(safeHref('/plugins/fi.example.kalenteri/x')).to.equal('/plugins/fi.example.kalenteri/x');
    for (const bad of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,<script>',
      '//evil.example',
      '/\\evil',
      // URL parsing drops tabs and newlines: these would be "//evil.example", another site
      '/\t/evil.example',
      '/\n/evil.example',
      'vbscript:x',
      'relative/path',
    ]) {
      expect(safeHref(bad), bad).to.equal(undefined);
    }
  });
});
