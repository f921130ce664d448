import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  servicesContext,
  storeContext,
  type ContextStore,
  type PlatformContext,
  type PlatformServices,
} from '@digione/context';

/**
 * The store and services of the nearest `<d1-platform>`, if any, through @lit/context. The host
 * re-renders on every store change while connected; with no provider every getter is undefined
 * and the element runs standalone.
 */
export class PlatformLink implements ReactiveController {
  #host: ReactiveControllerHost & HTMLElement;
  #store: ContextStore<PlatformContext> | undefined;
  #services: PlatformServices | undefined;
  #unsubscribe: (() => void) | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
    new ContextConsumer(host, {
      context: storeContext,
      subscribe: true,
      callback: (store) => this.#attach(store),
    });
    new ContextConsumer(host, {
      context: servicesContext,
      subscribe: true,
      callback: (services) => {
        this.#services = services;
        host.requestUpdate();
      },
    });
  }

  /** The shared store, inside `<d1-platform>`. */
  get store(): ContextStore<PlatformContext> | undefined {
    return this.#store;
  }

  /** The platform's services, inside `<d1-platform>`. */
  get services(): PlatformServices | undefined {
    return this.#services;
  }

  /** The store's current state, or undefined when standalone. */
  get state(): Readonly<PlatformContext> | undefined {
    return this.#store?.get();
  }

  hostConnected(): void {
    // A provider found before a disconnect hands the same store again; re-subscribe to it.
    if (this.#store && !this.#unsubscribe) this.#attach(this.#store);
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  #attach(store: ContextStore<PlatformContext> | undefined): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#store = store;
    if (store) this.#unsubscribe = store.subscribe(() => this.#host.requestUpdate());
    this.#host.requestUpdate();
  }
}
