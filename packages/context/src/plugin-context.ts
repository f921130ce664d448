/**
 * The minimised context a plugin may see, built from the host's context and the plugin's grants.
 * Data protection by default (GDPR Art. 25): a plugin gets a pairwise subject, its role, the
 * active group's id/title/code, the locale and the theme; everything else only when granted.
 * @module
 */
import type { PlatformContext, PlatformRole, Theme, UiLang } from './model.js';
import { pickText, uiLang } from './locale.js';
import { defined } from './mappers/read.js';

/** Permissions a manifest may ask for and a portal may grant. */
export const PERMISSIONS = [
  'context.user.name',
  'context.user.email',
  'context.user.learnerNumber',
  'context.school',
  'context.group',
  'notifications',
  'token',
  // the plugin token reads the OneRoster data the user may read (class lists with names), without
  // learner numbers, MPASSid ids or e-mail; it goes to the platform with the session request
  'roster',
  'storage',
  'navigation',
] as const;
/** One permission. */
export type Permission = (typeof PERMISSIONS)[number];

/** What a plugin sees of the platform's context. */
export interface PluginContext {
  /** Pairwise pseudonymous subject from the plugin session; never the user's id or learner number. */
  sub: string | null;
  /** The active role, or null when nobody is signed in. */
  role: PlatformRole | null;
  /** LTI role URIs for the active role. */
  roles: string[];
  /** The active group: id, title and code; more only with `context.group`. */
  group: PluginGroup | null;
  /** UI language. */
  locale: UiLang;
  /** Formatting locale for Intl (e.g. `sv-FI`). */
  formattingLocale: string;
  timeZone: string;
  theme: Pick<Theme, 'colorScheme' | 'contrast' | 'reducedMotion' | 'fontScale'>;
  /** Only with `context.user.name`. */
  user?: { givenName: string; familyName: string; displayName: string };
  /** Only with `context.user.email`. */
  email?: string;
  /** Only with `context.user.learnerNumber` (DPA-backed). */
  learnerNumber?: string;
  /** Only with `context.school`, and never for a pupil with a non-disclosure marking. */
  school?: { name: string; schoolCode?: string };
  /**
   * What the portal granted this plugin, of the permissions its manifest asks for: a plugin offers
   * only what will work (no link to another tool without `navigation`) instead of learning it from
   * a `PERMISSION_DENIED`. A grant can change while the plugin runs; the change arrives as a context.
   */
  permissions: Permission[];
  /**
   * Where inside the plugin the portal's address points (`/task/3`): a deep link, a notification's
   * link, another plugin's `navigate({ pluginId, path })`. Absent when the plugin is opened as such.
   */
  path?: string;
}

/** The active group as a plugin sees it. */
export interface PluginGroup {
  id: string;
  title: string;
  code?: string;
  /** With `context.group` only. */
  kind?: 'homeroom' | 'teachingGroup';
  subjects?: string[];
  grades?: string[];
}

const LIS = 'http://purl.imsglobal.org/vocab/lis/v2/';
/** LTI 1.3 role URIs per platform role (DOMAIN.md section 7). */
export const LTI_ROLES: Record<PlatformRole, string[]> = {
  student: [`${LIS}institution/person#Student`, `${LIS}membership#Learner`],
  teacher: [`${LIS}institution/person#Instructor`, `${LIS}membership#Instructor`],
  substituteTeacher: [`${LIS}membership#Instructor`],
  principal: [`${LIS}institution/person#Administrator`],
  schoolSecretary: [`${LIS}institution/person#Staff`],
  staff: [`${LIS}institution/person#Staff`],
  guardian: [`${LIS}membership#Mentor`],
  aide: [`${LIS}membership#Instructor#TeachingAssistant`],
  counselor: [`${LIS}institution/person#Staff`],
  districtAdministrator: [`${LIS}institution/person#Administrator`],
};

/**
 * Build the context for one plugin. `sub` comes from the platform's plugin session (pairwise);
 * pass null when there is no session (signed out). Grants outside {@link PERMISSIONS} are ignored.
 * Fields a plugin may not see are left out (never present as undefined).
 */
export function toPluginContext(
  ctx: Readonly<PlatformContext>,
  grants: readonly string[],
  sub: string | null,
): PluginContext {
  const has = (p: Permission) => grants.includes(p);
  const lang = uiLang(ctx.locale);
  const u = ctx.user;
  const r = u?.restricted;
  const role = u ? (ctx.activeRole?.role ?? null) : null;
  const g = u ? ctx.activeGroup : null;
  const fullGroup = has('context.group');
  const org =
    u && has('context.school') && !r?.nonDisclosure && ctx.activeRole
      ? ctx.organizations[ctx.activeRole.orgId]
      : undefined;
  const { colorScheme, contrast, reducedMotion, fontScale } = ctx.theme;
  // signed out (no user): no subject, role, group or personal data, whatever was granted
  return defined<PluginContext>({
    sub: u ? sub : null,
    role,
    roles: role ? [...LTI_ROLES[role]] : [],
    group: g
      ? defined<PluginGroup>({
          id: g.id,
          title: g.title,
          code: g.code || undefined,
          kind: fullGroup ? g.kind : undefined,
          subjects: fullGroup ? g.subjects?.slice() : undefined,
          grades: fullGroup ? g.grades?.slice() : undefined,
        })
      : null,
    locale: lang,
    formattingLocale: ctx.locale.formatting,
    timeZone: ctx.locale.timeZone,
    theme: { colorScheme, contrast, reducedMotion, fontScale },
    user:
      u && has('context.user.name')
        ? {
            givenName: u.preferredFirstName ?? u.givenName,
            familyName: u.familyName,
            displayName: u.displayName,
          }
        : undefined,
    email: (has('context.user.email') && r?.email) || undefined,
    learnerNumber: (has('context.user.learnerNumber') && r?.learnerNumber) || undefined,
    school: org
      ? defined({ name: pickText(org.name, lang), schoolCode: org.schoolCode || undefined })
      : undefined,
    permissions: PERMISSIONS.filter(has),
  });
}
