import { vietnameseMessage, workflowProblemText } from '../api-errors';

describe('the engine’s refusals as a person reads them', () => {
  it('shows a message the engine wrote in Vietnamese as it is', () => {
    const deadlines =
      'Thời hạn chưa hợp lệ: deadlines.cell.drafting: thời hạn 10/07/2019 17:00 (giờ Hà Nội) đã qua; Nếu đúng là như vậy, gửi lại kèm "confirmDeadlines": true.';
    expect(vietnameseMessage(400, deadlines)).toBe(deadlines);
    expect(vietnameseMessage(422, 'Không thể chuyển nhiệm vụ cho người này')).toBe('Không thể chuyển nhiệm vụ cho người này');
  });

  it('translates the English messages of the actions people take', () => {
    expect(vietnameseMessage(409, 'Task is completed, not open')).toBe('Công việc này đã được xử lý, không còn chờ xử lý.');
    expect(vietnameseMessage(422, 'A return needs a comment giving the reason')).toBe('Cần ghi rõ lý do trả lại.');
    expect(vietnameseMessage(409, 'Report is in cell_approval, not open for drafting')).toBe('Báo cáo không còn ở bước dự thảo nên không sửa được.');
    expect(vietnameseMessage(409, 'Plan is launched; only a draft plan can be launched')).toBe(
      'Kế hoạch đang thực hiện; chỉ triển khai được kế hoạch chưa triển khai.',
    );
    expect(vietnameseMessage(422, 'The workflow definition is unsound: 2 problem(s)')).toBe('Quy trình chưa hợp lệ: 2 lỗi.');
    expect(vietnameseMessage(404, 'Plan 1b4e28ba-2fa1-41d2-883f-0016d3cca427 not found')).toBe('Không tìm thấy dữ liệu.');
  });

  it('never shows English it does not know: names the refused fields of a body, else says what the status means', () => {
    expect(vietnameseMessage(400, 'title must be shorter than or equal to 1000 characters; units.3.code must be a code')).toBe(
      'Dữ liệu gửi lên chưa hợp lệ ở: title, units.3.code.',
    );
    expect(vietnameseMessage(409, 'Something new happened')).toBe('Thao tác không phù hợp với trạng thái hiện tại.');
    expect(vietnameseMessage(429, 'Too Many Requests')).toBe('Có quá nhiều yêu cầu cùng lúc; vui lòng thử lại sau ít phút.');
    expect(vietnameseMessage(500, 'Internal server error')).toBe('Hệ thống gặp lỗi; vui lòng thử lại sau.');
    expect(vietnameseMessage(0, 'Failed to fetch')).toBe('Đã có lỗi xảy ra; vui lòng thử lại.');
  });

  it('says each problem of a refused workflow in Vietnamese, counting stages from one', () => {
    expect(workflowProblemText('stages[0]: the first stage must be a draft stage')).toBe('Bước 1: bước đầu tiên phải là bước soạn thảo');
    expect(workflowProblemText('stages[2] (gather): the consolidation stage must be the last stage')).toBe(
      'Bước 3 (gather): bước tổng hợp phải là bước cuối cùng',
    );
    expect(workflowProblemText('stages[1] (drafting): key drafting is used twice')).toBe('Bước 2 (drafting): mã drafting bị dùng hai lần');
    expect(workflowProblemText('a workflow has exactly one consolidation stage, not 2: stages[1], stages[3]')).toBe(
      'quy trình chỉ có một bước tổng hợp, không phải 2',
    );
    expect(workflowProblemText('stages[4]: something else entirely')).toBe('Bước 5: quy trình chưa hợp lệ ở điểm này');
  });
});
