/**
 * The design-system core every DigiOne element builds on: tokens and themes, brands,
 * localization, formatting, and the shared accessibility controllers. See `README.md` beside this
 * file for how an element uses it.
 * @module
 */
export { baseStyles, controlStyles } from './styles.js';
export {
  defineCatalog,
  byKey,
  registeredCatalogs,
  checkCatalogs,
  formatMessage,
  type Catalog,
  type CatalogKey,
  type CatalogMessages,
  type Message,
  type MessageParams,
  type PluralMessage,
} from './catalog.js';
export { LocaleController } from './locale-controller.js';
export { nearestLang, watchLang } from './lang-observer.js';
export { formatDateTime, formatDay, formatTime, formatRelativeTime, helsinkiDay } from './format.js';
export {
  AnnouncerController,
  ensureLiveRegions,
  ANNOUNCE_CLEAR_MS,
  type AnnounceOptions,
} from './announcer.js';
export { DismissController, composedContains, type DismissOptions, type DismissReason } from './dismiss.js';
export {
  RovingFocusController,
  moveIndex,
  setActiveDescendant,
  uniqueId,
  type MoveOptions,
  type Orientation,
  type RovingFocusOptions,
} from './focus.js';
export { fire } from './fire.js';
export { PlatformLink } from './platform-link.js';
export { VirtualListController, type VirtualListOptions } from './virtual-list.js';
export { keyedRows } from './keyed-rows.js';
export { PopoverController, type PopoverOptions, type PopoverPlacement } from './popover.js';
export { ensureThemeStyles, themeCss, ThemeController } from '../themes/theme-css.js';
export {
  applyBrand,
  applyTheme,
  themeNameFor,
  brandToCss,
  brandStyleText,
  brandProperties,
  BrandError,
  type Brand,
  type BrandToken,
} from '../themes/brand.js';
export {
  COLOR_TOKENS,
  commonTokens,
  themeTokens,
  lightTokens,
  darkTokens,
  contrastTokens,
  type ColorToken,
  type CommonToken,
  type ThemeName,
  type ThemeTokens,
} from '../themes/tokens.js';
// design-time: contrast arithmetic and the brand check (tree-shaken out of element bundles)
export { contrastRatio, parseColor, luminance, CONTRAST_PAIRS, checkBrand } from '../themes/contrast.js';
