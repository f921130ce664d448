/**
 * `@digione/platform`: browser clients of the platform's services (OIDC session, OneRoster
 * roster, notification feed, plugin sessions) behind the service interfaces of
 * `@digione/context`, and the `<d1-platform>` provider. Importing this module defines no element;
 * import `@digione/platform/define/d1-platform.js` (or `all.js`) for that.
 * @packageDocumentation
 */
export * from './errors.js';
export * from './http.js';
export * from './auth/claims.js';
export * from './auth/oidc-auth.js';
export * from './roster/oneroster.js';
export * from './notifications/sse.js';
export * from './notifications/feed.js';
export * from './plugin-sessions/plugin-sessions.js';
export * from './platform/create-platform.js';
export * from './platform/platform.js';
