/**
 * `@digione/context`: the shared data model, the framework-free {@link ContextStore}, the Lit
 * context keys, the minimised {@link PluginContext}, the mappers from OneRoster 1.2 and MPASSid, and
 * the page's shared live regions ({@link announce}).
 * @packageDocumentation
 */
export * from './model.js';
export * from './store.js';
export * from './locale.js';
export * from './services.js';
export * from './keys.js';
export * from './defaults.js';
export * from './plugin-context.js';
export * from './errors.js';
export * from './mappers/oneroster.js';
export * from './mappers/mpassid.js';
export * from './announce.js';
