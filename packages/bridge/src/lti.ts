/**
 * Compatibility with tools written for LMS embedding: the 1EdTech LTI client-side postMessages
 * (`lti.capabilities`, `lti.put_data`, `lti.get_data`) and the common `lti.frameResize`
 * (Canvas), mapped onto the host's storage and resize. The same checks as the bridge:
 * only the frame's own window, only the manifest origin, answers to that exact origin.
 * @module
 */
import { frameListener } from './host.js';

/** Where an LTI tool's data goes: per plugin (the host scopes it), string values. */
export interface LtiStorage {
  /** The stored value, or null/undefined when unset. */
  get(key: string): string | null | undefined | Promise<string | null | undefined>;
  /** Store a value (LTI `put_data`). */
  set(key: string, value: string): void | Promise<void>;
}

/** Options of {@link createLtiListener}. */
export interface LtiListenerOptions {
  /** The tool's frame (or a function returning its window): messages from any other window are ignored. */
  frame: HTMLIFrameElement | (() => Window | null);
  /** The tool's origin, exactly. */
  origin: string;
  /** Without storage, put_data/get_data are not offered (`unsupported_subject`). */
  storage?: LtiStorage;
  /** Called with the clamped height; without it, frameResize is not offered. */
  onResize?(height: number): void;
  /** Heights are clamped to [minHeight, maxHeight]; default 1 and 10000. */
  minHeight?: number;
  maxHeight?: number;
  /** Longest key and value accepted; default 256 and 65536 characters. */
  maxKeyLength?: number;
  maxValueLength?: number;
  /** The window messages arrive at; default `window`. */
  window?: Window;
}

/** A running LTI listener. */
export interface LtiListener {
  /** Stop listening. */
  close(): void;
}

type Msg = Record<string, unknown>;
const PREFIX = 'org.imsglobal.';

/** Answer LTI client-side postMessages from one tool frame. */
export function createLtiListener(o: LtiListenerOptions): LtiListener {
  const maxKey = o.maxKeyLength ?? 256;
  const maxValue = o.maxValueLength ?? 65536;
  const min = o.minHeight ?? 1;
  const max = o.maxHeight ?? 10000;

  const supported = (): string[] => [
    'lti.capabilities',
    ...(o.storage ? ['lti.put_data', 'lti.get_data'] : []),
    ...(o.onResize ? ['lti.frameResize'] : []),
  ];

  const close = frameListener(o, (data, src) => {
    const m = parse(data);
    if (!m || typeof m.subject != 'string') return;
    const subject = m.subject;
    const prefix = subject.startsWith(PREFIX) ? PREFIX : '';
    const base = subject.slice(prefix.length);
    // Not LTI (or a response someone echoed back): not ours to answer.
    if (!base.startsWith('lti.') || base.endsWith('.response')) return;
    const id = m.message_id;
    const answer = (body: Msg) => {
      // Resize notices often come without an id: nothing to correlate, so no answer.
      if (id === undefined && base === 'lti.frameResize') return;
      src.postMessage({ subject: `${subject}.response`, message_id: id, ...body }, o.origin);
    };
    const error = (code: string, message: string) => answer({ error: { code, message } });
    if (!supported().includes(base)) return error('unsupported_subject', `${subject} is not supported`);
    // a string once checked: put_data and get_data, its only users, check it first of all
    const key = m.key as string;
    if (base.endsWith('_data') && (typeof key != 'string' || !key || key.length > maxKey))
      return error('bad_request', `key must be a string of 1 to ${maxKey} characters`);
    switch (base) {
      case 'lti.capabilities':
        return answer({ supported_messages: supported().map((s) => ({ subject: prefix + s })) });
      case 'lti.frameResize': {
        const h = typeof m.height == 'string' ? parseFloat(m.height) : m.height;
        if (typeof h != 'number' || !isFinite(h)) return error('bad_request', 'height must be a number');
        o.onResize!(Math.round(Math.min(max, Math.max(min, h))));
        return answer({});
      }
      case 'lti.put_data': {
        if (typeof m.value != 'string' || m.value.length > maxValue)
          return error('bad_request', `value must be a string of at most ${maxValue} characters`);
        const value = m.value;
        return void Promise.resolve()
          .then(() => o.storage!.set(key, value))
          .then(
            () => answer({ key, value }),
            () => error('storage_exhaustion', 'the value could not be stored'),
          );
      }
      case 'lti.get_data':
        return void Promise.resolve()
          .then(() => o.storage!.get(key))
          .then(
            // An unset key answers without a value, as the reference platform does.
            (value) => answer(typeof value == 'string' ? { key, value } : { key }),
            () => error('bad_request', 'the value could not be read'),
          );
    }
  });
  return { close };
}

/** Objects as they are; JSON strings (an older Canvas convention) parsed; anything else null. */
function parse(d: unknown): Msg | null {
  if (typeof d == 'string' && d.length <= 131072 && d.startsWith('{')) {
    try {
      d = JSON.parse(d);
    } catch {
      return null;
    }
  }
  return typeof d == 'object' && d !== null && !Array.isArray(d) ? (d as Msg) : null;
}
