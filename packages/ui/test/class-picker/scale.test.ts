/**
 * `<d1-class-picker>` at 10,000 groups: only a window of options exists in the DOM, every key
 * still reaches every option, filtering is right, and a keystroke stays within budget.
 *
 * Keystroke script time is measured in the page: from the input event (a capturing listener, the
 * first to run) until the task's microtasks have drained (a 200-deep microtask chain queued
 * behind the picker's: the Lit update and the virtualizer's render of the new rows both run as
 * microtasks of that task). Rendering (style, layout, paint) is not script time; "to end of task"
 * (a MessageChannel message, which Chromium may run after a rendering update) is printed too.
 * Budget (DESIGN.md): script p95 <= 4 ms on these machines. The machine running the tests is
 * shared (load 6-13 on 2 cores seen): the sequence runs three times on fresh pickers and each
 * key's fastest run counts; the test asserts p95 < 16 ms (one frame, the issue's budget) and
 * prints p50/p95 against the 4 ms target, which `npm run bench` judges.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { D1ClassPicker } from '../../src/index.js';
import { fold } from '../../src/class-picker/search.js';
import { manyGroups, orgs, sessions } from './fixtures.js';
import {
  activeOption,
  clearPickerMemory,
  expectActive,
  parts,
  press,
  renderedOptions,
  typeInto,
} from './harness.js';
import { waitFor } from '../../../../test/helpers/wait.js';

const N = 10000;
const groups = manyGroups(N);

async function mount(): Promise<D1ClassPicker> {
  clearPickerMemory();
  const wrap = await fixture<HTMLDivElement>(
    html`<div lang="fi">
      <d1-class-picker .groups=${groups} .organizations=${orgs} .sessions=${sessions}></d1-class-picker>
    </div>`,
  );
  const picker = wrap.querySelector('d1-class-picker')!;
  await picker.updateComplete;
  return picker;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

describe('<d1-class-picker> with 10,000 groups', function () {
  this.timeout(60000);

  it('renders only a window of options; End reaches the last one through the virtualizer', async () => {
    const picker = await mount();
    const { input } = parts(picker);
    input.focus();
    // open time in the page: key down to aria-activedescendant pointing at a rendered option
    let down = 0;
    input.addEventListener('keydown', () => (down = performance.now()), { capture: true, once: true });
    const opened = new Promise<number>((resolve) => {
      const mo = new MutationObserver(() => {
        if (activeOption(picker)) {
          mo.disconnect();
          resolve(performance.now() - down);
        }
      });
      mo.observe(input, { attributes: true, attributeFilter: ['aria-activedescendant'] });
    });
    await press('ArrowDown');
    const openMs = await opened;
    await expectActive(picker, /.+/);
    console.log(
      `[class-picker bench] open at ${N} groups (key down to active option rendered): ${openMs.toFixed(1)} ms`,
    );
    expect(picker.resultCount).to.equal(N);
    const rendered = renderedOptions(picker).length;
    console.log(`[class-picker bench] options in the DOM: ${rendered} of ${N}`);
    expect(rendered).to.be.greaterThan(5).and.lessThan(100);
    // End: the last option is far outside the window; it is scrolled in, then referenced
    await press('End');
    const last = await waitFor(() => {
      const el = activeOption(picker);
      return el?.getAttribute('aria-posinset') === String(N) ? el : null;
    }, 'last option active');
    expect(last.getAttribute('aria-setsize')).to.equal(String(N));
    expect(renderedOptions(picker).length).to.be.lessThan(100);
    // the reference never dangles: whenever it is set, the element exists
    await press('Home');
    await expectActive(picker, /.+/);
    expect(activeOption(picker)!.getAttribute('aria-posinset')).to.equal('1');
    await press('PageDown');
    await waitFor(() => activeOption(picker)?.getAttribute('aria-posinset') === '11', 'page down by ten');
  });

  it('filters right: the count equals a plain scan, and positions run 1..n', async () => {
    const picker = await mount();
    await typeInto(picker, 'kemia 9');
    const expected = groups.filter((g) => {
      const key = fold([g.title, g.code ?? '', ...(g.subjects ?? [])].join('\u0001'));
      return key.includes('kemia') && key.includes('9');
    }).length;
    await waitFor(() => picker.resultCount === expected, `count ${expected}`);
    expect(expected).to.be.greaterThan(100);
    await waitFor(() => renderedOptions(picker).length > 0, 'rows');
    const first = renderedOptions(picker)[0]!;
    expect(first.getAttribute('aria-posinset')).to.equal('1');
    expect(first.getAttribute('aria-setsize')).to.equal(String(expected));
  });

  it('keystroke time stays within budget (p50/p95 printed)', async function () {
    this.timeout(120000);
    const RUNS = 3;
    // the same keys on a fresh picker each run (no cached answers); per key the fastest run counts,
    // which filters out moments when the shared machine ran something else
    const runs: Array<{ script: number[]; task: number[]; queries: string[] }> = [];
    for (let run = 0; run < RUNS; run++) runs.push(await typeSequence(await mount()));
    const keys = runs[0]!.script.length;
    const best = (pick: (r: (typeof runs)[number]) => number[]) =>
      Array.from({ length: keys }, (_, i) => Math.min(...runs.map((r) => pick(r)[i] ?? Infinity)));
    const script = best((r) => r.script);
    const task = best((r) => r.task);
    const queries = runs[0]!.queries;
    const p50 = percentile(script, 50);
    const p95 = percentile(script, 95);
    console.log(
      `[class-picker bench] keystroke script at ${N} groups: p50 ${p50.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, max ${Math.max(...script).toFixed(2)} ms (${keys} keys, best of ${RUNS} runs; budget p95 <= 4 ms)`,
    );
    console.log(
      `[class-picker bench] keystroke to end of task (may include a rendering update): p50 ${percentile(task, 50).toFixed(2)} ms, p95 ${percentile(task, 95).toFixed(2)} ms`,
    );
    const slow = script.map((t, i) => [t, queries[i]] as const).filter(([t]) => t > 4);
    if (slow.length)
      console.log(
        `[class-picker bench] keys over 4 ms: ${slow.map(([t, q]) => `"${q}" ${t.toFixed(1)}`).join(', ')}`,
      );
    expect(keys).to.be.greaterThan(40);
    expect(runs.every((r) => r.script.length === keys)).to.equal(true);
    // one frame: the issue's budget; the 4 ms target is printed above and judged by `npm run bench`
    expect(p95).to.be.lessThan(16);
  });
});

/** Types four searches with real keys (and backspaces); per key, script time and time to end of task. */
async function typeSequence(
  picker: D1ClassPicker,
): Promise<{ script: number[]; task: number[]; queries: string[] }> {
  const { input } = parts(picker);
  let start = 0;
  input.addEventListener('input', () => (start = performance.now()), { capture: true });
  const script: number[] = [];
  const task: number[] = [];
  const queries: string[] = [];
  input.focus();
  const typeKey = async (key: { type: string } | { press: string }) => {
    const done = new Promise<void>((resolve) => {
      input.addEventListener(
        'input',
        () => {
          let depth = 0;
          const drain = () => {
            if (++depth < 200) return queueMicrotask(drain);
            script.push(performance.now() - start);
            queries.push(input.value);
            const ch = new MessageChannel();
            ch.port1.onmessage = () => {
              task.push(performance.now() - start);
              resolve();
            };
            ch.port2.postMessage(null);
          };
          queueMicrotask(drain);
        },
        { once: true },
      );
    });
    await sendKeys(key);
    await done;
    // let the virtualizer settle (its measurements run a frame later) before the next key
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  };
  for (const word of ['matematiikka 7b', 'historia', 'äidinkieli 5', '3c']) {
    for (const ch of word) await typeKey({ type: ch });
    for (let i = 0; i < Math.min(4, word.length - 1); i++) await typeKey({ press: 'Backspace' });
    input.select();
    await typeKey({ press: 'Backspace' });
  }
  return { script, task, queries };
}
