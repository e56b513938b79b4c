/**
 * What a person reads when the engine refuses something: the API keeps its messages (tools and
 * tests read them, some in English), the web app says them in Vietnamese. A message already in
 * Vietnamese is shown as it is; a known English one is translated; any other says what the status
 * means, never the English text.
 */

const VIETNAMESE_LETTERS = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

const TASK_STATES: Record<string, string> = { completed: 'đã được xử lý', cancelled: 'đã bị hủy', open: 'đang mở' };
const PLAN_STATES: Record<string, string> = { draft: 'chưa triển khai', launching: 'đang triển khai', launched: 'đang thực hiện', completed: 'đã hoàn thành' };

type Translation = [RegExp, (m: RegExpExecArray) => string];

const MESSAGES: Translation[] = [
  [/^Task is (\w+), not open$/, (m) => `Công việc này ${TASK_STATES[m[1]] ?? 'không còn mở'}, không còn chờ xử lý.`],
  [/^A drafting task is completed by submitting the report$/, () => 'Việc dự thảo được hoàn thành bằng cách nộp báo cáo.'],
  [/^A return needs a comment giving the reason$/, () => 'Cần ghi rõ lý do trả lại.'],
  [/^Consolidation cannot be returned/, () => 'Không trả lại được ở bước tổng hợp; cấp ủy cấp trên trả lại báo cáo khi thẩm định.'],
  [/^The task already belongs to that user$/, () => 'Công việc đã thuộc về đồng chí đó.'],
  [/^The user must hold the same role for the same unit$/, () => 'Người nhận phải giữ cùng vai trò tại cùng đơn vị.'],
  [/^This task belongs to someone else$/, () => 'Công việc này thuộc về đồng chí khác.'],
  [/^Required sections are incomplete/, () => 'Còn mục bắt buộc chưa điền đủ.'],
  [/^You hold no open drafting task for this report$/, () => 'Đồng chí không có việc dự thảo đang mở đối với báo cáo này.'],
  [/^Report is in \S+, not open for drafting$/, () => 'Báo cáo không còn ở bước dự thảo nên không sửa được.'],
  [/^The report has been submitted and is moving to the next stage$/, () => 'Báo cáo đã được nộp và đang chuyển sang bước tiếp theo.'],
  [/^A plan with code (.+) already exists$/, (m) => `Đã có kế hoạch mang số hiệu ${m[1]}.`],
  [
    /^Plan is (\w+); only a draft plan can be launched$/,
    (m) => `Kế hoạch ${PLAN_STATES[m[1]] ?? 'không còn ở dạng dự thảo'}; chỉ triển khai được kế hoạch chưa triển khai.`,
  ],
  [
    /^Plan is (\w+); only a launched plan's reports can be migrated$/,
    (m) => `Kế hoạch ${PLAN_STATES[m[1]] ?? 'không đang thực hiện'}; chỉ chuyển phiên bản quy trình cho kế hoạch đang thực hiện.`,
  ],
  [/^Migration \S+ of this plan is still running$/, () => 'Lần chuyển phiên bản quy trình trước của kế hoạch này vẫn đang chạy.'],
  [/^Workflow (\S+) has no version (\d+)$/, (m) => `Quy trình ${m[1]} không có phiên bản ${m[2]}.`],
  [/^The stage map does not fit the workflow versions$/, () => 'Bảng chuyển các bước không khớp với các phiên bản quy trình.'],
  [/^The workflow definition is unsound: (\d+) problem/, (m) => `Quy trình chưa hợp lệ: ${m[1]} lỗi.`],
  [/^The username (\S+) is taken/, (m) => `Tên đăng nhập ${m[1]} đã có người dùng.`],
  [/^No user (\S+) to take the tasks$/, (m) => `Không có người dùng ${m[1]} để nhận công việc.`],
  [/^A person cannot take over their own tasks$/, () => 'Không chuyển công việc cho chính người đang giữ nó được.'],
  [/^Only an administrator may do this$/, () => 'Chỉ quản trị viên mới thực hiện được thao tác này.'],
  [/^You hold no role (on this unit or above it|in this plan’s tree of units)$/, () => 'Đồng chí không giữ vai trò nào tại đơn vị này hoặc cấp trên.'],
  [/^Only a drafter of (\S+) may change its report$/, (m) => `Chỉ người soạn thảo của ${m[1]} mới sửa được báo cáo này.`],
  [
    /^Only the consolidating unit, its reviewers and admins read its consolidation$/,
    () => 'Chỉ đơn vị tổng hợp, cấp ủy thẩm định và quản trị viên xem được báo cáo tổng hợp này.',
  ],
  [/^(\S+) does not consolidate in this plan/, (m) => `${m[1]} không phải đơn vị tổng hợp trong kế hoạch này.`],
  [/^Unknown indicators: ([^;]+)/, (m) => `Chỉ tiêu không có trong kế hoạch: ${m[1]}.`],
  [/^(\S+) must be a non-negative integer/, (m) => `${m[1]} phải là số nguyên không âm.`],
  [/^The import’s passwords can no longer be read/, () => 'Không đọc được mật khẩu của lần nhập (khóa bí mật đã đổi); đề nghị gửi lại dữ liệu nhập.'],
  [/not found$/, () => 'Không tìm thấy dữ liệu.'],
];

