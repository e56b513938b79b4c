import { Pool } from 'pg';
// A leaf file of the domain with no imports of its own: plain tsc compiles it by its relative path.
import { FIVE_PART_OUTLINE as DEFAULT_OUTLINE } from '../../libs/domain/src/default-outline';
import { INDICATOR_NAMES } from '../../libs/domain/src/indicators';

/** What the bench itself needs to know about the seeded Bloc. */
export interface SeededBloc {
  rootId: string;
  rootCode: string;
  planId: string;
  reports: number;
  kinds: Record<string, number>;
  /** Per part of a section: the average and largest length in characters; parts in all. */
  partChars: { avg: number; max: number; parts: number };
  /** Sizes PostgreSQL reports for the reports table (with its TOAST) and the snapshots table. */
  reportsTableMb: number;
  snapshotsTableMb: number;
  /** The sums the consolidation must find, per indicator. */
  indicatorSums: Record<string, number>;
  /** Reports returned once (returned_count 1) and first submissions after the drafting deadline. */
  returned: number;
  late: number;
}

/** The areas of the outline in the words a drafter uses inside a sentence. */
const TOPICS: Record<string, string> = {
  political: 'công tác xây dựng Đảng về chính trị, cụ thể hóa nghị quyết thành chương trình hành động',
  ideological: 'công tác tư tưởng, học tập, quán triệt và triển khai thực hiện nghị quyết',
  ethics: 'việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh gắn với trách nhiệm nêu gương',
  degradation: 'việc ngăn chặn, đẩy lùi suy thoái về tư tưởng chính trị, đạo đức, lối sống, "tự diễn biến", "tự chuyển hóa"',
  organisation: 'công tác xây dựng tổ chức, nâng cao chất lượng sinh hoạt chi bộ và sắp xếp tổ chức bộ máy',
  cadres: 'công tác cán bộ, quản lý đảng viên, phát huy tính tiên phong, gương mẫu của đảng viên',
  inspection: 'công tác kiểm tra, giám sát và thi hành kỷ luật đảng',
  mass_mobilisation: 'công tác dân vận, xây dựng cơ quan, đơn vị văn hóa và thực hiện quy chế dân chủ ở cơ sở',
  practice_theory: 'công tác tổng kết thực tiễn, nghiên cứu lý luận và đề xuất chính sách',
  charter: 'việc thi hành Điều lệ Đảng, các quy định, hướng dẫn của Trung ương',
};

/**
 * Sentences of each part; `%1$s` is the unit's name, `%2$s` the area (a literal percent sign is doubled before format()). A part is one sentence of the
 * first list and one of the second, picked by the unit and the section, so texts differ between units
 * and run to a few hundred characters.
 */
