/**
 * `@digione/devkit`: a local DigiOne platform for development and tests (Node only). A real OIDC
 * provider with demo users, a OneRoster 1.2 rostering subset, notifications over SSE, the plugin
 * registry, plugin sessions and storage, and static serving of the city portal and the plugins.
 *
 * ```js
 * import { startDevkit } from '@digione/devkit';
 * const dk = await startDevkit({ port: 0, pluginPort: 0 });
 * // dk.portalUrl, dk.pluginUrl, dk.issuer, dk.users, dk.data
 * await dk.close();
 * ```
 * @packageDocumentation
 */
export { startDevkit, DevkitError, type Devkit, type DevkitOptions } from './server.js';
export { generateData, type GenerateOptions } from './data/generate.js';
export type * from './data/model.js';
export { CLIENT_ID, PLATFORM_API, REDIRECT_PATHS } from './oidc.js';
export { ONEROSTER_PATH, DEFAULT_LIMIT, MAX_LIMIT } from './oneroster.js';
export { CLAIMS, claimsFor } from './claims.js';
export { STORAGE_LIMITS, type ManifestProblem, type PluginManifest } from './plugins.js';
export { NOTIFICATION_LIMITS } from './notifications.js';
