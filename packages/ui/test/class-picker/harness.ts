/**
 * Test harness for `<d1-class-picker>`: a minimal context provider standing in for `<d1-platform>`
 * (the real one is the platform package's), and helpers that read the picker the way assistive
 * technology does (ids resolved inside the shadow root).
 */
import { LitElement, html } from 'lit';
import { ContextProvider } from '@lit/context';
import {
  createPlatformStore,
  servicesContext,
  storeContext,
  type ContextStore,
  type PlatformContext,
  type PlatformServices,
} from '@digione/context';
import { fixture } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/d1-class-picker.js';
import type { D1ClassPicker } from '../../src/index.js';
import { waitFor } from '../../../../test/helpers/wait.js';

/** Provides a store and services to what it contains, as `<d1-platform>` does. */
export class TestPlatform extends LitElement {
  store: ContextStore<PlatformContext> = createPlatformStore();
  services: PlatformServices = {};
  #storeProvider = new ContextProvider(this, { context: storeContext, initialValue: this.store });
  #servicesProvider = new ContextProvider(this, { context: servicesContext, initialValue: this.services });

  setup(store: ContextStore<PlatformContext>, services: PlatformServices): void {
    this.store = store;
    this.services = services;
    this.#storeProvider.setValue(store);
    this.#servicesProvider.setValue(services);
  }

  protected override createRenderRoot() {
    return this;
  }

  protected override render() {
    return html``;
  }
}
if (!customElements.get('cp-test-platform')) customElements.define('cp-test-platform', TestPlatform);

export interface Parts {
  input: HTMLInputElement;
  listbox: HTMLElement;
}

export function parts(picker: D1ClassPicker): Parts {
  const root = picker.shadowRoot!;
  return {
    input: root.querySelector('input[role="combobox"]')!,
    listbox: root.querySelector('[role="listbox"]')!,
  };
}

/** The options in the DOM now (only a window of them is rendered). */
export function renderedOptions(picker: D1ClassPicker): HTMLElement[] {
  return [...picker.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')];
}

/** The element aria-activedescendant points at, resolved in the input's own root, or null. */
export function activeOption(picker: D1ClassPicker): HTMLElement | null {
  const { input } = parts(picker);
  const id = input.getAttribute('aria-activedescendant');
  if (!id) return null;
  return (input.getRootNode() as ShadowRoot).getElementById(id);
}

/** Waits until the active descendant exists and is named `name` (a RegExp or a prefix). */
export async function expectActive(picker: D1ClassPicker, name: string | RegExp): Promise<HTMLElement> {
  return waitFor(
    () => {
      const el = activeOption(picker);
      const label = el?.getAttribute('aria-label') ?? '';
      const ok = typeof name === 'string' ? label.startsWith(`${name},`) || label === name : name.test(label);
      return ok && el?.getAttribute('aria-selected') === 'true' ? el : null;
    },
    `active option "${String(name)}" (now: "${activeOption(picker)?.getAttribute('aria-label') ?? 'none'}")`,
  );
}

/** Focuses the picker's input and types `text` with real key presses. */
export async function typeInto(picker: D1ClassPicker, text: string): Promise<void> {
  parts(picker).input.focus();
  await sendKeys({ type: text });
  await picker.updateComplete;
}

/** Presses `key`; `Alt+ArrowDown` style chords hold the modifiers down around it. */
export async function press(key: string): Promise<void> {
  const keys = key.split('+');
  const main = keys.pop()!;
  for (const m of keys) await sendKeys({ down: m });
  await sendKeys({ press: main });
  for (const m of keys.reverse()) await sendKeys({ up: m });
}

/** The text of the polite shared live region (the announcer's). */
export function politeText(): string {
  return document.querySelector('[data-d1-announcer="polite"]')?.textContent ?? '';
}

/** Mounts a picker inside a TestPlatform, in `lang`. */
export async function mountInPlatform(
  store: ContextStore<PlatformContext>,
  services: PlatformServices,
  lang = 'fi',
): Promise<{ platform: TestPlatform; picker: D1ClassPicker }> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}><cp-test-platform></cp-test-platform></div>`);
  const platform = wrapper.querySelector('cp-test-platform') as unknown as TestPlatform;
  platform.setup(store, services);
  const picker = document.createElement('d1-class-picker');
  platform.append(picker);
  await picker.updateComplete;
  return { platform, picker };
}

/** Session storage is per tab: clear the picker's keys between tests. */
export function clearPickerMemory(): void {
  for (let i = sessionStorage.length - 1; i >= 0; i--) {
    const k = sessionStorage.key(i);
    if (k?.startsWith('d1-class-picker:')) sessionStorage.removeItem(k);
  }
}
