// Test fixtures: deterministic notifications and a fake NotificationService whose requests can
// be made to fail, so optimistic updates and their rollback can be observed.
import type { Notification, NotificationInput, NotificationService, Severity } from '@digione/context';

/** 2025-03-12 10:00 in Helsinki (UTC+2). */
export const NOW = Date.parse('2025-03-12T08:00:00Z');

let seq = 0;
export function note(partial: Partial<Notification> & { minutesAgo?: number } = {}): Notification {
  const { minutesAgo = 5, ...rest } = partial;
  seq++;
  return {
    id: `n${seq}`,
    source: { pluginId: 'fi.example.kalenteri', vendorName: 'Kalenteri' },
    severity: 'info',
    title: { fi: `Ilmoitus ${seq}`, sv: `Avisering ${seq}`, en: `Notification ${seq}` },
    createdAt: new Date(NOW - minutesAgo * 60_000).toISOString(),
    containsPersonalData: false,
    ...rest,
  };
}

/** `count` notifications, one a minute back from NOW, sources cycling over `sources`. */
export function many(count: number, sources = 1, severity: Severity = 'info'): Notification[] {
  return Array.from({ length: count }, (_, i) =>
    note({
      id: `m${i}`,
      minutesAgo: i,
      severity,
      source: { pluginId: `fi.example.p${i % sources}`, vendorName: `Palvelu ${i % sources}` },
      title: { fi: `Viesti ${i}` },
    }),
  );
}

/** A NotificationService in memory; `fail` makes the next requests reject. */
export class FakeNotificationService implements NotificationService {
  fail = false;
  calls: Array<[string, unknown]> = [];
  #list: Notification[];
  #subs = new Set<(list: readonly Notification[], added: readonly Notification[]) => void>();
  #pending: Array<() => void> = [];
  /** When true, requests wait until `release()` so the optimistic state can be observed. */
  hold = false;

  constructor(list: Notification[] = []) {
    this.#list = list;
  }
  list(): readonly Notification[] {
    return this.#list;
  }
  subscribe(fn: (list: readonly Notification[], added: readonly Notification[]) => void): () => void {
    this.#subs.add(fn);
    return () => this.#subs.delete(fn);
  }
  /** Simulates a pushed notification (SSE or a plugin). */
  push(...added: Notification[]): void {
    this.#list = [...added, ...this.#list];
    this.#emit(added);
  }
  async post(input: NotificationInput, source: Notification['source']): Promise<Notification> {
    const n = note({
      source,
      severity: input.severity ?? 'info',
      title: typeof input.title === 'string' ? { fi: input.title } : input.title,
      minutesAgo: 0,
    });
    this.push(n);
    return n;
  }
  markRead(ids: string[]): Promise<void> {
    return this.#request('markRead', ids, () => {
      const at = new Date(NOW).toISOString();
      this.#list = this.#list.map((n) => (ids.includes(n.id) ? { ...n, readAt: at } : n));
    });
  }
  markAllRead(): Promise<void> {
    return this.#request('markAllRead', null, () => {
      const at = new Date(NOW).toISOString();
      this.#list = this.#list.map((n) => (n.readAt ? n : { ...n, readAt: at }));
    });
  }
  dismiss(id: string): Promise<void> {
    return this.#request('dismiss', id, () => {
      this.#list = this.#list.filter((n) => n.id !== id);
    });
  }
  /** Lets held requests go on. */
  release(): void {
    const p = this.#pending;
    this.#pending = [];
    p.forEach((f) => f());
  }
  #request(name: string, arg: unknown, apply: () => void): Promise<void> {
    this.calls.push([name, arg]);
    const fail = this.fail;
    return new Promise((resolve, reject) => {
      const go = () => {
        if (fail) return reject(new Error('refused by the server'));
        apply();
        this.#emit([]);
        resolve();
      };
      if (this.hold) this.#pending.push(go);
      else queueMicrotask(go);
    });
  }
  #emit(added: readonly Notification[]): void {
    for (const fn of this.#subs) fn(this.#list, added);
  }
}
