/**
 * `@digione/shell`: `<d1-shell>`, the city portal that assembles the widgets and the plugin host.
 * Importing this module defines no element; import `@digione/shell/define/d1-shell.js` (or
 * `all.js`, which registers every element a portal needs).
 * @packageDocumentation
 */
export * from './shell/shell.js';
export { readRoute, routeUrl, type Route } from './shell/route.js';
