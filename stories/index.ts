// Every story module, for the story test (test/browser/stories.test.ts). Add new story files here.
import * as loginBar from './login-bar.stories.js';
import * as notificationTray from './notification-tray.stories.js';
import * as classPicker from './class-picker.stories.js';
import * as shell from './shell.stories.js';
import * as pluginHostInPage from './plugin-host-in-page.stories.js';
import * as pluginHost from './plugin-host.stories.js';
import * as tokens from './tokens.stories.js';

export const storyModules: Array<Record<string, unknown>> = [
  loginBar,
  notificationTray,
  classPicker,
  shell,
  pluginHostInPage,
  pluginHost,
  tokens,
];
