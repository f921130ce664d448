import { expect } from '@open-wc/testing';
import { KeySearch, fold, tokenize } from '../../src/class-picker/search.js';
import { buildCatalog, buildRows, orderEntries, rowOfGroup, stepOption } from '../../src/class-picker/model.js';
import { manyGroups, orgs, sessions, smallGroups } from './fixtures.js';

describe('class picker search: Finnish matching', () => {
  it('keeps å, ä and ö as letters of their own and folds other accents', () => {
    expect(fold('Äidinkieli')).to.equal('äidinkieli');
    expect(fold('ÅLAND')).to.equal('åland');
    expect(fold('Östersundom')).to.equal('östersundom');
    expect(fold('Français débutants')).to.equal('francais debutants');
    expect(fold('Müller Ñandú')).to.equal('muller nandu');
    // NFD input (as some OneRoster feeds send it) folds the same way
    expect(fold('A\u0308idinkieli')).to.equal('äidinkieli');
    expect(fold('Søren Ærø')).to.equal('sören ärö');
  });

  it('"ä" does not match "a", "é" matches "e", and the reverse', () => {
    const s = new KeySearch(['äidinkieli', 'aine', 'debutants', 'ört', 'ost'].map(fold));
    expect([...s.search('ä')!]).to.deep.equal([0]);
    expect([...s.search('a')!]).to.deep.equal([1, 2]);
    expect([...s.search('é')!]).to.deep.equal([0, 1, 2]); // every key with a plain e
    expect([...s.search('DÉBU')!]).to.deep.equal([2]);
    expect([...s.search('ö')!]).to.deep.equal([3]);
    expect([...s.search('o')!]).to.deep.equal([4]);
  });

  it('matches every token, in any order, case-insensitively', () => {
    const s = new KeySearch(['matematiikka 7a', 'matematiikka 8b', '7a'].map(fold));
    expect([...s.search('7A MATE')!]).to.deep.equal([0]);
    expect(s.search('   ')).to.equal(null);
    expect(tokenize(' Ma\u0001  7 ')).to.deep.equal(['ma', '7']);
  });

  it('narrows the previous result when the query extends it, and looks up earlier queries', () => {
    const keys = manyGroups(10000).map((g) => fold(g.title));
    const s = new KeySearch(keys);
    const r1 = s.search('m')!;
    expect(s.lastScanned).to.equal(10000);
    const r2 = s.search('ma')!;
    expect(s.lastScanned).to.equal(r1.length);
    s.search('mat');
    expect(s.lastScanned).to.be.at.most(r2.length);
    // backspace: an answer we already have costs no scan
    const again = s.search('ma')!;
    expect(s.lastScanned).to.equal(0);
    expect(again).to.equal(r2);
    // a new token that contains an old one narrows too
    s.search('mat 7');
    expect(s.lastScanned).to.be.lessThan(10000);
    // the narrowed answer equals a full scan
    const fresh = new KeySearch(keys);
    expect([...s.search('mat 7b')!]).to.deep.equal([...fresh.search('mat 7b')!]);
  });
});

describe('class picker model: grouping and Finnish sorting', () => {
  it('sorts sections by school with Intl.Collator (fi: Å, Ä, Ö after Z) and the newest session first', () => {
    const cat = buildCatalog(smallGroups, orgs, sessions, 'fi', 'Muut');
    const schools = [...new Set(cat.sorted.map((e) => e.section.school))];
    expect(schools).to.deep.equal(['Kuusikosken koulu', 'Zetan koulu', 'Ålandsvägens skola', 'Östersundomin koulu']);
    const kuusi = cat.sorted.filter((e) => e.section.school === 'Kuusikosken koulu');
    expect([...new Set(kuusi.map((e) => e.section.session))]).to.deep.equal(['Lukuvuosi 2025–2026', 'Lukuvuosi 2024–2025']);
    // tobedeleted groups are never listed
    expect(cat.byId.has('g-del')).to.equal(false);
  });

  it('sorts titles numerically and with Finnish letters after z; English sorts Å with A', () => {
    const titles = ['Ö', 'Z', 'A', 'Ä', '10A', '9A', 'Å'].map((t, i) => ({ ...smallGroups[0]!, id: `t${i}`, title: t }));
    const fi = buildCatalog(titles, orgs, sessions, 'fi', 'Muut').sorted.map((e) => e.group.title);
    expect(fi).to.deep.equal(['9A', '10A', 'A', 'Z', 'Å', 'Ä', 'Ö']);
    const en = buildCatalog(titles, orgs, sessions, 'en', 'Other').sorted.map((e) => e.group.title);
    expect(en.indexOf('Å')).to.be.lessThan(en.indexOf('Z'));
  });

  it('lists a semester group under its school year, and recents first without duplicates', () => {
    const g = { ...smallGroups[0]!, id: 'sem', sessionIds: ['ses-2025-s'] };
    const cat = buildCatalog([...smallGroups, g], orgs, sessions, 'fi', 'Muut');
    expect(cat.byId.get('sem')!.section.session).to.equal('Syyslukukausi 2025');
    const recent = { id: 'recent', school: '', session: '', recent: true };
    const ordered = orderEntries(cat, ['g-zeta', 'g-7b', 'missing'], recent);
    expect(ordered.slice(0, 2).map((e) => e.group.id)).to.deep.equal(['g-zeta', 'g-7b']);
    expect(ordered.filter((e) => e.group.id === 'g-7b')).to.have.length(1);
    expect(ordered.length).to.equal(cat.sorted.length);
    const { rows, count, pos } = buildRows(ordered, null);
    expect(count).to.equal(ordered.length);
    expect(rows[0]).to.deep.include({ kind: 'header' });
    const positions = rows.map((r, i) => (r.kind === 'option' ? pos[i] : 0)).filter((p) => p);
    expect(positions).to.deep.equal(positions.map((_, i) => i + 1));
    // rows are made once: a second build reuses them
    expect(buildRows(ordered, null).rows[1]).to.equal(rows[1]);
  });
});

describe('class picker model: moving between options', () => {
  it('skips headings, stops at the ends, starts at an end from none', () => {
    const cat = buildCatalog(smallGroups, orgs, sessions, 'fi', 'Muut');
    const { rows } = buildRows(cat.sorted, null);
    const kinds = rows.map((r) => r.kind[0]).join('');
    expect(kinds).to.equal('hooooohohohoho');
    // from none (-1): the first option going down, the last going up, for any step (Home, End, PageDown)
    expect(stepOption(rows, -1, 1)).to.equal(1);
    expect(stepOption(rows, -1, -1)).to.equal(13);
    expect(stepOption(rows, -1, 10)).to.equal(1);
    expect(stepOption(rows, -1, -10)).to.equal(13);
    expect(stepOption(rows, 5, 1)).to.equal(7); // over the heading at 6
    expect(stepOption(rows, 7, -1)).to.equal(5);
    expect(stepOption(rows, 1, 10)).to.equal(13); // a page past the end stops at the last
    expect(stepOption(rows, 13, -10)).to.equal(1);
    expect(stepOption(rows, 1, -1)).to.equal(1);
    expect(rowOfGroup(rows, 'g-old')).to.equal(7);
    expect(rowOfGroup(rows, null)).to.equal(-1);
    expect(stepOption([], -1, 1)).to.equal(-1);
    expect(stepOption([], -1, -1)).to.equal(-1);
  });
});
