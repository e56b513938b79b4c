/** Vietnamese text a unit's drafter writes into its report, and the figures it reports. */
import type { SectionPart } from './api-types';

export const INDICATORS = [
  'resolutions_issued',
  'directives_issued',
  'members_admitted',
  'members_disciplined',
  'cells_rated_excellent',
  'collaborators',
  'lecturers',
] as const;

export type SectionParts = Record<SectionPart, string>;

/** Short names of the outline's areas, to keep the sentences readable. */
const TOPICS: Record<string, string> = {
  political: 'công tác xây dựng Đảng về chính trị',
  ideological: 'công tác tư tưởng, học tập và quán triệt nghị quyết',
  ethics: 'việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
  degradation: 'việc ngăn chặn, đẩy lùi suy thoái, "tự diễn biến", "tự chuyển hóa"',
  organisation: 'công tác xây dựng tổ chức và nâng cao chất lượng sinh hoạt chi bộ',
  cadres: 'công tác cán bộ, đảng viên',
  inspection: 'công tác kiểm tra, giám sát và kỷ luật đảng',
  mass_mobilisation: 'công tác dân vận',
  practice_theory: 'công tác tổng kết thực tiễn, nghiên cứu lý luận',
  charter: 'việc thi hành Điều lệ Đảng',
};

/** The one text of the items of parts I, III, IV and V of the đề cương. */
const ONE_TEXT: Record<string, (unitName: string) => string> = {
  context: (unit) =>
    `${unit} có chức năng tham mưu trong lĩnh vực được giao; đầu nhiệm kỳ có 3 tổ chức đảng trực thuộc, cuối nhiệm kỳ có 4; đội ngũ đảng viên đoàn kết, có trình độ chuyên môn cao, song khối lượng công việc lớn, nhiều đồng chí kiêm nhiệm.`,
  overall_assessment: (unit) =>
    `Nhiệm kỳ qua, ${unit} đã lãnh đạo hoàn thành tốt nhiệm vụ chính trị; công tác xây dựng Đảng có nhiều chuyển biến; còn hạn chế ở chất lượng sinh hoạt chuyên đề, nguyên nhân chủ yếu là chủ quan.`,
  lessons_learned: () =>
    'Phát huy vai trò lãnh đạo toàn diện của cấp ủy và trách nhiệm nêu gương của người đứng đầu; gắn công tác xây dựng Đảng với thực hiện nhiệm vụ chuyên môn.',
  next_term: () =>
    'Nhiệm kỳ 2020-2025 tiếp tục đổi mới nội dung, phương thức lãnh đạo, nâng cao chất lượng sinh hoạt chi bộ và năng lực, sức chiến đấu của tổ chức đảng.',
  proposals: () =>
    'Đề nghị nghiên cứu sửa đổi, bổ sung Điều 8 Điều lệ Đảng về quản lý đảng viên đi làm ăn xa; cấp trên tăng cường hướng dẫn nghiệp vụ công tác đảng.',
};

/** Every text an item could take; the drafter sends those the item takes (see ReportActions.fill). */
export function sectionText(unitName: string, key: string, title: string): SectionParts {
  const topic = TOPICS[key] ?? title;
  return {
    text: ONE_TEXT[key]?.(unitName) ?? `${unitName}: ${title.toLowerCase()} được thực hiện nghiêm túc, đúng hướng dẫn của cấp trên.`,
    strengths: `${unitName} đã lãnh đạo triển khai nghiêm túc ${topic}; cấp ủy kịp thời cụ thể hóa nghị quyết, chỉ thị của cấp trên phù hợp với nhiệm vụ chính trị của đơn vị.`,
    limitations: `Việc thực hiện ${topic} có lúc còn chậm; chất lượng sinh hoạt chưa đồng đều, việc sơ kết, rút kinh nghiệm chưa thường xuyên.`,
    causes: 'Khối lượng công việc chuyên môn lớn, nhiều cấp ủy viên kiêm nhiệm; công tác kiểm tra, đôn đốc của cấp ủy có thời điểm chưa sát sao.',
    lessons: `Phát huy vai trò lãnh đạo của cấp ủy và trách nhiệm nêu gương của người đứng đầu; gắn ${topic} với nhiệm vụ chuyên môn.`,
    directions: `Nhiệm kỳ 2020-2025 tiếp tục đổi mới nội dung, phương thức ${topic}, nâng cao năng lực lãnh đạo và sức chiến đấu của tổ chức đảng.`,
  };
}

/** Small, different figures per unit so the consolidated sums mean something. */
export function indicatorsFor(unitIndex: number): Record<string, number> {
  const figures: Record<string, number> = {};
  INDICATORS.forEach((name, i) => {
    figures[name] = ((unitIndex * 3 + i * 2) % 9) + (name === 'members_disciplined' ? 0 : 1);
  });
  return figures;
}

/** What the committee above asks for when it returns the report, and the drafter's correction. */
export const RETURN_REASON = 'Đề nghị bổ sung số liệu cụ thể về kết quả kiểm tra, giám sát trong nhiệm kỳ và làm rõ nguyên nhân chủ quan của hạn chế.';

export const CORRECTION: { key: string; parts: Partial<SectionParts> } = {
  key: 'inspection',
  parts: {
    strengths:
      'Trong nhiệm kỳ, chi bộ đã kiểm tra 12 đảng viên và giám sát chuyên đề 8 đảng viên; 100% đảng viên được kiểm tra chấp hành tốt nguyên tắc, Điều lệ Đảng.',
    causes:
      'Nguyên nhân chủ quan: chi ủy chưa xây dựng chương trình giám sát thường xuyên sát với nhiệm vụ chuyên môn; một số đảng viên chưa chủ động tự phê bình.',
  },
};
