import { OutlineSection, SectionPart } from './types';

/** What each of the ten areas of part II takes: results and strengths, limitations, their causes. */
const AREA: SectionPart[] = ['strengths', 'limitations', 'causes'];
const ONE_TEXT: SectionPart[] = ['text'];

const area = (key: string, title: string, guidance: string): OutlineSection => ({ key, title, required: true, part: 'II', takes: AREA, guidance });

/**
 * The outline (đề cương) of the sample plan, as a summary report is written: I the situation, II the
 * ten areas of Party-building work (each with its results and strengths, limitations and causes),
 * III the overall assessment and the lessons learned (once, not per area), IV the directions for the
 * next term, V the proposals, including those to amend the Party Charter (the purpose of
 * 48-CV/TBĐLĐ). The figures go to the appendix.
 */
export const DEFAULT_OUTLINE: readonly OutlineSection[] = Object.freeze([
  {
    key: 'context',
    part: 'I',
    title: 'Đặc điểm tình hình',
    required: true,
    takes: ONE_TEXT,
    guidance:
      'Nêu ngắn gọn đặc điểm của đơn vị: chức năng, nhiệm vụ; tổ chức đảng và đội ngũ đảng viên đầu và cuối nhiệm kỳ; những thuận lợi, khó khăn chủ yếu trong nhiệm kỳ.',
  },
  area(
    'political',
    'Xây dựng Đảng về chính trị (cụ thể hóa nghị quyết, chương trình hành động)',
    'Việc cụ thể hóa, ban hành nghị quyết, chương trình hành động thực hiện nghị quyết của Đảng; kết quả lãnh đạo thực hiện nhiệm vụ chính trị của đơn vị.',
  ),
  area(
    'ideological',
    'Công tác tư tưởng; học tập, quán triệt nghị quyết (Nghị quyết số 02)',
    'Việc học tập, quán triệt, tuyên truyền nghị quyết; nắm bắt, định hướng tư tưởng cán bộ, đảng viên; đấu tranh bảo vệ nền tảng tư tưởng của Đảng.',
  ),
  area(
    'ethics',
    'Xây dựng Đảng về đạo đức; học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh (Chỉ thị 05-CT/TW); trách nhiệm nêu gương (Quy định 08-QĐi/TW)',
    'Kết quả thực hiện Chỉ thị 05-CT/TW; việc xây dựng và thực hiện cam kết nêu gương của tổ chức đảng, cán bộ, đảng viên, nhất là người đứng đầu.',
  ),
  area(
    'degradation',
    'Ngăn chặn, đẩy lùi suy thoái, "tự diễn biến", "tự chuyển hóa" (Nghị quyết Trung ương 4 khóa XII; Nghị quyết số 05)',
    'Việc tự phê bình và phê bình, nhận diện và khắc phục biểu hiện suy thoái; những vụ việc đã phát hiện, xử lý.',
  ),
  area(
    'organisation',
    'Xây dựng tổ chức, nâng cao chất lượng chi bộ (Nghị quyết số 01); sắp xếp bộ máy (Nghị quyết 18-NQ/TW)',
    'Kiện toàn tổ chức đảng, nâng cao chất lượng sinh hoạt chi bộ; sắp xếp tổ chức bộ máy tinh gọn; số liệu tổ chức đảng ghi ở Phụ lục.',
  ),
  area(
    'cadres',
    'Công tác cán bộ, đảng viên; tính tiên phong, gương mẫu (Nghị quyết số 06)',
    'Quy hoạch, đào tạo, bố trí cán bộ; công tác phát triển đảng viên; quản lý, đánh giá, xếp loại đảng viên (số liệu ghi ở Phụ lục).',
  ),
  area(
    'inspection',
    'Công tác kiểm tra, giám sát và kỷ luật đảng',
    'Kết quả kiểm tra, giám sát theo chương trình và khi có dấu hiệu vi phạm; thi hành kỷ luật đảng theo từng hình thức (số liệu ghi ở Phụ lục).',
  ),
  area(
    'mass_mobilisation',
    'Công tác dân vận (Nghị quyết số 04)',
    'Lãnh đạo công đoàn, đoàn thanh niên, hội phụ nữ; thực hiện quy chế dân chủ ở cơ sở; công tác dân vận chính quyền.',
  ),
  area(
    'practice_theory',
    'Tổng kết thực tiễn, nghiên cứu lý luận',
    'Các chuyên đề tổng kết thực tiễn, nghiên cứu lý luận đã thực hiện; kết quả ứng dụng vào lãnh đạo, chỉ đạo.',
  ),
  area(
    'charter',
    'Thi hành Điều lệ Đảng',
    'Việc thi hành các quy định của Điều lệ Đảng và hướng dẫn thi hành; những nội dung khó thực hiện, chưa phù hợp (nếu có).',
  ),
  {
    key: 'overall_assessment',
    part: 'III',
    title: 'Đánh giá chung',
    required: true,
    takes: ONE_TEXT,
    guidance: 'Đánh giá tổng quát kết quả, ưu điểm nổi bật, hạn chế, khuyết điểm chủ yếu của nhiệm kỳ và nguyên nhân (chủ quan, khách quan).',
  },
  {
    key: 'lessons_learned',
    part: 'III',
    title: 'Bài học kinh nghiệm',
    required: true,
    takes: ONE_TEXT,
    guidance: 'Những bài học kinh nghiệm rút ra từ thực tiễn công tác xây dựng Đảng của đơn vị trong nhiệm kỳ (nêu một lần, không lặp lại theo từng lĩnh vực).',
  },
  {
    key: 'next_term',
    part: 'IV',
    title: 'Phương hướng, nhiệm vụ nhiệm kỳ tới',
    required: true,
    takes: ONE_TEXT,
    guidance: 'Mục tiêu, nhiệm vụ và giải pháp chủ yếu về công tác xây dựng Đảng trong nhiệm kỳ tới.',
  },
  {
    key: 'proposals',
    part: 'V',
    title: 'Kiến nghị, đề xuất',
    required: true,
    takes: ONE_TEXT,
    guidance: 'Kiến nghị với cấp trên; đề xuất sửa đổi, bổ sung Điều lệ Đảng và hướng dẫn thi hành (ghi rõ điều, khoản, nội dung đề xuất và lý do).',
  },
] satisfies OutlineSection[]);

/** The outline plans were made with before the đề cương's parts: ten areas, each with the five parts. */
export const FIVE_PART_OUTLINE: readonly OutlineSection[] = Object.freeze(
  DEFAULT_OUTLINE.filter((s) => s.part === 'II').map(({ key, title }) => ({ key, title, required: true })),
);