const SENTENCES: Record<string, [string[], string[]]> = {
  strengths: [
    [
      '%1$s đã lãnh đạo triển khai nghiêm túc %2$s; cấp ủy kịp thời ban hành nghị quyết chuyên đề, kế hoạch thực hiện sát với nhiệm vụ chính trị của cơ quan, đơn vị.',
      'Trong nhiệm kỳ, %1$s thực hiện tốt %2$s; nội dung, phương thức lãnh đạo có nhiều đổi mới, phân công rõ người, rõ việc, rõ thời gian hoàn thành.',
      'Ban Chấp hành %1$s đã quán triệt và cụ thể hóa %2$s thành các chương trình công tác năm, có sơ kết định kỳ hằng quý, sáu tháng và cả năm.',
      'Cấp ủy %1$s chủ động, sáng tạo trong %2$s, phát huy vai trò hạt nhân chính trị, tạo được sự đồng thuận cao trong cán bộ, đảng viên và người lao động.',
    ],
    [
      'Đa số cán bộ, đảng viên nêu cao tinh thần trách nhiệm, gương mẫu chấp hành chủ trương của Đảng, chính sách, pháp luật của Nhà nước; 100% tổ chức đảng hoàn thành nhiệm vụ.',
      'Kết quả thực hiện đã góp phần quan trọng vào việc hoàn thành thắng lợi nhiệm vụ chuyên môn; nhiều mô hình, cách làm hay được nhân rộng trong toàn đảng bộ.',
      'Công tác phối hợp giữa cấp ủy với thủ trưởng cơ quan và các đoàn thể chặt chẽ, nhịp nhàng; chế độ thông tin, báo cáo được thực hiện đầy đủ, đúng quy định.',
      'Sinh hoạt chi bộ được duy trì nền nếp, chất lượng ngày càng nâng lên; tự phê bình và phê bình được thực hiện thẳng thắn, cầu thị, xây dựng.',
    ],
  ],
  limitations: [
    [
      'Việc thực hiện %2$s ở %1$s có lúc còn chậm, chưa đồng đều giữa các chi bộ; một số nội dung còn chung chung, chưa sát với đặc điểm của đơn vị.',
      'Tại %1$s, %2$s có mặt còn hạn chế; việc cụ thể hóa một số nghị quyết chưa kịp thời, chưa có giải pháp đột phá để tháo gỡ khó khăn, vướng mắc.',
      'Chất lượng %2$s ở một số chi bộ trực thuộc %1$s chưa cao; việc theo dõi, đôn đốc, kiểm tra việc thực hiện còn có thời điểm chưa thường xuyên.',
      '%1$s còn lúng túng trong %2$s ở một số khâu; việc sơ kết, tổng kết, rút kinh nghiệm chưa được quan tâm đúng mức, chưa kịp thời biểu dương điển hình.',
    ],
    [
      'Một bộ phận đảng viên chưa phát huy hết vai trò tiên phong, gương mẫu; tinh thần tự phê bình và phê bình có lúc còn hạn chế, ngại va chạm.',
      'Công tác thông tin, báo cáo có lúc chưa kịp thời, số liệu chưa đầy đủ; việc ứng dụng công nghệ thông tin trong công tác đảng còn chậm.',
      'Nội dung sinh hoạt chuyên đề ở một số chi bộ còn đơn điệu, chưa thu hút được đảng viên tham gia thảo luận, đóng góp ý kiến.',
      'Việc phối hợp với các đoàn thể chính trị - xã hội trong cơ quan có thời điểm chưa chặt chẽ, hiệu quả chưa cao.',
    ],
  ],
  causes: [
    [
      'Nguyên nhân khách quan: khối lượng công việc chuyên môn lớn, nhiều nhiệm vụ đột xuất; tác động của dịch bệnh và việc sắp xếp tổ chức bộ máy ảnh hưởng đến %2$s.',
      'Nguyên nhân chủ quan: một số cấp ủy viên của %1$s kiêm nhiệm nhiều việc, thời gian dành cho %2$s chưa nhiều; nhận thức của một bộ phận đảng viên chưa đầy đủ.',
      'Do cấp ủy %1$s chưa quan tâm đúng mức đến việc kiểm tra, giám sát thực hiện %2$s; chưa có cơ chế khen thưởng, động viên kịp thời.',
      'Đội ngũ làm công tác đảng ở %1$s phần lớn là kiêm nhiệm, thường xuyên thay đổi, kinh nghiệm thực tiễn về %2$s còn hạn chế.',
    ],
    [
      'Một số văn bản hướng dẫn của cấp trên ban hành chậm, chưa cụ thể, gây khó khăn cho việc tổ chức thực hiện ở cơ sở.',
      'Điều kiện bảo đảm cho hoạt động của tổ chức đảng còn khó khăn; kinh phí, cơ sở vật chất phục vụ sinh hoạt chi bộ chưa đáp ứng yêu cầu.',
      'Sự phối hợp giữa cấp ủy và thủ trưởng cơ quan có lúc chưa đồng bộ; chế độ trách nhiệm của người đứng đầu chưa được đề cao đúng mức.',
      'Công tác bồi dưỡng nghiệp vụ cho cấp ủy viên, bí thư chi bộ chưa thường xuyên; việc tự học tập, rèn luyện của một số đảng viên chưa tự giác.',
    ],
  ],
  lessons: [
    [
      'Một là, phải thường xuyên phát huy vai trò lãnh đạo toàn diện của cấp ủy %1$s, trách nhiệm nêu gương của người đứng đầu trong %2$s.',
      'Hai là, gắn chặt %2$s với thực hiện nhiệm vụ chính trị của %1$s; lấy kết quả hoàn thành nhiệm vụ chuyên môn làm thước đo năng lực lãnh đạo.',
      'Ba là, %1$s cần cụ thể hóa kịp thời các nghị quyết, chỉ thị của cấp trên về %2$s, phân công rõ trách nhiệm, thường xuyên kiểm tra, đôn đốc.',
      'Bốn là, phát huy dân chủ, tăng cường đoàn kết nội bộ; %1$s chú trọng sơ kết, tổng kết %2$s, kịp thời nhân rộng các mô hình, cách làm hay.',
    ],
    [
      'Thực hiện nghiêm nguyên tắc tập trung dân chủ, tự phê bình và phê bình; giữ gìn kỷ luật, kỷ cương, đoàn kết thống nhất trong Đảng.',
      'Làm tốt công tác tư tưởng, tạo sự đồng thuận trong cán bộ, đảng viên và người lao động trước khi triển khai các chủ trương lớn.',
      'Quan tâm xây dựng đội ngũ cán bộ làm công tác đảng đủ về số lượng, bảo đảm chất lượng, có bản lĩnh chính trị vững vàng.',
      'Tăng cường ứng dụng công nghệ thông tin, đổi mới phương thức lãnh đạo, chỉ đạo, bảo đảm thông tin thông suốt từ cấp ủy đến chi bộ.',
    ],
  ],
  directions: [
    [
      'Nhiệm kỳ tới, %1$s tiếp tục đổi mới nội dung, phương thức %2$s, nâng cao năng lực lãnh đạo và sức chiến đấu của tổ chức đảng, chất lượng đội ngũ đảng viên.',
      'Trong thời gian tới, cấp ủy %1$s tập trung lãnh đạo thực hiện có hiệu quả %2$s, phấn đấu 100% chi bộ hoàn thành tốt nhiệm vụ trở lên.',
      '%1$s xác định %2$s là nhiệm vụ trọng tâm, thường xuyên; xây dựng kế hoạch cụ thể cho từng năm, gắn với chương trình công tác của cơ quan, đơn vị.',
      'Đẩy mạnh %2$s tại %1$s gắn với việc thực hiện Nghị quyết Đại hội Đảng bộ Khối và Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII.',
    ],
    [
      'Tăng cường kiểm tra, giám sát, kịp thời phát hiện, biểu dương nhân tố tích cực và chấn chỉnh những hạn chế, khuyết điểm.',
      'Chú trọng công tác phát triển đảng viên, nhất là trong đoàn viên thanh niên, quần chúng ưu tú có trình độ chuyên môn cao.',
      'Nâng cao chất lượng sinh hoạt chi bộ, đổi mới nội dung sinh hoạt chuyên đề phù hợp với đặc điểm, nhiệm vụ của từng chi bộ.',
      'Phát huy vai trò của các đoàn thể, xây dựng cơ quan, đơn vị trong sạch, vững mạnh, đoàn kết, hoàn thành xuất sắc nhiệm vụ được giao.',
    ],
  ],
};

