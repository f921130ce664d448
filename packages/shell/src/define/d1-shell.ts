import { D1Shell } from '../shell/shell.js';

if (!customElements.get('d1-shell')) customElements.define('d1-shell', D1Shell);
