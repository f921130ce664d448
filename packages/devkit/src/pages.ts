// HTML pages the devkit renders itself: the sign-in page (pick a demo user), sign-out, errors and
// the built-in home page shown until the city portal example exists. fi/sv/en, accessible:
// landmarks, one h1, real buttons with large targets, visible focus, forced-colors support.
import type { DemoUser } from './data/model.js';
import { html } from './http.js';

export type PageLang = 'fi' | 'sv' | 'en';
export const PAGE_LANGS: readonly PageLang[] = ['fi', 'sv', 'en'];

/** Pick the page language: an explicit choice, then `ui_locales`, then Accept-Language, then fi. */
export function pickLang(...candidates: Array<string | null | undefined>): PageLang {
  for (const c of candidates) {
    if (!c) continue;
    for (const part of c.split(/[\s,]+/)) {
      const tag = part.split(';')[0]!.trim().toLowerCase().slice(0, 2);
      if ((PAGE_LANGS as readonly string[]).includes(tag)) return tag as PageLang;
    }
  }
  return 'fi';
}

const T = {
  fi: {
    signInTitle: 'Kirjaudu sisään',
    devNote:
      'Tämä on DigiOne-kehitysympäristön kirjautumissivu. Salasanaa ei tarvita: valitse testikäyttäjä, jona haluat kirjautua.',
    app: 'Palvelu',
    users: 'Testikäyttäjät',
    cancel: 'Peruuta kirjautuminen',
    unknownUser: 'Valittua käyttäjää ei löydy. Valitse käyttäjä luettelosta.',
    languages: 'Kieli',
    expiredTitle: 'Kirjautuminen vanheni',
    expired:
      'Kirjautumisen istunto on vanhentunut tai sitä ei löydy. Palaa sovellukseen ja kirjaudu uudelleen.',
    signedOutTitle: 'Olet kirjautunut ulos',
    signedOut:
      'Olet kirjautunut ulos DigiOne-palvelusta. Muihin palveluihin kirjautuminen voi olla yhä voimassa (MPASSid:ssä ei ole yhteistä uloskirjautumista).',
    signingOutTitle: 'Kirjaudutaan ulos',
    signOutButton: 'Kirjaudu ulos',
    errorTitle: 'Virhe',
    backToPortal: 'Kaupungin portaaliin',
    portalMissingTitle: 'DigiOne-kehitysympäristö',
    portalMissing:
      'Kaupungin portaalin esimerkkiä (examples/city-portal/) ei ole vielä rakennettu. Kehitysympäristö on käynnissä: alla ovat osoitteet ja testikäyttäjät.',
    addresses: 'Osoitteet',
    tryTitle: 'Kokeile kirjautumista',
    tryText: 'Kirjaudu testikäyttäjänä ja katso, mitä ID-tunniste kertoo hänestä.',
    signInButton: 'Kirjaudu sisään',
    signedInAs: 'Kirjautunut',
    signInFailed: 'Kirjautuminen epäonnistui',
    skip: 'Siirry sisältöön',
  },
  sv: {
    signInTitle: 'Logga in',
    devNote:
      'Det här är inloggningssidan i DigiOnes utvecklingsmiljö. Inget lösenord behövs: välj den testanvändare du vill logga in som.',
    app: 'Tjänst',
    users: 'Testanvändare',
    cancel: 'Avbryt inloggningen',
    unknownUser: 'Den valda användaren finns inte. Välj en användare i listan.',
    languages: 'Språk',
    expiredTitle: 'Inloggningen gick ut',
    expired:
      'Inloggningssessionen har gått ut eller hittas inte. Gå tillbaka till tjänsten och logga in på nytt.',
    signedOutTitle: 'Du har loggat ut',
    signedOut:
      'Du har loggat ut från DigiOne. Du kan fortfarande vara inloggad i andra tjänster (MPASSid har ingen gemensam utloggning).',
    signingOutTitle: 'Loggar ut',
    signOutButton: 'Logga ut',
    errorTitle: 'Fel',
    backToPortal: 'Till stadens portal',
    portalMissingTitle: 'DigiOnes utvecklingsmiljö',
    portalMissing:
      'Exemplet med stadens portal (examples/city-portal/) är inte byggt ännu. Utvecklingsmiljön är igång: adresserna och testanvändarna finns nedan.',
    addresses: 'Adresser',
    tryTitle: 'Prova att logga in',
    tryText: 'Logga in som en testanvändare och se vad ID-token berättar om hen.',
    signInButton: 'Logga in',
    signedInAs: 'Inloggad',
    signInFailed: 'Inloggningen misslyckades',
    skip: 'Hoppa till innehållet',
  },
  en: {
    signInTitle: 'Sign in',
    devNote:
      'This is the sign-in page of the DigiOne devkit. No password is needed: pick the demo user to sign in as.',
    app: 'Service',
    users: 'Demo users',
    cancel: 'Cancel sign-in',
    unknownUser: 'The chosen user does not exist. Pick a user from the list.',
    languages: 'Language',
    expiredTitle: 'Sign-in expired',
    expired: 'The sign-in session has expired or cannot be found. Go back to the service and sign in again.',
    signedOutTitle: 'You have signed out',
    signedOut:
      'You have signed out of DigiOne. You may still be signed in to other services (MPASSid has no single sign-out).',
    signingOutTitle: 'Signing out',
    signOutButton: 'Sign out',
    errorTitle: 'Error',
    backToPortal: 'To the city portal',
    portalMissingTitle: 'DigiOne devkit',
    portalMissing:
      'The city portal example (examples/city-portal/) is not built yet. The devkit is running: the addresses and demo users are below.',
    addresses: 'Addresses',
    tryTitle: 'Try signing in',
    tryText: 'Sign in as a demo user and see what the ID token says about them.',
    signInButton: 'Sign in',
    signedInAs: 'Signed in',
    signInFailed: 'Sign-in failed',
    skip: 'Skip to content',
  },
} as const;