/** How many units of each kind: about 0.6 % upper committees and 10 % grassroots bodies, the rest cells. */
export function treeShape(units: number): { upper: number; grassroots: number; cell: number } {
  const upper = Math.max(1, Math.round(units * 0.006));
  const grassroots = Math.max(1, Math.round(units * 0.1));
  return { upper, grassroots, cell: Math.max(0, units - upper - grassroots) };
}

/** Drafting deadlines of the plan (Hà Nội time); submissions are spread around them, a few late. */
const DRAFTING_DUE: Record<string, string> = {
  cell: '2025-04-30T17:00:00+07:00',
  grassroots: '2025-05-20T17:00:00+07:00',
  upper: '2025-06-10T17:00:00+07:00',
};

/**
 * The consolidation scenario's data, written with SQL into a freshly migrated schema (the tables of
 * libs/dal/src/migrations): a root (bloc) with `units` units under it (upper committees, grassroots
 * bodies under them, cells under those), a few people at the root (consolidators, the Standing
 * Committee as reviewers, an approver who signs), one launched plan of `tongket` version 1 with the
 * default outline and indicators, and one report per unit waiting at `consolidation` (approved by the
 * committee above) with every part of every section written, figures, and one snapshot (the first
 * submission). The texts are built inside PostgreSQL, so the bench never holds them.
 */
