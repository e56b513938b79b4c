"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.missingSections = missingSections;
/**
 * Required sections that cannot be submitted yet: a section needs at least its strengths and its
 * limitations; a report that praises without naming shortcomings is not a summary.
 */
function missingSections(outline, sections) {
    return outline
        .filter((section) => section.required)
        .filter((section) => {
        const content = sections[section.key] ?? {};
        return isBlank(content.strengths) || isBlank(content.limitations);
    })
        .map((section) => section.key);
}
function isBlank(text) {
    return !text || text.trim().length === 0;
}
//# sourceMappingURL=missing-sections.js.map