/** Localised strings for one page language. */
export function strings(lang: PageLang): (typeof T)[PageLang] {
  return T[lang];
}

const NATIVE: Record<PageLang, string> = { fi: 'Suomeksi', sv: 'På svenska', en: 'In English' };

const STYLE = `
:root{color-scheme:light dark;--bg:#f6f7f9;--fg:#1b1f24;--muted:#4a5360;--card:#fff;--line:#8a94a3;--accent:#0b5cad;--accent-fg:#fff;--focus:#b3005a}
@media (prefers-color-scheme:dark){:root{--bg:#14171b;--fg:#eef1f4;--muted:#c3cad3;--card:#1f242a;--line:#6c7684;--accent:#79b4ff;--accent-fg:#0b1520;--focus:#ff8ac4}}
*{box-sizing:border-box}
body{margin:0;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:var(--bg);color:var(--fg)}
.skip{position:absolute;left:-9999px;top:0}.skip:focus{left:1rem;top:1rem;background:var(--card);padding:.5rem 1rem;z-index:1}
header{display:flex;flex-wrap:wrap;gap:1rem;justify-content:space-between;align-items:center;padding:1rem 1.5rem;border-bottom:1px solid var(--line)}
.brand{font-weight:700;margin:0}
nav ul{display:flex;gap:.5rem;list-style:none;margin:0;padding:0}
nav a{display:inline-block;min-height:44px;padding:.6rem .75rem;color:var(--accent)}
nav a[aria-current]{font-weight:700;color:var(--fg)}
main{max-width:44rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.75rem;margin:.5rem 0 1rem}
.note{color:var(--muted)}
fieldset{border:0;padding:0;margin:1.5rem 0}
legend{font-weight:700;font-size:1.25rem;margin-bottom:.5rem}
ul.users{list-style:none;margin:0;padding:0;display:grid;gap:.75rem}
button,.button{font:inherit;min-height:44px;cursor:pointer;border-radius:.5rem}
ul.users button{width:100%;text-align:start;padding:.75rem 1rem;background:var(--card);color:var(--fg);border:2px solid var(--line)}
ul.users button:hover{border-color:var(--accent)}
.name{display:block;font-weight:700;font-size:1.1rem}
.desc{display:block;color:var(--muted)}
.secondary{padding:.6rem 1rem;background:transparent;color:var(--accent);border:2px solid var(--accent)}
.primary{padding:.6rem 1rem;background:var(--accent);color:var(--accent-fg);border:2px solid var(--accent)}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.error{border-inline-start:6px solid #c00;padding:.5rem 1rem;background:var(--card)}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:700}dd{margin:0;word-break:break-all}
a{color:var(--accent)}
@media (forced-colors:active){ul.users button,.secondary,.primary{border:2px solid ButtonText}:focus-visible{outline:3px solid Highlight}}
@media (prefers-reduced-motion:reduce){*{transition:none!important;animation:none!important}}
`;

