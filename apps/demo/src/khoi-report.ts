import { ApiClient } from './api-client';
import { log } from './log';
import { pollUntil } from './poll';

interface LevelItem {
  key: string;
  title: string;
  part?: string;
  takes: string[];
  parts: Record<string, string | undefined>;
}

interface LevelReport {
  status: 'drafting' | 'submitted' | 'adopted';
  sections: LevelItem[];
}

/**
 * What the Khối's working group writes over the pre-fill: its own synthesis where a report speaks for
 * the whole Bloc (the situation, the overall assessment, the lessons), citing units by name as the
 * pre-fill does; the ten areas keep the pre-filled texts of the units, which the demo leaves as the
 * working group's starting point.
 */
const SYNTHESIS: Record<string, string> = {
  context:
    'Đảng bộ Khối các cơ quan Trung ương có 3 tổ chức đảng trực thuộc tham gia tổng kết (2 đảng bộ cấp trên cơ sở, 1 đảng bộ cơ sở) với 7 chi bộ trực thuộc.\n\n' +
    'Việc tổng kết được tiến hành từ cơ sở theo Kế hoạch số 144-KH/ĐUK; 10/10 tổ chức đảng đã gửi báo cáo đúng đề cương.',
  overall_assessment:
    'Nhiệm kỳ 2015-2020, công tác xây dựng Đảng trong Đảng bộ Khối có nhiều chuyển biến tích cực: các cấp ủy đã cụ thể hóa kịp thời nghị quyết, ' +
    'chất lượng sinh hoạt chi bộ được nâng lên (Đảng bộ Kho bạc Nhà nước Trung ương, Đảng bộ Bệnh viện Đa khoa Nông nghiệp).\n\n' +
    'Hạn chế chủ yếu là sinh hoạt chuyên đề có nơi còn hình thức; nguyên nhân chính là một số cấp ủy chưa dành thời gian nghiên cứu, quán triệt.',
  lessons_learned:
    'Một là, bám sát nhiệm vụ chính trị của cơ quan, đơn vị để lựa chọn nội dung sinh hoạt.\n\nHai là, phát huy vai trò nêu gương của người đứng đầu cấp ủy.',
};

/**
 * The Khối's working group writes the Khối's own report: it opens the report pre-filled from the
 * approved reports (each unit cited by name), rewrites the items above, and submits it to the
 * Standing Committee. Returns how many items were pre-filled.
 */
export async function writeKhoiReport(workingGroup: ApiClient, planId: string): Promise<void> {
  const report = await pollUntil(
    async () => workingGroup.get<LevelReport>(`/api/plans/${planId}/level-report`, [200, 404]).then((r) => (r && r.status === 'drafting' ? r : undefined)),
    { what: 'the Khối’s report, pre-filled for its working group', intervalMs: 200 },
  );
  const prefilled = report.sections.filter((item) => item.takes.some((part) => (item.parts[part] ?? '').trim()));
  const sample = prefilled.find((item) => item.part === 'II');
  log(`DUK        ${workingGroup.username} opens the Khối's report: ${prefilled.length}/${report.sections.length} items pre-filled from the approved reports`);
  if (sample) log(`DUK          e.g. "${sample.title}", ${sample.takes[0]}: ${(sample.parts[sample.takes[0]] ?? '').split('\n')[0].slice(0, 110)}…`);
  for (const [key, text] of Object.entries(SYNTHESIS)) {
    await workingGroup.put(`/api/plans/${planId}/level-report/sections/${key}`, { text });
  }
  log(`DUK        ${workingGroup.username} rewrote ${Object.keys(SYNTHESIS).join(', ')} as the working group's own synthesis`);
  await workingGroup.post(`/api/plans/${planId}/level-report/submit`, undefined, [202]);
  log(`DUK        ${workingGroup.username} submitted the Khối's report to the Standing Committee`);
}
