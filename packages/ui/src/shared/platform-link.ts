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
 * The store and services of the nearest `<d1-platform>`, if any, through @lit/context: the one
 * place the three elements consume them (each used to carry its own pair of consumers and its own
 * store subscription). The host re-renders when either arrives or changes and on every store
 * change while connected; with no provider both are undefined and the element runs standalone.
 *
 * `onState`, when given, hears the store's state before each of those re-renders; `attached` is
 * true for the first state of a newly found (or, after a reconnect, re-subscribed) store, so the
 * element can tell "the store says so from the start" from "the store changed".
 */
export class PlatformLink implements ReactiveController {
  /** The shared store, inside `<d1-platform>`. Set by the context only. */
  store: ContextStore<PlatformContext> | undefined;
  /** The platform's services, inside `<d1-platform>`. Set by the context only. */
  services: PlatformServices | undefined;
  #host: ReactiveControllerHost;
  #onState: ((state: Readonly<PlatformContext>, attached: boolean) => void) | undefined;
  #unsubscribe: (() => void) | undefined;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    onState?: (state: Readonly<PlatformContext>, attached: boolean) => void,
  ) {
    this.#host = host;
    this.#onState = onState;
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
        this.services = services;
        host.requestUpdate();
      },
    });
  }

  hostConnected(): void {
    // A provider found before a disconnect hands the same store again; re-subscribe to it.
    if (this.store && !this.#unsubscribe) this.#attach(this.store);
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  #attach(store: ContextStore<PlatformContext> | undefined): void {
    this.hostDisconnected();
    this.store = store;
    if (store) {
      this.#onState?.(store.get(), true);
      this.#unsubscribe = store.subscribe((state) => {
        this.#onState?.(state, false);
        this.#host.requestUpdate();
      });
    }
    this.#host.requestUpdate();
  }
}