interface Shell {
  lang: PageLang;
  title: string;
  body: string;
  /** Query string builder for the language links; omit to hide the switch. */
  langHref?: (lang: PageLang) => string;
  head?: string;
}

/** A complete page with header, language switch and main landmark. */
export function page(s: Shell): string {
  const t = T[s.lang];
  const nav = s.langHref
    ? `<nav aria-label="${html(t.languages)}"><ul>${PAGE_LANGS.map(
        (l) =>
          `<li><a href="${html(s.langHref!(l))}" lang="${l}" hreflang="${l}"${l === s.lang ? ' aria-current="true"' : ''}>${NATIVE[l]}</a></li>`,
      ).join('')}</ul></nav>`
    : '';
  return `<!doctype html>
<html lang="${s.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(s.title)} – DigiOne</title>
<style>${STYLE}</style>
${s.head ?? ''}
</head>
<body>
<a class="skip" href="#main">${html(t.skip)}</a>
<header><p class="brand">DigiOne · Kuusikoski</p>${nav}</header>
<main id="main" tabindex="-1">
${s.body}
</main>
</body>
</html>`;
}

/** The sign-in page: one button per demo user. */
export function signInPage(opts: {
  lang: PageLang;
  uid: string;
  clientName: string;
  users: readonly DemoUser[];
  error?: string;
}): string {
  const t = T[opts.lang];
  const base = `/oidc/interaction/${encodeURIComponent(opts.uid)}`;
  const users = opts.users
    .map(
      (u) =>
        `<li><button type="submit" name="userId" value="${html(u.id)}"><span class="name">${html(u.displayName)}</span>` +
        `<span class="desc">${html(u.description[opts.lang])}</span><span class="desc">${html(u.schools.join(', '))}</span></button></li>`,
    )
    .join('\n');
  const body = `<h1>${html(t.signInTitle)}</h1>
${opts.error ? `<p class="error" role="alert">${html(opts.error)}</p>` : ''}
<p class="note">${html(t.devNote)}</p>
<p>${html(t.app)}: <strong>${html(opts.clientName)}</strong></p>
<form method="post" action="${base}/login">
<input type="hidden" name="lang" value="${opts.lang}">
<fieldset><legend>${html(t.users)}</legend>
<ul class="users">
${users}
</ul>
</fieldset>
</form>
<form method="post" action="${base}/abort"><button class="secondary" type="submit">${html(t.cancel)}</button></form>`;
  return page({ lang: opts.lang, title: t.signInTitle, body, langHref: (l) => `${base}?lang=${l}` });
}

/** A page with a heading, a paragraph and an optional link. */
export function messagePage(
  lang: PageLang,
  title: string,
  text: string,
  link?: { href: string; text: string },
): string {
  const body = `<h1>${html(title)}</h1><p>${html(text)}</p>${link ? `<p><a href="${html(link.href)}">${html(link.text)}</a></p>` : ''}`;
  return page({ lang, title, body });
}

/**
 * The RP-initiated logout page without a confirmation step: the provider's form is submitted at
 * once with `logout=yes`; without scripts the user presses one button.
 */
export function logoutPage(lang: PageLang, form: string): string {
  const t = T[lang];
  const body = `<h1>${html(t.signingOutTitle)}</h1>
${form}
<button class="primary" type="submit" form="op.logoutForm" name="logout" value="yes">${html(t.signOutButton)}</button>
<script>(function(){var f=document.getElementById('op.logoutForm');if(!f)return;var i=document.createElement('input');i.type='hidden';i.name='logout';i.value='yes';f.appendChild(i);f.submit();})();</script>`;
  return page({ lang, title: t.signingOutTitle, body });
}

