/**
 * Service interfaces: declared here, implemented in `@digione/platform` (or by a portal that
 * brings its own). Parts meet through these, so a plugin's notification goes
 * host -> NotificationService -> tray and neither end knows the other.
 * @module
 */
import type {
  AcademicSession,
  Group,
  Notification,
  Organization,
  Severity,
  User,
  LocalizedText,
} from './model.js';
import type { Permission } from './plugin-context.js';

/** Sign-in and tokens for the portal itself (OIDC in `@digione/platform`). */
export interface AuthService {
  /** Start a sign-in (usually a redirect to the identity provider). */
  signIn(options?: { loginHint?: string }): Promise<void>;
  /** End the platform session. MPASSid has no single sign-out: other services may stay signed in. */
  signOut(): Promise<void>;
  /** A current access token for the platform's APIs, or null when signed out. */
  getAccessToken(): Promise<string | null>;
}

/** Progress of a long load, for "loading 300 / 1200" style feedback. */
export interface LoadProgress {
  loaded: number;
  total: number | null;
}

/** What the class picker needs from the roster (OneRoster in `@digione/platform`). */
export interface RosterService {
  /**
   * The groups the user takes part in (as teacher or student), with their schools and sessions.
   * Implementations hide `tobedeleted` classes and enrolments that have ended (exclusive end date).
   */
  groupsForUser(
    userId: string,
    options?: { signal?: AbortSignal; onProgress?: (p: LoadProgress) => void },
  ): Promise<RosterGroups>;
  /** A guardian's children (OneRoster `agents`), as minimal users. */
  childrenOf?(
    guardianId: string,
    options?: { signal?: AbortSignal },
  ): Promise<Array<Pick<User, 'id' | 'givenName' | 'familyName' | 'preferredFirstName' | 'displayName'>>>;
}

/** Groups with the organisations and sessions they refer to. */
export interface RosterGroups {
  groups: Group[];
  organizations: Organization[];
  sessions: AcademicSession[];
}

/** What a plugin or backend sends; the service fills in id, time and source. */
export interface NotificationInput {
  title: LocalizedText | string;
  body?: LocalizedText | string;
  severity?: Severity;
  link?: Notification['link'];
  groupId?: string;
  containsPersonalData?: boolean;
}

/** The one notification feed a tray shows. */
export interface NotificationService {
  /** The notifications held now, newest first. */
  list(): readonly Notification[];
  /** Called with the full list on every change; returns unsubscribe. */
  subscribe(fn: (list: readonly Notification[], added: readonly Notification[]) => void): () => void;
  /** Post from a plugin (through the host) or the portal. Rejects with a typed error when over a limit. */
  post(input: NotificationInput, source: Notification['source']): Promise<Notification>;
  /** Mark these notifications read. Rejects (and the tray rolls back) when the server refuses. */
  markRead(ids: string[]): Promise<void>;
  /** Mark every notification read. */
  markAllRead(): Promise<void>;
  /** Remove a notification from the list. */
  dismiss(id: string): Promise<void>;
}

/** A plugin's session: pairwise subject and short-lived token, per user and plugin. */
export interface PluginSession {
  pluginId: string;
  /** Pairwise pseudonymous subject: stable per user+plugin, different across plugins. */
  sub: string;
  /** Short-lived JWT, aud = plugin id, sub = {@link sub}. */
  token: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

/** Plugin sessions, tokens and cookie-less per-plugin storage. */
export interface PluginSessionService {
  /**
   * The plugin's session (pairwise `sub`, short-lived token); `forceRefresh` gets a new one.
   * `permissions`: what the portal granted the plugin; the platform puts those its manifest asks
   * for into the token (e.g. `roster` for the OneRoster API). None given: none granted.
   */
  session(
    pluginId: string,
    options?: { forceRefresh?: boolean; permissions?: readonly Permission[] },
  ): Promise<PluginSession>;
  /** A value the plugin stored for this user, or null. */
  storageGet(pluginId: string, key: string): Promise<unknown>;
  /** Store a JSON value for this user and plugin (limits: see the implementation); null clears it. */
  storageSet(pluginId: string, key: string, value: unknown): Promise<void>;
}

/** Everything `<d1-platform>` provides besides the store. */
export interface PlatformServices {
  auth?: AuthService;
  roster?: RosterService;
  notifications?: NotificationService;
  pluginSessions?: PluginSessionService;
}
