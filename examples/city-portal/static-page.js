// The portal's static pages (accessibility statement, feedback) wear the same theme and brand as
// the portal itself. A module file, not an inline script: the strict CSP allows only files.
import { applyBrand, ensureThemeStyles } from '/dist/cdn/digione.js';

ensureThemeStyles();
const res = await fetch('./brand.json');
if (res.ok) applyBrand(await res.json());
