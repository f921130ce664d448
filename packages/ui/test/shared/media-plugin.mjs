// A @web/test-runner plugin: `executeServerCommand('d1-emulate-media', { features })` emulates any
// CSS media feature puppeteer knows (forced-colors, prefers-contrast, prefers-color-scheme,
// prefers-reduced-motion). The stock emulateMedia command drops forcedColors on puppeteer.
// `features: []` resets them all.
export function d1MediaPlugin() {
  return {
    name: 'd1-emulate-media',
    async executeCommand({ command, payload, session }) {
      if (command !== 'd1-emulate-media') return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error('d1-emulate-media needs the puppeteer/chrome launcher');
      const page = session.browser.getPage(session.id);
      await page.emulateMediaFeatures(payload?.features ?? []);
      return true;
    },
  };
}
