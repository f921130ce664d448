/** One server-sent event (HTML "event stream interpretation"). */
export interface SseEvent {
  /** `event:` field, `message` when absent. */
  type: string;
  data: string;
  /** The last event id seen on this stream so far (sticky, as EventSource keeps it). */
  id: string;
}

/**
 * An incremental `text/event-stream` parser: feed it decoded text chunks in any split, it calls
 * `onEvent` per dispatched event and `onRetry` for a `retry:` field. Comments (heartbeats) are
 * skipped; `id` with a NUL is ignored, as the spec says.
 */
export function sseParser(onEvent: (e: SseEvent) => void, onRetry?: (ms: number) => void) {
  let buffer = '';
  let type = '';
  let data: string[] = [];
  let id = '';
  let lastCr = false;
  const line = (l: string) => {
    if (l === '') {
      if (data.length) onEvent({ type: type || 'message', data: data.join('\n'), id });
      type = '';
      data = [];
      return;
    }
    // `field: value` (one space after the first colon dropped), or a bare field with an empty
    // value; a comment (`: ...`) has the empty field name, which is none of the four
    const [field, ...rest] = l.split(':');
    const value = rest.join(':').replace(/^ /, '');
    if (field === 'event') type = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id' && !value.includes('\0')) id = value;
    else if (field === 'retry' && /^\d+$/.test(value)) onRetry?.(Number(value));
  };
  return {
    /** Feed the next chunk of the stream; complete events are dispatched at once. */
    push(chunk: string): void {
      // a CRLF split across chunks: the LF after a CR that ended the last chunk is not a new line
      if (lastCr && chunk.startsWith('\n')) chunk = chunk.slice(1);
      buffer += chunk;
      const parts = buffer.split(/\r\n|\r|\n/);
      lastCr = buffer.endsWith('\r');
      buffer = parts.pop() ?? '';
      parts.forEach(line);
    },
    /** The id to resume from (`Last-Event-ID`). */
    get lastEventId(): string {
      return id;
    },
    /** Resume from this id (e.g. one kept from an earlier stream). */
    set lastEventId(v: string) {
      id = v;
    },
    /** Forget a half-received event (the connection dropped). */
    reset(): void {
      buffer = '';
      type = '';
      data = [];
      lastCr = false;
    },
  };
}
