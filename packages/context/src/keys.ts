/**
 * @lit/context keys. A `<d1-platform>` provides them; elements inside consume them.
 * @module
 */
import { createContext } from '@lit/context';
import type { ContextStore } from './store.js';
import type { PlatformContext } from './model.js';
import type { PlatformServices } from './services.js';

/** The shared {@link ContextStore} of a `<d1-platform>`. */
export const storeContext = createContext<ContextStore<PlatformContext> | undefined>(Symbol.for('d1-store'));

/** The services of a `<d1-platform>`. */
export const servicesContext = createContext<PlatformServices | undefined>(Symbol.for('d1-services'));
