// Toolbars for theme (light, dark, high contrast, the demo city brand) and locale (fi, sv, en):
// every story renders inside a wrapper carrying `data-d1-theme` and `lang`, exactly as a portal would.
import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { withActions } from 'storybook/actions/decorator';
import { withThemeAndLocale } from '../stories/support/decorators.js';
import manifest from 'virtual:d1-elements-manifest';

// Controls and docs tables show the public API only: the manifest also lists private and
// protected members (`#x`, `_state`), which are not for designers to set.
setCustomElementsManifest({
  ...manifest,
  modules: manifest.modules.map((m) => ({
    ...m,
    declarations: m.declarations?.map((d) => ({
      ...d,
      members: d.members?.filter((x) => x.privacy !== 'private' && x.privacy !== 'protected'),
    })),
  })),
});

// Every `d1-*` event an element documents (`@fires`) is logged in the Actions panel.
const events = [
  ...new Set(
    manifest.modules
      .flatMap((m) => m.declarations ?? [])
      .flatMap((d) => d.events ?? [])
      .map((e) => e.name)
      .filter((n): n is string => !!n?.startsWith('d1-')),
  ),
];

const preview: Preview = {
  globalTypes: {
    theme: {
      description: 'Theme',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
          { value: 'contrast', title: 'High contrast' },
          { value: 'kuusikoski', title: 'Kuusikoski brand' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Language',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'fi', title: 'Suomi' },
          { value: 'sv', title: 'Svenska' },
          { value: 'en', title: 'English' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', locale: 'fi' },
  decorators: [withThemeAndLocale, withActions],
  parameters: {
    a11y: { test: 'error' },
    controls: { expanded: true },
    actions: { handles: events },
  },
  tags: ['autodocs'],
};
export default preview;
