"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.consolidate = consolidate;
exports.sumIndicators = sumIndicators;
const types_1 = require("./types");
/** Merges approved reports: per section and part each unit's text attributed to it; figures summed. */
function consolidate(outline, reports) {
    const ordered = [...reports].sort((a, b) => a.unitCode.localeCompare(b.unitCode));
    const sections = outline.map((section) => ({
        key: section.key,
        title: section.title,
        parts: Object.fromEntries(types_1.REPORT_PARTS.map((part) => [part, attributedTexts(ordered, section.key, part)])),
    }));
    return { included: ordered.map((r) => r.reportId), sections, indicators: sumIndicators(ordered.map((r) => r.indicators)) };
}
function attributedTexts(reports, sectionKey, part) {
    return reports.flatMap((report) => {
        const text = report.sections[sectionKey]?.[part]?.trim();
        return text ? [{ unitCode: report.unitCode, text }] : [];
    });
}
function sumIndicators(all) {
    const total = {};
    for (const indicators of all) {
        for (const [name, value] of Object.entries(indicators))
            total[name] = (total[name] ?? 0) + value;
    }
    return total;
}
//# sourceMappingURL=consolidate.js.map