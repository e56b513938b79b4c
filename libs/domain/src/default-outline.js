"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.INDICATOR_NAMES = exports.DEFAULT_OUTLINE = void 0;
/** The outline (đề cương) of the sample plan: ten areas, each with the five parts. */
exports.DEFAULT_OUTLINE = Object.freeze([
    { key: 'political', title: 'Xây dựng Đảng về chính trị (cụ thể hóa nghị quyết, chương trình hành động)', required: true },
    { key: 'ideological', title: 'Công tác tư tưởng; học tập, quán triệt nghị quyết (Nghị quyết số 02)', required: true },
    {
        key: 'ethics',
        title: 'Xây dựng Đảng về đạo đức; học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh (Chỉ thị 05-CT/TW); trách nhiệm nêu gương (Quy định 08-QĐi/TW)',
        required: true,
    },
    {
        key: 'degradation',
        title: 'Ngăn chặn, đẩy lùi suy thoái, "tự diễn biến", "tự chuyển hóa" (Nghị quyết Trung ương 4 khóa XII; Nghị quyết số 05)',
        required: true,
    },
    {
        key: 'organisation',
        title: 'Xây dựng tổ chức, nâng cao chất lượng chi bộ (Nghị quyết số 01); sắp xếp bộ máy (Nghị quyết 18-NQ/TW)',
        required: true,
    },
    { key: 'cadres', title: 'Công tác cán bộ, đảng viên; tính tiên phong, gương mẫu (Nghị quyết số 06)', required: true },
    { key: 'inspection', title: 'Công tác kiểm tra, giám sát và kỷ luật đảng', required: true },
    { key: 'mass_mobilisation', title: 'Công tác dân vận (Nghị quyết số 04)', required: true },
    { key: 'practice_theory', title: 'Tổng kết thực tiễn, nghiên cứu lý luận', required: true },
    { key: 'charter', title: 'Thi hành Điều lệ Đảng', required: true },
]);
/** Figures summed up the tree on consolidation. */
exports.INDICATOR_NAMES = Object.freeze([
    'resolutions_issued',
    'directives_issued',
    'members_admitted',
    'members_disciplined',
    'cells_rated_excellent',
    'collaborators',
    'lecturers',
]);
//# sourceMappingURL=default-outline.js.map