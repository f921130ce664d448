import type { PlatformContext, Theme } from './model.js';
import { localeFor } from './locale.js';
import { ContextStore } from './store.js';

/** The theme before the user or a portal has chosen: follow the system. */
export const defaultTheme: Theme = {
  colorScheme: 'system',
  contrast: 'normal',
  reducedMotion: false,
  fontScale: 1,
};

/** A signed-out context in the given language. */
export function emptyContext(lang = 'fi'): PlatformContext {
  return {
    auth: { status: 'unknown' },
    user: null,
    activeRole: null,
    organizations: {},
    activeChildId: null,
    activeGroup: null,
    locale: localeFor(lang),
    theme: defaultTheme,
  };
}

/** A new store holding {@link emptyContext} merged with `initial`. */
export function createPlatformStore(initial: Partial<PlatformContext> = {}): ContextStore<PlatformContext> {
  return new ContextStore<PlatformContext>({ ...emptyContext(), ...initial });
}
