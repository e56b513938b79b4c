"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ancestorPaths = ancestorPaths;
const domain_error_1 = require("./domain-error");
/**
 * The path from the root to every node (root first, the node last). Throws on a cycle or a parent
 * that is not in the tree, since either would break every scope and access rule.
 */
function ancestorPaths(nodes) {
    const parentOf = new Map(nodes.map((n) => [n.id, n.parentId]));
    const paths = new Map();
    const resolve = (id) => {
        const known = paths.get(id);
        if (known)
            return known;
        // Walk up iteratively: trees can be deep and recursion would be bounded by the stack.
        const chain = [];
        const seen = new Set();
        let current = id;
        while (current !== null && !paths.has(current)) {
            if (seen.has(current))
                throw (0, domain_error_1.invalid)(`The unit tree has a cycle through ${current}`);
            if (!parentOf.has(current))
                throw (0, domain_error_1.invalid)(`Unknown parent unit ${current}`);
            seen.add(current);
            chain.push(current);
            current = parentOf.get(current) ?? null;
        }
        let prefix = current === null ? [] : paths.get(current);
        for (const node of chain.reverse()) {
            prefix = [...prefix, node];
            paths.set(node, prefix);
        }
        return paths.get(id);
    };
    for (const node of nodes)
        resolve(node.id);
    return paths;
}
//# sourceMappingURL=org-tree.js.map