/**
 * Fuzzing `<d1-notification-tray>` with hostile notification text: any title, body, vendor name,
 * link or icon renders as text; no markup is created from it, no script runs, links only go to
 * http(s) or to a path on the portal's own site.
 */
import { expect } from '@open-wc/testing';
import type { Notification } from '@digione/context';
import '@digione/ui/define/d1-notification-tray.js';
import { fc, holds, nastyString, watchErrors } from './fuzz.js';

declare global {
  interface Window {
    __pwned?: number;
  }
}

const NOW = Date.parse('2025-03-12T08:00:00Z');
const text = fc.oneof(
  nastyString(),
  fc.record({ fi: nastyString(), sv: nastyString(), en: nastyString() }, { requiredKeys: ['en'] }),
);
const note = fc.record({
  title: text,
  body: fc.option(text, { nil: undefined }),
  vendorName: nastyString(),
  href: fc.option(fc.oneof(nastyString(), fc.webUrl()), { nil: undefined }),
  icon: fc.option(
    fc.oneof(
      nastyString(),
      fc.constantFrom('data:image/svg+xml,<svg onload="window.__pwned=1"/>', 'javascript:1'),
    ),
    { nil: undefined },
  ),
  severity: fc.oneof(fc.constantFrom('info', 'error'), nastyString()),
  minutesAgo: fc.nat(20_000),
});
const shown = (t: string | Record<string, string>) => (typeof t == 'string' ? t : (t.en ?? ''));

describe('fuzz: the notification tray renders hostile text as text', () => {
  it('any title, body, vendor, link and icon: text shows verbatim, no markup or script results', async () => {
    const errors = watchErrors();
    const wrap = document.createElement('div');
    wrap.lang = 'en';
    const tray = document.createElement('d1-notification-tray');
    tray.now = NOW;
    wrap.append(tray);
    document.body.append(wrap);
    let seq = 0;
    try {
      await holds(
        'tray(hostile text)',
        fc.asyncProperty(fc.array(note, { minLength: 1, maxLength: 4 }), async (notes) => {
          const list: Notification[] = notes.map((n, i) => ({
            id: `f${++seq}`,
            source: {
              pluginId: 'fi.example.hostile',
              vendorName: n.vendorName,
              ...(n.icon ? { icon: n.icon } : {}),
            },
            severity: n.severity as Notification['severity'],
            title: n.title as Notification['title'],
            ...(n.body !== undefined ? { body: n.body as Notification['title'] } : {}),
            ...(n.href !== undefined ? { link: { href: n.href } } : {}),
            // newest first in list order, so the tray's order (data-index) is ours
            createdAt: new Date(NOW - (notes[0]!.minutesAgo + i) * 60_000).toISOString(),
            containsPersonalData: true,
          }));
          tray.notifications = list;
          tray.open = true;
          await tray.updateComplete;
          const root = tray.shadowRoot!;
          const items = [...root.querySelectorAll<HTMLElement>('.item')];
          expect(items.length).to.equal(list.length);
          // markup from the text would show up as elements the template does not make
          expect(
            root.querySelectorAll('script, iframe, object, embed, svg [onload], [onerror], [onload]').length,
          ).to.equal(0);
          for (const item of items) {
            const n = list[Number(item.dataset.index)]!;
            expect(item.querySelector('.title')!.textContent).to.include(shown(n.title as never));
            if (n.body && shown(n.body as never))
              expect(item.querySelector('.body')!.textContent).to.equal(shown(n.body as never));
            expect(item.querySelector('.source')!.textContent).to.include(n.source.vendorName);
            for (const a of item.querySelectorAll('a')) {
              const u = new URL(a.getAttribute('href')!, location.href);
              expect(u.protocol === 'https:' || u.protocol === 'http:', a.getAttribute('href')!).to.equal(
                true,
              );
              if (!/^https?:/i.test(a.getAttribute('href')!))
                expect(u.origin, 'a path stays on this site').to.equal(location.origin);
            }
            for (const img of item.querySelectorAll('img'))
              expect(img.getAttribute('src')).to.match(/^(https?:|data:image\/|\/)/i);
          }
          expect(window.__pwned).to.equal(undefined);
        }),
        150,
      );
    } finally {
      wrap.remove();
      errors.stop();
    }
    // an <img src=x onerror> would only fail to load later: give it the chance
    await new Promise((r) => setTimeout(r, 50));
    expect(window.__pwned).to.equal(undefined);
    expect(errors.errors).to.deep.equal([]);
  });
});
