import { D1Platform } from '../platform/platform.js';
if (!customElements.get('d1-platform')) customElements.define('d1-platform', D1Platform);
