import { expect } from '@open-wc/testing';
import { checkCatalogs, formatMessage } from '../../src/shared/index.js';
import { trayCatalog } from '../../src/notification-tray/messages.js';

describe('notification tray messages', () => {
  it('fi, sv and en are complete, with the same placeholders', () => {
    expect(checkCatalogs([trayCatalog])).to.deep.equal([]);
  });

  it('plurals follow Intl.PluralRules in each language', () => {
    const m = trayCatalog.messages;
    expect(formatMessage(m.fi.newMany, 'fi', 'fi-FI', { count: 1 })).to.equal('1 uusi ilmoitus');
    expect(formatMessage(m.fi.newMany, 'fi', 'fi-FI', { count: 5 })).to.equal('5 uutta ilmoitusta');
    expect(formatMessage(m.sv.unread, 'sv', 'sv-FI', { count: 1 })).to.equal('1 oläst');
    expect(formatMessage(m.sv.unread, 'sv', 'sv-FI', { count: 2 })).to.equal('2 olästa');
    expect(formatMessage(m.en.newMany, 'en', 'en-FI', { count: 1 })).to.equal('1 new notification');
  });
});
