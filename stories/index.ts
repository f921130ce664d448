// Every story module, for the story test (test/browser/stories.test.ts). Add new story files here.
import * as loginBar from './login-bar.stories.js';

export const storyModules: Array<Record<string, unknown>> = [loginBar];
