// Oppimo's own web app (a vendor's React page, not a portal plugin): it embeds the platform's
// sign-in and group selection through the SDK's React wrappers and reacts to their events.
import { createElement as h, useCallback, useState } from 'react';
import { createRoot } from 'react-dom/client';
// #region wrappers
import { Platform, LoginBar, ClassPicker } from '@digione/ui/react.js';
// #endregion wrappers

const TEXT = {
  fi: {
    app: 'Oppimo',
    tagline: 'Opettajan työpöytä',
    signedOut: 'Kirjaudu sisään, niin näet ryhmäsi.',
    hello: (name) => `Hei, ${name}!`,
    pick: 'Valitse ryhmä, jonka kanssa työskentelet.',
    chosen: 'Valittu ryhmä',
    events: 'Tapahtumat',
    none: 'Ei vielä tapahtumia.',
  },
  sv: {
    app: 'Oppimo',
    tagline: 'Lärarens skrivbord',
    signedOut: 'Logga in för att se dina grupper.',
    hello: (name) => `Hej, ${name}!`,
    pick: 'Välj gruppen du arbetar med.',
    chosen: 'Vald grupp',
    events: 'Händelser',
    none: 'Inga händelser ännu.',
  },
  en: {
    app: 'Oppimo',
    tagline: "Teacher's desk",
    signedOut: 'Sign in to see your groups.',
    hello: (name) => `Hello, ${name}!`,
    pick: 'Choose the group you are working with.',
    chosen: 'Chosen group',
    events: 'Events',
    none: 'No events yet.',
  },
};

// The devkit serves this page on the platform's origin; a vendor's deployment would configure
// the city's issuer and API here instead.
const origin = location.origin;
const EVENTS_KEY = 'oppimo.events';
const readEvents = () => JSON.parse(sessionStorage.getItem(EVENTS_KEY) ?? '[]');

function App() {
  const [lang, setLang] = useState(() =>
    TEXT[document.documentElement.lang] ? document.documentElement.lang : 'fi',
  );
  const [user, setUser] = useState(null);
  const [group, setGroup] = useState(null);
  // kept for the tab, so the events before and after the sign-in round trip both show
  const [events, setEvents] = useState(readEvents);
  const t = TEXT[lang];
  // written to the tab's storage at once, not after React renders: sign-out (and sign-in) leave
  // the page for the provider in the same task, before a render or an effect would run
  const log = useCallback((name) => {
    const list = [name, ...readEvents()].slice(0, 10);
    sessionStorage.setItem(EVENTS_KEY, JSON.stringify(list));
    setEvents(list);
  }, []);

  // #region events
  const onAuthChange = (e) => {
    setUser(e.detail.status === 'signed-in' ? e.detail.user : null);
    if (e.detail.status !== 'signed-in') setGroup(null);
    log(`d1-auth-change: ${e.detail.status}`);
  };
  const onGroupChange = (e) => {
    setGroup(e.detail.group);
    log(`d1-group-change: ${e.detail.group?.title ?? '-'}`);
  };
  const onLocaleChange = (e) => {
    setLang(e.detail.locale);
    document.documentElement.lang = e.detail.locale;
    log(`d1-locale-change: ${e.detail.locale}`);
  };
  // #endregion events

  // #region tree
  return h(
    Platform,
    { issuer: `${origin}/oidc`, clientId: 'digione-portal', api: origin, onAuthChange },
    h(
      'header',
      { className: 'bar' },
      h(
        'p',
        { className: 'app' },
        h('span', { className: 'logo', 'aria-hidden': 'true' }, 'O'),
        t.app,
        h('span', { className: 'tagline' }, t.tagline),
      ),
      h(LoginBar, { onSignIn: () => log('d1-sign-in'), onSignOut: () => log('d1-sign-out'), onLocaleChange }),
    ),
    h(
      'main',
      { className: 'content' },
      h('h1', null, user ? t.hello(user.preferredFirstName ?? user.givenName) : t.tagline),
      user
        ? h(
            'section',
            { 'aria-labelledby': 'group-heading', className: 'card' },
            h('h2', { id: 'group-heading' }, t.pick),
            h(ClassPicker, { onGroupChange }),
            h(
              'p',
              { className: 'chosen', 'data-testid': 'chosen-group' },
              group ? `${t.chosen}: ${group.title}` : '',
            ),
          )
        : h('p', null, t.signedOut),
      h(
        'section',
        { 'aria-labelledby': 'events-heading', className: 'card' },
        h('h2', { id: 'events-heading' }, t.events),
        events.length
          ? h(
              'ol',
              { className: 'events' },
              events.map((ev, i) => h('li', { key: `${events.length - i}` }, ev)),
            )
          : h('p', null, t.none),
      ),
    ),
  );
  // #endregion tree
}

createRoot(document.getElementById('app')).render(h(App));
