import { DomainError } from '../domain-error';
import { ancestorPaths } from '../org-tree';

describe('ancestorPaths', () => {
  it('gives every node its path from the root', () => {
    const paths = ancestorPaths([
      { id: 'cell', parentId: 'upper' },
      { id: 'bloc', parentId: null },
      { id: 'upper', parentId: 'bloc' },
    ]);
    expect(paths.get('cell')).toEqual(['bloc', 'upper', 'cell']);
    expect(paths.get('bloc')).toEqual(['bloc']);
  });

  it('handles deep trees without recursion limits', () => {
    const nodes = Array.from({ length: 2000 }, (_, i) => ({ id: `u${i}`, parentId: i === 0 ? null : `u${i - 1}` }));
    expect(ancestorPaths(nodes.slice().reverse()).get('u1999')).toHaveLength(2000);
  });

  it('refuses cycles and unknown parents', () => {
    expect(() =>
      ancestorPaths([
        { id: 'a', parentId: 'b' },
        { id: 'b', parentId: 'a' },
      ]),
    ).toThrow(DomainError);
    expect(() => ancestorPaths([{ id: 'a', parentId: 'zz' }])).toThrow(/Unknown parent/);
  });
});
