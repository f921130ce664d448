import { expect } from '@open-wc/testing';
import { sseParser, type SseEvent } from '@digione/platform';

function parse(chunks: string[]) {
  const events: SseEvent[] = [];
  const retries: number[] = [];
  const p = sseParser(
    (e) => events.push(e),
    (ms) => retries.push(ms),
  );
  chunks.forEach((c) => p.push(c));
  return { events, retries, p };
}

describe('sseParser', () => {
  const stream =
    'retry: 2500\n: heartbeat\n\nevent: notification\nid: 7\ndata: {"a":\ndata: 1}\n\ndata: plain\n\n';

  it('parses events, multi-line data, comments, retry, sticky ids', () => {
    const { events, retries } = parse([stream]);
    expect(events).to.deep.equal([
      { type: 'notification', data: '{"a":\n1}', id: '7' },
      { type: 'message', data: 'plain', id: '7' },
    ]);
    expect(retries).to.deep.equal([2500]);
  });

  it('gives the same result however the bytes are split, CRLF and CR included', () => {
    const crlf = stream.replace(/\n/g, '\r\n');
    const cr = stream.replace(/\n/g, '\r');
    const whole = parse([stream]).events;
    for (const s of [stream, crlf, cr]) {
      for (let cut = 1; cut < s.length; cut++) {
        expect(parse([s.slice(0, cut), s.slice(cut)]).events, `${JSON.stringify(s)} @${cut}`).to.deep.equal(
          whole,
        );
      }
      expect(parse([...s]).events).to.deep.equal(whole);
    }
  });

  it('an event is dispatched only at its blank line; reset drops a half event', () => {
    const { events, p } = parse(['event: read\ndata: {}\n']);
    expect(events).to.have.length(0);
    p.reset();
    p.push('\n');
    expect(events).to.have.length(0);
  });

  it('ignores ids with NUL and keeps the field value after one leading space', () => {
    const { events } = parse(['id: 1\n\nid: 2\0\ndata:  two spaces\n\n']);
    expect(events).to.deep.equal([{ type: 'message', data: ' two spaces', id: '1' }]);
  });
});
