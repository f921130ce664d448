// A module plugin as a vendor writes it: plain JavaScript, no build step, no imports (the host
// hands it a PluginClient). The Storybook shell and plugin host stories run this file, and the
// guides quote it (test/node/docs-samples.test.mjs keeps the quotes equal to it).
// @ts-check

const TEXT = {
  fi: {
    hello: 'Hei',
    group: 'Valittu ryhmä',
    none: 'ei valittu',
    send: 'Lähetä muistutus',
    sent: 'Muistutus lähetetty',
  },
  sv: {
    hello: 'Hej',
    group: 'Vald grupp',
    none: 'ingen vald',
    send: 'Skicka påminnelse',
    sent: 'Påminnelsen skickades',
  },
  en: {
    hello: 'Hello',
    group: 'Active group',
    none: 'none chosen',
    send: 'Send a reminder',
    sent: 'Reminder sent',
  },
};

// #region mount
/**
 * @param {HTMLElement} container where the host wants the plugin (inside a shadow root of its own)
 * @param {import('@digione/bridge').PluginClient} client the same API an iframe plugin gets from connect()
 */
export function mount(container, client) {
  // paint our own surface from the portal's theme tokens (they inherit into the plugin's shadow
  // root), so text keeps its contrast in light, dark and high-contrast portals alike
  const box = document.createElement('div');
  box.style.cssText =
    'background: var(--d1-color-surface, Canvas); color: var(--d1-color-text, CanvasText);' +
    'font-family: var(--d1-font-family, system-ui); padding: var(--d1-space-m, 0.75rem);';
  const heading = document.createElement('h2');
  const group = document.createElement('p');
  const button = document.createElement('button');
  button.type = 'button';
  box.append(heading, group, button);
  container.append(box);

  const render = () => {
    const { locale, user, group: active } = client.context;
    const t = TEXT[locale] ?? TEXT.fi;
    // textContent, never innerHTML: names and titles come from outside
    heading.textContent = user ? `${t.hello}, ${user.givenName}!` : `${t.hello}!`;
    group.textContent = `${t.group}: ${active?.title ?? t.none}`;
    button.textContent = t.send;
  };
  render();
  const off = client.on('context', render);

  button.addEventListener('click', async () => {
    const t = TEXT[client.context.locale] ?? TEXT.fi;
    // needs the `notifications` permission; the tray shows it and announces it politely
    await client.notify({ title: t.sent, severity: 'success' });
  });

  return () => {
    off();
    container.replaceChildren();
  };
}
// #endregion mount
