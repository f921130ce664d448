import { D1ClassPicker } from '../class-picker/class-picker.js';
if (!customElements.get('d1-class-picker')) customElements.define('d1-class-picker', D1ClassPicker);
