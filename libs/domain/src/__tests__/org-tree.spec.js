"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const domain_error_1 = require("../domain-error");
const org_tree_1 = require("../org-tree");
describe('ancestorPaths', () => {
    it('gives every node its path from the root', () => {
        const paths = (0, org_tree_1.ancestorPaths)([
            { id: 'cell', parentId: 'upper' },
            { id: 'bloc', parentId: null },
            { id: 'upper', parentId: 'bloc' },
        ]);
        expect(paths.get('cell')).toEqual(['bloc', 'upper', 'cell']);
        expect(paths.get('bloc')).toEqual(['bloc']);
    });
    it('handles deep trees without recursion limits', () => {
        const nodes = Array.from({ length: 2000 }, (_, i) => ({ id: `u${i}`, parentId: i === 0 ? null : `u${i - 1}` }));
        expect((0, org_tree_1.ancestorPaths)(nodes.slice().reverse()).get('u1999')).toHaveLength(2000);
    });
    it('refuses cycles and unknown parents', () => {
        expect(() => (0, org_tree_1.ancestorPaths)([{ id: 'a', parentId: 'b' }, { id: 'b', parentId: 'a' }])).toThrow(domain_error_1.DomainError);
        expect(() => (0, org_tree_1.ancestorPaths)([{ id: 'a', parentId: 'zz' }])).toThrow(/Unknown parent/);
    });
});
//# sourceMappingURL=org-tree.spec.js.map