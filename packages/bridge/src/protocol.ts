/**
 * Version 1 of the DigiOne host <-> plugin protocol: message shapes, method and event maps,
 * error codes and version negotiation. The wire format is specified in `docs/protocol.md`.
 * @module
 */

/** Protocol versions this build speaks, `MAJOR.MINOR`, highest last. */
export const PROTOCOL_VERSIONS: readonly string[] = ['1.0'];

/** Error codes a reply may carry (`{ id, error: { code, message } }`). */
export const ERROR_CODES = [
  'PERMISSION_DENIED',
  'INVALID_PARAMS',
  'RATE_LIMITED',
  'NOT_FOUND',
  'TIMEOUT',
  'UNSUPPORTED',
  'INTERNAL',
] as const;
/** An error code that travels on the wire. */
export type WireErrorCode = (typeof ERROR_CODES)[number];
/**
 * Every error code a bridge call can reject with: the wire codes, plus two that only arise
 * locally in a plugin: `NOT_EMBEDDED` (the page has no parent window) and `DISCONNECTED`
 * (the call was made, or was pending, when the connection closed).
 */
export type BridgeErrorCode = WireErrorCode | 'NOT_EMBEDDED' | 'DISCONNECTED';

/** A typed protocol error. `code` is what programs branch on; `message` is for people. */
export class BridgeError extends Error {
  override name = 'BridgeError';
  constructor(
    readonly code: BridgeErrorCode,
    message: string,
  ) {
    super(message);
  }
}

// ---------------------------------------------------------------------------------------------
// Handshake messages (window.postMessage)

/** Plugin -> host (`window.parent`), posted with targetOrigin = each configured host origin. */
export interface HelloMessage {
  type: 'd1.hello';
  /** Versions the plugin speaks, `MAJOR.MINOR`. */
  versions: string[];
  /** Random id of this connect attempt in this document; not a secret. Echoed in the answer. */
  instance: string;
}
/** Host -> plugin, posted to the exact manifest origin with a MessagePort in `ports[0]`. */
export interface WelcomeMessage {
  type: 'd1.welcome';
  /** The version chosen for this connection. */
  version: string;
  pluginId: string;
  instance: string;
}
/** Host -> plugin when no version is common; the SDK rejects connect() with it at once. */
export interface RejectMessage {
  type: 'd1.reject';
  instance: string;
  error: { code: WireErrorCode; message: string };
}

// ---------------------------------------------------------------------------------------------
// Port messages (MessagePort.postMessage)

/** A request id: unique among the sender's pending requests on one port. */
export type RequestId = number | string;
/** A call: either side may send one; the other always answers with a {@link ReplyMessage}. */
export interface RequestMessage {
  id: RequestId;
  method: string;
  params?: unknown;
}
/** The answer to a request: `result` or `error`, never both. */
export type ReplyMessage =
  { id: RequestId; result: unknown } | { id: RequestId; error: { code: WireErrorCode; message: string } };
/** A one-way notification; never answered. */
export interface EventMessage {
  event: string;
  data?: unknown;
}
/** Anything that travels on the port. */
export type PortMessage = RequestMessage | ReplyMessage | EventMessage;

// ---------------------------------------------------------------------------------------------
// Methods and events of version 1

/** Language keys of {@link LocalizedText}. */
export type TextLang = 'fi' | 'sv' | 'en' | 'se' | 'smn' | 'sms';
/** Text in several languages; the host picks the user's. */
export type LocalizedText = Partial<Record<TextLang, string>>;
/** Severity of a notification; `error` is announced assertively by the host. */
export type Severity = 'info' | 'success' | 'warning' | 'error';
/** A platform role (as in `@digione/context`). */
export type PlatformRole =
  | 'student'
  | 'teacher'
  | 'substituteTeacher'
  | 'principal'
  | 'schoolSecretary'
  | 'staff'
  | 'guardian'
  | 'aide'
  | 'counselor'
  | 'districtAdministrator';

/** A permission a manifest may ask for and a portal may grant (`@digione/context`'s `Permission`). */
export type PluginPermission =
  | 'context.user.name'
  | 'context.user.email'
  | 'context.user.learnerNumber'
  | 'context.school'
  | 'context.group'
  | 'notifications'
  | 'token'
  | 'roster'
  | 'storage'
  | 'navigation';

/**
 * What a plugin sees of the platform's context. The same shape as `PluginContext` in
 * `@digione/context` (a type test keeps them equal); declared here so the SDK needs no runtime
 * or type dependency. Display only: a backend authorises on the token, never on this.
 */