const BY_STATUS: Record<number, string> = {
  400: 'Dữ liệu gửi lên chưa hợp lệ.',
  401: 'Phiên đăng nhập đã hết hạn hoặc thông tin đăng nhập không đúng.',
  403: 'Đồng chí không có quyền thực hiện thao tác này.',
  404: 'Không tìm thấy dữ liệu.',
  409: 'Thao tác không phù hợp với trạng thái hiện tại.',
  413: 'Dữ liệu gửi lên quá lớn.',
  415: 'Dữ liệu gửi lên không đúng định dạng.',
  422: 'Yêu cầu không được chấp nhận theo quy định.',
  429: 'Có quá nhiều yêu cầu cùng lúc; vui lòng thử lại sau ít phút.',
  503: 'Hệ thống đang bận; vui lòng thử lại sau.',
};

/** A refusal's message as a person should read it (status 0: no answer from the engine): Vietnamese always, the engine's own words when they are Vietnamese. */
export function vietnameseMessage(status: number, message: string): string {
  const whole = translate(message);
  if (whole !== null) return whole;
  // A refused body's messages come joined by "; " (api-client): each on its own.
  const parts = message.split('; ').filter(Boolean);
  if (parts.length && parts.every((part) => VIETNAMESE_LETTERS.test(part))) return message;
  const translated = parts.map((part) => translate(part)).filter((t): t is string => t !== null);
  if (translated.length === parts.length && translated.length) return translated.join(' ');
  // A refused body names its fields first ("title must be…", "units.3.code …"): name them, in Vietnamese.
  const fields = status === 400 ? [...new Set(parts.map((part) => FIELD.exec(part)?.[1]).filter((f): f is string => !!f))] : [];
  if (fields.length) return `Dữ liệu gửi lên chưa hợp lệ ở: ${fields.join(', ')}.`;
  return BY_STATUS[status] ?? (status >= 500 ? 'Hệ thống gặp lỗi; vui lòng thử lại sau.' : 'Đã có lỗi xảy ra; vui lòng thử lại.');
}

const FIELD = /^([A-Za-z][\w]*(?:\.[\w]+)*)(?::| must| should| is| has)/;

function translate(part: string): string | null {
  if (VIETNAMESE_LETTERS.test(part)) return part;
  for (const [pattern, say] of MESSAGES) {
    const m = pattern.exec(part);
    if (m) return say(m);
  }
  return null;
}

const STAGE_AT = /^stages\[(\d+)\]( \([^)]*\))?: /;

const WORKFLOW_PROBLEMS: Translation[] = [
  [/key must be lower-case letters, digits or underscores$/, () => 'mã bước chỉ gồm chữ thường không dấu, chữ số và dấu gạch dưới'],
  [/key "done" is reserved/, () => 'mã "done" dành cho báo cáo đã hoàn thành'],
  [/key "collection" is reserved/, () => 'mã "collection" dành cho thời hạn chốt số liệu tổng hợp'],
  [/key (\S+) is used twice$/, (m) => `mã ${m[1]} bị dùng hai lần`],
  [/name is required$/, () => 'cần có tên bước'],
  [/kind must be one of/, () => 'loại bước phải là soạn thảo, phê duyệt hoặc tổng hợp'],
  [/role must be one of/, () => 'vai trò phải là soạn thảo, thông qua, thẩm định hoặc tổ giúp việc'],
  [/scope must be one of/, () => 'phạm vi phải là chính đơn vị, cấp trên trực tiếp hoặc cấp Khối'],
  [/a consolidation stage works at the root/, () => 'bước tổng hợp phải ở cấp Khối (đơn vị gốc)'],
  [/rule\.type must be one of/, () => 'quy tắc phải là một người, tất cả, quá bán hoặc tối thiểu N người'],
  [/a quorum rule needs min/, () => 'quy tắc tối thiểu N người cần N là số nguyên từ 1 trở lên'],
  [/min only applies to a quorum rule/, () => 'chỉ quy tắc tối thiểu N người mới có N'],
  [/returnTo (\S+) is not a stage of this workflow/, (m) => `bước trả về ${m[1]} không có trong quy trình`],
  [/returnTo must point to an earlier stage/, () => 'bước trả về phải là một bước trước đó'],
  [/dueAfter must be an ISO 8601 duration/, () => 'thời hạn của bước phải là khoảng thời gian ISO 8601, ví dụ P10D'],
  [/reminders\.before must be a list/, () => 'các mốc nhắc việc phải là khoảng thời gian ISO 8601'],
  [/reminders\.escalateAfter must be/, () => 'mốc báo quá hạn phải là khoảng thời gian ISO 8601'],
  [/the first stage must be a draft stage$/, () => 'bước đầu tiên phải là bước soạn thảo'],
  [/needs exactly one consolidation stage/, () => 'quy trình cần đúng một bước tổng hợp, là bước cuối cùng'],
  [/has exactly one consolidation stage, not (\d+)/, (m) => `quy trình chỉ có một bước tổng hợp, không phải ${m[1]}`],
  [/the consolidation stage must be the last stage$/, () => 'bước tổng hợp phải là bước cuối cùng'],
];

/** One problem of a workflow the engine refused (422 `problems`), in Vietnamese: "Bước 2 (drafting): …". */
export function workflowProblemText(problem: string): string {
  if (VIETNAMESE_LETTERS.test(problem)) return problem;
  const at = STAGE_AT.exec(problem);
  const where = at ? `Bước ${Number(at[1]) + 1}${at[2] ?? ''}: ` : '';
  const rest = at ? problem.slice(at[0].length) : problem;
  for (const [pattern, say] of WORKFLOW_PROBLEMS) {
    const m = pattern.exec(rest);
    if (m) return `${where}${say(m)}`;
  }
  return `${where}quy trình chưa hợp lệ ở điểm này`;
}