export async function seedBloc(pool: Pool, units: number): Promise<SeededBloc> {
  const shape = treeShape(units);
  const {
    rows: [root],
  } = await pool.query<{ id: string; code: string }>(
    `INSERT INTO org_units (code, name, kind) VALUES ('DUK', 'Đảng bộ Khối các cơ quan (benchmark)', 'bloc') RETURNING id, code`,
  );
  await pool.query(
    `INSERT INTO org_units (code, name, kind, parent_id, ancestor_ids, depth)
     SELECT 'U' || lpad(i::text, 3, '0'), 'Đảng bộ Bộ, ngành số ' || i, 'upper', $1, ARRAY[$1::uuid], 1 FROM generate_series(1, $2) i`,
    [root.id, shape.upper],
  );
  await pool.query(
    `INSERT INTO org_units (code, name, kind, parent_id, ancestor_ids, depth)
     SELECT p.code || '.G' || lpad(i::text, 4, '0'), 'Đảng bộ cơ sở Cục, Vụ số ' || i, 'grassroots', p.id, p.ancestor_ids || p.id, 2
       FROM generate_series(1, $2) i JOIN org_units p ON p.code = 'U' || lpad(((i - 1) % $1 + 1)::text, 3, '0')`,
    [shape.upper, shape.grassroots],
  );
  await pool.query(
    `INSERT INTO org_units (code, name, kind, parent_id, ancestor_ids, depth)
     SELECT p.code || '.C' || lpad(i::text, 5, '0'), 'Chi bộ Phòng, Ban số ' || i, 'cell', p.id, p.ancestor_ids || p.id, 3
       FROM generate_series(1, $2) i
       JOIN (SELECT id, code, ancestor_ids, substring(code FROM '[.]G([0-9]+)$')::int AS g FROM org_units WHERE kind = 'grassroots') p
         ON p.g = (i - 1) % $1 + 1`,
    [shape.grassroots, shape.cell],
  );

  // The root's people: the working group (consolidators), the Standing Committee (reviewers), and the
  // secretary (approver) whose name the consolidated document's signature block carries.
  await pool.query(
    `INSERT INTO users (username, full_name, email, password_hash)
     SELECT 'duk' || i, (ARRAY['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Minh Châu', 'Phạm Quốc Dũng', 'Hoàng Thị Giang', 'Vũ Đức Hải'])[i],
            'duk' || i || '@example.test', 'no-login' FROM generate_series(1, 6) i`,
  );
  await pool.query(
    `INSERT INTO role_assignments (user_id, unit_id, role)
     SELECT u.id, $1, r.role FROM users u
       JOIN (VALUES ('duk1', 'approver'), ('duk2', 'consolidator'), ('duk3', 'consolidator'), ('duk4', 'reviewer'), ('duk5', 'reviewer'), ('duk6', 'reviewer')) r(username, role)
         ON r.username = u.username`,
    [root.id],
  );

  const deadlines = Object.fromEntries(Object.entries(DRAFTING_DUE).map(([kind, drafting]) => [kind, { drafting }]));
  const {
    rows: [plan],
  } = await pool.query<{ id: string }>(
    `INSERT INTO plans (code, title, issued_on, term, root_unit_id, workflow_key, workflow_version, outline, indicator_names,
                        deadlines, reminders, status, launched_at)
     VALUES ('144-KH/ĐUK-BENCH', 'Kế hoạch tổng kết công tác xây dựng Đảng nhiệm kỳ 2020-2025 (benchmark tổng hợp)', '2025-03-01', '2020-2025',
             $1, 'tongket', 1, $2, $3, $4, '{"before": []}', 'launched', now() - interval '30 days')
     RETURNING id`,
    [root.id, JSON.stringify(DEFAULT_OUTLINE), JSON.stringify(INDICATOR_NAMES), JSON.stringify(deadlines)],
  );

  // One report per unit under the root, at consolidation, written part by part from the sentences.
  const sections = DEFAULT_OUTLINE.map((s, i) => ({ key: s.key, i, topic: TOPICS[s.key] ?? s.title }));
  await pool.query(
    `WITH units AS (
            SELECT u.id, u.name, u.kind, row_number() OVER (ORDER BY u.code)::int AS n FROM org_units u WHERE u.parent_id IS NOT NULL),
          outline AS (SELECT * FROM jsonb_to_recordset($2::jsonb) AS s(key text, i int, topic text)),
          sentences AS (SELECT $3::jsonb AS j)
     INSERT INTO reports (plan_id, unit_id, stage, workflow_version, round, returned_count, last_return_reason, sections, indicators,
                          stage_entered_at, due_at, created_at, updated_at)
     SELECT $1, u.id, 'consolidation', 1, 1 + (u.n % 10 = 0)::int, (u.n % 10 = 0)::int,
            CASE WHEN u.n % 10 = 0 THEN 'Đề nghị bổ sung số liệu cụ thể về kết quả kiểm tra, giám sát trong nhiệm kỳ.' END,
            (SELECT jsonb_object_agg(s.key, (
                      SELECT jsonb_object_agg(part,
                               format(j -> part -> 0 ->> ((u.n + s.i) % 4), u.name, s.topic) || ' ' ||
                               format(j -> part -> 1 ->> ((u.n * 7 + s.i * 3) % 4), u.name, s.topic))
                        FROM sentences, unnest(ARRAY['strengths', 'limitations', 'causes', 'lessons', 'directions']) part))
               FROM outline s),
            (SELECT jsonb_object_agg(name, (u.n * 3 + k * 2) % 9 + CASE WHEN name = 'members_disciplined' THEN 0 ELSE 1 END)
               FROM jsonb_array_elements_text($4::jsonb) WITH ORDINALITY AS x(name, k)),
            now() - interval '2 days', ($5::jsonb ->> u.kind)::timestamptz, now() - interval '30 days', now() - interval '2 days'
       FROM units u`,
    [plan.id, JSON.stringify(sections), JSON.stringify(SENTENCES).replace(/%(?!\d\$s)/g, '%%'), JSON.stringify(INDICATOR_NAMES), JSON.stringify(DRAFTING_DUE)],
  );
  // The first submission of each report: ten days before its drafting deadline plus 0..11 days, so
  // one in six is late. The snapshot holds what was submitted, like the engine's own.
  await pool.query(
    `INSERT INTO report_snapshots (report_id, seq, round, sections, indicators, submitted_at)
     SELECT r.id, 1, 1, r.sections, r.indicators,
            r.due_at - interval '10 days' + make_interval(days => (row_number() OVER (ORDER BY r.id))::int % 12) + interval '1 hour'
       FROM reports r WHERE r.plan_id = $1`,
    [plan.id],
  );
  await pool.query(`ANALYZE`);

  const { rows: kindRows } = await pool.query<{ kind: string; n: number }>(
    `SELECT u.kind, count(*)::int AS n FROM reports r JOIN org_units u ON u.id = r.unit_id WHERE r.plan_id = $1 GROUP BY u.kind`,
    [plan.id],
  );
  const {
    rows: [chars],
  } = await pool.query<{ avg: number; max: number; parts: number }>(
    `SELECT avg(length(p.value))::float8 AS avg, max(length(p.value))::int AS max, count(*)::int AS parts
       FROM reports r, jsonb_each(r.sections) s, jsonb_each_text(s.value) p WHERE r.plan_id = $1`,
    [plan.id],
  );
  const {
    rows: [sizes],
  } = await pool.query<{ reports: string; snapshots: string }>(
    `SELECT pg_total_relation_size('reports') AS reports, pg_total_relation_size('report_snapshots') AS snapshots`,
  );
  const { rows: sums } = await pool.query<{ name: string; total: number }>(
    `SELECT x.key AS name, sum(x.value::int)::int AS total FROM reports r, jsonb_each_text(r.indicators) x WHERE r.plan_id = $1 GROUP BY x.key`,
    [plan.id],
  );
  const {
    rows: [counts],
  } = await pool.query<{ returned: number; late: number }>(
    `SELECT count(*) FILTER (WHERE r.returned_count > 0)::int AS returned,
            count(*) FILTER (WHERE s.submitted_at > (($2::jsonb ->> u.kind)::timestamptz))::int AS late
       FROM reports r JOIN org_units u ON u.id = r.unit_id JOIN report_snapshots s ON s.report_id = r.id WHERE r.plan_id = $1`,
    [plan.id, JSON.stringify(DRAFTING_DUE)],
  );
  return {
    rootId: root.id,
    rootCode: root.code,
    planId: plan.id,
    reports: kindRows.reduce((a, r) => a + r.n, 0),
    kinds: Object.fromEntries(kindRows.map((r) => [r.kind, r.n])),
    partChars: { avg: Math.round(chars.avg), max: chars.max, parts: chars.parts },
    reportsTableMb: Number(sizes.reports) / 2 ** 20,
    snapshotsTableMb: Number(sizes.snapshots) / 2 ** 20,
    indicatorSums: Object.fromEntries(sums.map((s) => [s.name, s.total])),
    returned: counts.returned,
    late: counts.late,
  };
}

/** The collection of the root, as the launch would record it without a cut-off. */
export async function openRootCollection(pool: Pool, planId: string, rootId: string): Promise<void> {
  await pool.query(`INSERT INTO consolidations (plan_id, unit_id, status, cut_off_at) VALUES ($1, $2, 'collecting', NULL)`, [planId, rootId]);
}

/** The query of ConsolidationService.members() (libs/core/src/consolidation/consolidation.service.ts), verbatim. */
export const MEMBERS_QUERY = `SELECT r.id, u.id AS unit_id, u.code, u.name, u.kind, u.parent_id, r.stage, r.sections, r.indicators, r.returned_count,
              (SELECT min(submitted_at) FROM report_snapshots s WHERE s.report_id = r.id) AS first_submitted_at
         FROM reports r JOIN org_units u ON u.id = r.unit_id
        WHERE r.plan_id = $1 ORDER BY u.code`;