/** The built-in home page shown while examples/city-portal/ does not exist. */
export function homePage(opts: {
  lang: PageLang;
  issuer: string;
  urls: Array<[string, string]>;
  users: readonly DemoUser[];
}): string {
  const t = T[opts.lang];
  const urls = opts.urls
    .map(([k, v]) => `<dt>${html(k)}</dt><dd><a href="${html(v)}">${html(v)}</a></dd>`)
    .join('');
  const users = opts.users
    .map(
      (u) =>
        `<li><strong>${html(u.displayName)}</strong>: ${html(u.description[opts.lang])} (${html(u.schools.join(', '))})</li>`,
    )
    .join('');
  // data for the script, safe inside <script> (no "</" can close it)
  const cfg = JSON.stringify({
    issuer: opts.issuer,
    lang: opts.lang,
    signedInAs: t.signedInAs,
    failed: t.signInFailed,
    signOut: t.signOutButton,
  }).replace(/</g, '\\u003c');
  const body = `<h1>${html(t.portalMissingTitle)}</h1>
<p>${html(t.portalMissing)}</p>
<h2>${html(t.tryTitle)}</h2>
<p>${html(t.tryText)}</p>
<p><button type="button" class="primary" id="signin">${html(t.signInButton)}</button> <a id="signout" hidden href="/">${html(t.signOutButton)}</a></p>
<div id="status" role="status"></div>
<h2>${html(t.addresses)}</h2><dl>${urls}</dl>
<h2>${html(t.users)}</h2><ul>${users}</ul>
<script type="module">${SIGN_IN_SCRIPT.replace('CONFIG', cfg)}</script>`;
  return page({ lang: opts.lang, title: t.portalMissingTitle, body, langHref: (l) => `/?lang=${l}` });
}

// A complete public-client sign-in (code + PKCE) in a few lines, so a person can try every demo
// user before the city portal example exists.
const SIGN_IN_SCRIPT = `
const c = CONFIG;
const redirect = location.origin + '/';
const b64 = (b) => btoa(String.fromCharCode(...new Uint8Array(b))).replace(/[+]/g, '-').replace(/[/]/g, '_').replace(/=+$/, '');
const status = document.getElementById('status');
const say = (text) => { const p = document.createElement('p'); p.textContent = text; status.append(p); };
document.getElementById('signin').addEventListener('click', async () => {
  const verifier = b64(crypto.getRandomValues(new Uint8Array(32)));
  const state = b64(crypto.getRandomValues(new Uint8Array(16)));
  const challenge = b64(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem('d1-devkit-signin', JSON.stringify({ verifier, state }));
  const u = new URL(c.issuer + '/auth');
  const q = { client_id: 'digione-portal', response_type: 'code', scope: 'openid profile', redirect_uri: redirect, code_challenge: challenge, code_challenge_method: 'S256', resource: 'urn:digione:platform-api', state, ui_locales: c.lang };
  for (const [k, v] of Object.entries(q)) u.searchParams.set(k, v);
  location.assign(u.href);
});
const params = new URLSearchParams(location.search);
if (params.has('code') || params.has('error')) {
  history.replaceState(null, '', location.pathname + (c.lang ? '?lang=' + c.lang : ''));
  const saved = JSON.parse(sessionStorage.getItem('d1-devkit-signin') || 'null');
  sessionStorage.removeItem('d1-devkit-signin');
  if (params.has('error')) say(c.failed + ': ' + (params.get('error_description') || params.get('error')));
  else if (!saved || saved.state !== params.get('state')) say(c.failed + ': state');
  else {
    const body = new URLSearchParams({ grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirect, client_id: 'digione-portal', code_verifier: saved.verifier, resource: 'urn:digione:platform-api' });
    const res = await fetch(c.issuer + '/token', { method: 'POST', body });
    const tokens = await res.json();
    if (!res.ok) say(c.failed + ': ' + (tokens.error_description || tokens.error));
    else {
      const part = tokens.id_token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(part), (ch) => ch.charCodeAt(0))));
      say(c.signedInAs + ': ' + claims.given_name + ' ' + claims.family_name);
      for (const r of claims['urn:mpass.id:role'] || []) say('urn:mpass.id:role: ' + r);
      const out = document.getElementById('signout');
      out.href = c.issuer + '/session/end?' + new URLSearchParams({ id_token_hint: tokens.id_token, post_logout_redirect_uri: redirect, ui_locales: c.lang });
      out.hidden = false;
    }
  }
}
`;
