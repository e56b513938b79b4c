import { checkLinks, GENESIS_HASH, linkHash, SealedLink } from '../audit-chain';

function chainOf(texts: string[]): SealedLink[] {
  let hash = GENESIS_HASH;
  return texts.map((canonical, i) => {
    hash = linkHash(hash, canonical);
    return { seq: i + 1, eventId: 100 + i, hash, canonical };
  });
}

describe('the audit chain', () => {
  const events = ['[1,"a"]', '[2,"b"]', '[3,"c"]', '[4,"d"]'];
  const start = { hash: GENESIS_HASH, seq: 0 };

  it('holds for the events as sealed, across pages', () => {
    const links = chainOf(events);
    const first = checkLinks(links.slice(0, 2), start);
    expect(first.broken).toBeNull();
    expect(checkLinks(links.slice(2), { hash: first.lastHash, seq: first.lastSeq })).toEqual({ broken: null, lastHash: links[3].hash, lastSeq: 4 });
  });

  it('names the first altered event', () => {
    const links = chainOf(events);
    links[2] = { ...links[2], canonical: '[3,"c changed"]' };
    expect(checkLinks(links, start).broken).toEqual({ seq: 3, eventId: 102, reason: 'altered' });
  });

  it('an event re-sealed after being changed still breaks the next link', () => {
    const links = chainOf(events);
    links[1] = { ...links[1], canonical: '[2,"forged"]', hash: linkHash(links[0].hash, '[2,"forged"]') };
    expect(checkLinks(links, start).broken).toEqual({ seq: 3, eventId: 102, reason: 'altered' });
  });

  it('names a removed event and a removed seal', () => {
    const links = chainOf(events);
    expect(
      checkLinks(
        links.map((l) => (l.seq === 2 ? { ...l, canonical: null } : l)),
        start,
      ).broken,
    ).toEqual({ seq: 2, eventId: 101, reason: 'missing' });
    expect(
      checkLinks(
        links.filter((l) => l.seq !== 3),
        start,
      ).broken,
    ).toEqual({ seq: 3, eventId: 103, reason: 'gap' });
  });

  it('reordering events breaks the chain', () => {
    const links = chainOf(events);
    const swapped = [links[0], { ...links[1], canonical: events[2] }, { ...links[2], canonical: events[1] }, links[3]];
    expect(checkLinks(swapped, start).broken?.seq).toBe(2);
  });
});
