import { D1PluginHost } from '../host/plugin-host.js';
if (!customElements.get('d1-plugin-host')) customElements.define('d1-plugin-host', D1PluginHost);
