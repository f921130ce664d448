import { D1LoginBar } from '../login-bar/login-bar.js';
if (!customElements.get('d1-login-bar')) customElements.define('d1-login-bar', D1LoginBar);
