/**
 * `@digione/plugin-host`: runs vendors' plugins inside a portal. The `<d1-plugin-host>` element
 * (class {@link D1PluginHost}; register it with `@digione/plugin-host/define/d1-plugin-host.js` or
 * `all.js`), the manifest schema's validator, the {@link PluginRegistry} with its
 * {@link registryContext}, and the portal's permission policy.
 * @packageDocumentation
 */
export * from './manifest/manifest.js';
export * from './registry/registry.js';
export * from './host/permissions.js';
export { createHandlers, type HandlerDeps } from './host/handlers.js';
export { ModuleError, type PluginModule } from './host/runtimes.js';
export * from './host/plugin-host.js';
