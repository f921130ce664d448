// Every example that has a build step, in one rollup run (scripts/build.mjs invokes it after the
// packages are built): the vendor's React app and the exercise plugin.
import vendorApp from './vendor-app/rollup.config.mjs';
import plugins from './plugins/rollup.config.mjs';

export default [...vendorApp, ...plugins];
