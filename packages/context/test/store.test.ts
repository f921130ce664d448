import { expect } from '@open-wc/testing';
import { ContextStore } from '@digione/context';

describe('ContextStore', () => {
  it('get/update/subscribe: notifies synchronously with new and previous state', () => {
    const s = new ContextStore({ a: 1, b: 'x' });
    const seen: Array<[number, number]> = [];
    s.subscribe((st, prev) => seen.push([st.a, prev.a]));
    s.update({ a: 2 });
    expect(seen).to.deep.equal([[2, 1]]);
    expect(s.get()).to.deep.equal({ a: 2, b: 'x' });
    expect(Object.isFrozen(s.get())).to.equal(true);
  });

  it('an update that changes nothing notifies nobody', () => {
    const s = new ContextStore({ a: 1 });
    let calls = 0;
    s.subscribe(() => calls++);
    s.update({ a: 1 });
    s.update({});
    expect(calls).to.equal(0);
  });

  it('updates made during dispatch are queued: every listener sees every state, in order', () => {
    const s = new ContextStore({ n: 0 });
    const a: number[] = [];
    const b: number[] = [];
    s.subscribe((st) => {
      a.push(st.n);
      if (st.n < 3) s.update({ n: st.n + 1 });
    });
    s.subscribe((st) => b.push(st.n));
    s.update({ n: 1 });
    expect(a).to.deep.equal([1, 2, 3]);
    expect(b).to.deep.equal([1, 2, 3]);
    expect(s.get().n).to.equal(3);
  });

  it('unsubscribing during dispatch is safe, for oneself and for others', () => {
    const s = new ContextStore({ n: 0 });
    const calls: string[] = [];
    let offB = () => {};
    const offA = s.subscribe(() => {
      calls.push('a');
      offA();
      offB();
    });
    offB = s.subscribe(() => calls.push('b'));
    s.subscribe(() => calls.push('c'));
    s.update({ n: 1 });
    s.update({ n: 2 });
    expect(calls).to.deep.equal(['a', 'c', 'c']);
  });

  it('a listener added during dispatch starts with the next change', () => {
    const s = new ContextStore({ n: 0 });
    const late: number[] = [];
    let added = false;
    s.subscribe(() => {
      if (!added) {
        added = true;
        s.subscribe((st) => late.push(st.n));
      }
    });
    s.update({ n: 1 });
    s.update({ n: 2 });
    expect(late).to.deep.equal([2]);
  });

  it('a throwing listener does not stop the others, and is reported', () => {
    const s = new ContextStore({ n: 0 });
    const seen: number[] = [];
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args[1]);
    s.subscribe(() => {
      throw new Error('boom');
    });
    s.subscribe((st) => seen.push(st.n));
    s.update({ n: 1 });
    s.update({ n: 2 });
    expect(seen).to.deep.equal([1, 2]);
    console.error = original;
    expect(errors.length).to.equal(2);
    expect(String(errors[0])).to.contain('boom');
  });

  it('select fires only when the selected value changes', () => {
    const s = new ContextStore({ a: 1, b: 1 });
    const seen: number[] = [];
    s.select((st) => st.b, (v) => seen.push(v));
    s.update({ a: 2 });
    s.update({ b: 5 });
    expect(seen).to.deep.equal([5]);
  });
});
