// Kuusikoski's city portal: <d1-shell> from the one-file build (/dist/cdn/digione.js), pointed at
// the platform that serves this page, with the city's brand and the city's plugin policy.
// A module file, not an inline script: the page runs under a strict Content-Security-Policy.

const shell = document.querySelector('d1-shell');

// The platform lives on this page's origin (the devkit, or the city's own deployment).
const origin = location.origin;
shell.setAttribute('issuer', `${origin}/oidc`);
shell.setAttribute('client-id', 'digione-portal');
shell.setAttribute('api', origin);

const [config, brand] = await Promise.all([getJson('/api/config'), getJson('./brand.json')]);

// What the city grants. Set before the shell upgrades, so no plugin ever starts without it.
shell.policy = policyFor(config?.pluginUrl);

const { applyBrand } = await import('/dist/cdn/digione.js');
if (brand) applyBrand(brand);

// Words of the page itself (the elements translate themselves).
const TEXT = {
  fi: {
    city: 'Kuusikosken kaupunki',
    service: 'Koulujen portaali',
    accessibility: 'Saavutettavuusseloste',
    feedback: 'Anna palautetta',
    sharedScreen: 'Luokan näyttö: piilota henkilökohtaiset ilmoitukset',
  },
  sv: {
    city: 'Kuusikoski stad',
    service: 'Skolportalen',
    accessibility: 'Tillgänglighetsutlåtande',
    feedback: 'Ge respons',
    sharedScreen: 'Klassens skärm: dölj personliga meddelanden',
  },
  en: {
    city: 'City of Kuusikoski',
    service: 'School portal',
    accessibility: 'Accessibility statement',
    feedback: 'Give feedback',
    sharedScreen: 'Classroom display: hide personal notifications',
  },
};

// A classroom display or a projector: the tray shows personal notifications only as such, never
// what they say. A setting of this device (its storage), so a classroom PC stays one across users.
const SHARED = 'kuusikoski.sharedScreen';
const sharedBox = document.getElementById('shared-screen');
const stored = (() => {
  try {
    return localStorage.getItem(SHARED) === '1';
  } catch {
    return false; // storage blocked: the setting lasts for this page only
  }
})();
shell.sharedScreen = sharedBox.checked = stored;
sharedBox.addEventListener('change', () => {
  shell.sharedScreen = sharedBox.checked;
  try {
    localStorage.setItem(SHARED, sharedBox.checked ? '1' : '0');
  } catch {
    /* storage blocked */
  }
});

// The shell speaks the user's language (its `lang`); the page, its title and the footer follow.
const follow = () => {
  const lang = TEXT[shell.lang] ? shell.lang : 'fi';
  const t = TEXT[lang];
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll('[data-text]')) el.textContent = t[el.dataset.text];
  for (const a of document.querySelectorAll('.footer-links a')) a.hash = lang;
  const pluginId = new URL(location.href).searchParams.get('plugin');
  const manifest = pluginId ? shell.activeRegistry?.get(pluginId) : undefined;
  const tool = manifest ? (manifest.name[lang] ?? manifest.name.fi ?? Object.values(manifest.name)[0]) : null;
  document.title = [tool, t.service, t.city].filter(Boolean).join(' – ');
};
new MutationObserver(follow).observe(shell, { attributes: true, attributeFilter: ['lang'] });
shell.addEventListener('d1-route-change', follow);
window.addEventListener('popstate', follow);
shell.activeRegistry.addEventListener('change', follow);
follow();

// The shell's banner is sticky: what gets focus, inside a plugin's frame too, must scroll clear of
// it (WCAG 2.4.11). The page's scroll padding follows the banner, whose height changes with the
// layout (the class picker takes a row of its own on a narrow screen).
customElements
  .whenDefined('d1-shell')
  .then(() => shell.updateComplete)
  .then(() => {
    const banner = shell.shadowRoot.querySelector('[part~="header"]');
    new ResizeObserver(() => {
      document.documentElement.style.scrollPaddingTop = `${banner.offsetHeight + 8}px`;
    }).observe(banner);
  });

/**
 * The city's plugin policy. The exercise tool (another vendor's iframe) gets what it needs for
 * its job (`roster`: its token reads the group's class list with names, which the city's data
 * processing agreement with the vendor covers); the timetable is the city's own module plugin,
 * trusted by URL. Plugins a developer adds with `digione-dev --plugin` (served under /local/) get
 * what they ask for, so a vendor can try every SDK call in the local portal; a real city lists
 * each vendor by id instead.
 */
// #region policy
function policyFor(pluginUrl) {
  const all = ['context.group', 'notifications', 'token', 'roster', 'storage', 'navigation'];
  return {
    plugins: {
      'fi.oppimo.harjoitukset': {
        permissions: ['context.group', 'notifications', 'token', 'roster', 'storage'],
      },
      'fi.kuusikoski.lukujarjestys': { permissions: ['context.group', 'navigation'] },
      '*': { permissions: all },
    },
    moduleAllowList: pluginUrl ? [`${pluginUrl}/plugins/timetable/`, `${pluginUrl}/local/`] : [],
  };
}
// #endregion policy

async function getJson(url) {
  try {
    const res = await fetch(url);
    return res.ok ? await res.json() : null;
  } catch {
    return null;
  }
}
