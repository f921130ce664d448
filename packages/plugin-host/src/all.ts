// Everything the package offers, define modules included: the size-budget entry.
export * from './index.js';
import './define/d1-plugin-host.js';
