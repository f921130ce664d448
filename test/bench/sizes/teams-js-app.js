// @microsoft/teams-js, the app capability only (initialize, getContext): the least an app imports.
export { app } from '@microsoft/teams-js';