export interface PluginContext {
  /** Pairwise pseudonymous subject; null when nobody is signed in. */
  sub: string | null;
  role: PlatformRole | null;
  /** LTI role URIs of the active role. */
  roles: string[];
  group: {
    id: string;
    title: string;
    code?: string;
    kind?: 'homeroom' | 'teachingGroup';
    subjects?: string[];
    grades?: string[];
  } | null;
  locale: 'fi' | 'sv' | 'en';
  /** Tag for Intl, e.g. `sv-FI`. */
  formattingLocale: string;
  timeZone: string;
  theme: {
    colorScheme: 'light' | 'dark' | 'system';
    contrast: 'normal' | 'more' | 'forced';
    reducedMotion: boolean;
    fontScale: number;
  };
  user?: { givenName: string; familyName: string; displayName: string };
  email?: string;
  learnerNumber?: string;
  school?: { name: string; schoolCode?: string };
  /** What the portal granted this plugin of what its manifest asks; follows grant changes. */
  permissions: PluginPermission[];
  /** Where inside the plugin the portal's address points (`/task/3`); absent when opened as such. */
  path?: string;
}

/** Parameters of `notifications.post`. */
export interface NotifyParams {
  title: string | LocalizedText;
  body?: string | LocalizedText;
  severity?: Severity;
  /** Where "open" leads: a plugin and a path inside it, or an http(s) URL. */
  link?: { pluginId?: string; path?: string; href?: string };
  groupId?: string;
  containsPersonalData?: boolean;
}
/** Parameters of `navigation.open`: another plugin (or this one when omitted) and a path in it. */
export interface NavigateParams {
  pluginId?: string;
  /** Starts with `/`. */
  path?: string;
}
/** Result of `auth.getToken`. */
export interface TokenResult {
  /** A short-lived JWT, aud = plugin id, sub = pairwise subject. */
  token: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

/** Plugin -> host methods of version 1: parameters and results. */
export interface HostMethods {
  'context.get': { params: undefined; result: PluginContext };
  'notifications.post': { params: NotifyParams; result: { id: string } | null };
  'ui.announce': { params: { text: string; politeness?: 'polite' | 'assertive' }; result: null };
  'ui.resize': { params: { height: number }; result: null };
  'ui.focusHost': { params: { direction?: 'forward' | 'backward' } | undefined; result: null };
  'navigation.open': { params: NavigateParams; result: null };
  'auth.getToken': { params: undefined; result: TokenResult };
  'storage.get': { params: { key: string }; result: unknown };
  'storage.set': { params: { key: string; value: unknown }; result: null };
}
/** A method a plugin may call. */
export type HostMethod = keyof HostMethods;
/** Method names of version 1, for validation and capability lists. */
export const HOST_METHODS: readonly HostMethod[] = [
  'context.get',
  'notifications.post',
  'ui.announce',
  'ui.resize',
  'ui.focusHost',
  'navigation.open',
  'auth.getToken',
  'storage.get',
  'storage.set',
];

/** Host -> plugin events of version 1. */
export interface PluginEvents {
  'context.changed': PluginContext;
  'visibility.changed': { visible: boolean };
}
/** An event the host may emit. */
export type PluginEvent = keyof PluginEvents;

/** Protocol-level names that are not part of the method/event maps. */
export const PING = 'ping';
/** Sent by either side just before it closes the port on purpose. */
export const BYE = 'bye';

// ---------------------------------------------------------------------------------------------
// Version negotiation

/**
 * The version both sides speak: the highest common MAJOR, and within it the lower of the two
 * highest MINORs (a minor version only adds, so an unknown future minor still connects).
 * Returns null when no major version is shared. Malformed entries are ignored.
 */
export function negotiate(host: readonly string[], plugin: readonly unknown[]): string | null {
  const best = (list: readonly unknown[]) => {
    const m = new Map<number, number>();
    for (const v of list) {
      const r = typeof v === 'string' ? /^(\d{1,4})\.(\d{1,4})$/.exec(v) : null;
      if (!r) continue;
      const major = Number(r[1]);
      const minor = Number(r[2]);
      if (minor >= (m.get(major) ?? -1)) m.set(major, minor);
    }
    return m;
  };
  const h = best(host);
  const p = best(plugin);
  let major = -1;
  for (const k of h.keys()) if (p.has(k) && k > major) major = k;
  if (major < 0) return null;
  return `${major}.${Math.min(h.get(major)!, p.get(major)!)}`;
}
