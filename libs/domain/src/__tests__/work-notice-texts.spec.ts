import { adoptionText, delegationText, emailWithLink, newTaskText, returnedTaskText, returnText } from '../work-notice-texts';

const due = new Date('2030-07-10T10:00:00Z'); // 17:00 in Hà Nội
const subject = { planCode: '144-KH/ĐUK', unitName: 'Chi bộ Vụ Kế toán Nhà nước', dueAt: due };

describe('notices of work asked of a person', () => {
  it('gives a drafter their new task with the unit, the plan and the due date in Hà Nội time', () => {
    expect(newTaskText({ ...subject, stageLabel: 'Dự thảo báo cáo', kind: 'draft', planLevel: false })).toEqual({
      title: 'Công việc mới: Dự thảo báo cáo – Chi bộ Vụ Kế toán Nhà nước',
      body:
        'Kế hoạch 144-KH/ĐUK: đồng chí được giao dự thảo báo cáo tổng kết của Chi bộ Vụ Kế toán Nhà nước, hạn hoàn thành 10/07/2030 17:00 (giờ Hà Nội). ' +
        'Đề nghị đồng chí soạn thảo đủ các mục bắt buộc và nộp báo cáo đúng hạn.',
    });
  });

  it('asks an approver for their opinion on the report, at the stage their level names', () => {
    const text = newTaskText({ ...subject, stageLabel: 'Chi bộ thông qua', kind: 'approval', planLevel: false });
    expect(text.title).toBe('Công việc mới: Chi bộ thông qua – Chi bộ Vụ Kế toán Nhà nước');
    expect(text.body).toContain('báo cáo của Chi bộ Vụ Kế toán Nhà nước đang chờ đồng chí cho ý kiến ở bước "Chi bộ thông qua"');
    expect(text.body).toContain('trả lại kèm lý do');
  });

  it('tells the working group and the Standing Committee of their plan-level work, without a due date when there is none', () => {
    const khoi = { planCode: '144-KH/ĐUK', unitName: 'Đảng bộ Khối các cơ quan Trung ương', dueAt: null };
    expect(newTaskText({ ...khoi, stageLabel: 'Tổng hợp ở Khối', kind: 'consolidation', planLevel: true }).body).toBe(
      'Kế hoạch 144-KH/ĐUK: đồng chí được giao tổng hợp báo cáo của Đảng bộ Khối các cơ quan Trung ương từ các báo cáo đã được thẩm định ("Tổng hợp ở Khối"), chưa có hạn hoàn thành.',
    );
    expect(newTaskText({ ...khoi, stageLabel: 'Ban Thường vụ Đảng ủy Khối thông qua', kind: 'approval', planLevel: true }).body).toContain(
      'báo cáo tổng hợp của Đảng bộ Khối các cơ quan Trung ương đang chờ đồng chí cho ý kiến ở bước "Ban Thường vụ Đảng ủy Khối thông qua"',
    );
  });

  it('quotes the reason of a return, who returned it and at which stage, to the drafters', () => {
    const text = returnText({
      ...subject,
      fromStageLabel: 'Cấp ủy cấp trên thẩm định',
      returnedBy: 'Nguyễn Văn Bình',
      reason: 'Mục 3 thiếu số liệu kết nạp đảng viên.',
    });
    expect(text.title).toBe('Báo cáo bị trả lại: Chi bộ Vụ Kế toán Nhà nước');
    expect(text.body).toBe(
      'Kế hoạch 144-KH/ĐUK: báo cáo của Chi bộ Vụ Kế toán Nhà nước đã bị trả lại ở bước "Cấp ủy cấp trên thẩm định" (đồng chí Nguyễn Văn Bình).\n' +
        'Lý do: Mục 3 thiếu số liệu kết nạp đảng viên.\n' +
        'Đề nghị đồng chí chỉnh sửa, hoàn thiện và nộp lại báo cáo, hạn hoàn thành 10/07/2030 17:00 (giờ Hà Nội).',
    );
  });

  it('tells the holders of a stage a return reopened why it is back', () => {
    const text = returnedTaskText({
      ...subject,
      stageLabel: 'Tổng hợp ở Khối',
      fromStageLabel: 'Ban Thường vụ Đảng ủy Khối thông qua',
      reason: 'Bổ sung phần kiến nghị.',
    });
    expect(text.title).toBe('Trả lại để xem xét lại: Tổng hợp ở Khối – Chi bộ Vụ Kế toán Nhà nước');
    expect(text.body).toContain('Lý do: Bổ sung phần kiến nghị.');
  });

  it('announces an adoption with who adopted, the day in Hà Nội and where the report goes next', () => {
    expect(
      adoptionText({
        planCode: '144-KH/ĐUK',
        unitName: 'Đảng bộ Bệnh viện Đa khoa Nông nghiệp',
        adoptedBy: 'Đảng ủy',
        adoptedAt: new Date('2030-08-09T18:00:00Z'),
        nextStageLabel: 'Cấp ủy cấp trên thẩm định',
      }),
    ).toEqual({
      title: 'Báo cáo đã được thông qua: Đảng bộ Bệnh viện Đa khoa Nông nghiệp',
      body: 'Kế hoạch 144-KH/ĐUK: báo cáo tổng kết của Đảng bộ Bệnh viện Đa khoa Nông nghiệp đã được Đảng ủy thông qua ngày 10/08/2030. Báo cáo được chuyển sang bước "Cấp ủy cấp trên thẩm định".',
    });
  });

  it('tells the new holder of a delegated task who handed it over, or that an administrator moved it', () => {
    const text = delegationText({ ...subject, stageLabel: 'Chi bộ thông qua', from: 'Trần Thị Hoa', byAdministrator: false });
    expect(text.title).toBe('Công việc được chuyển cho đồng chí: Chi bộ thông qua – Chi bộ Vụ Kế toán Nhà nước');
    expect(text.body).toBe(
      'Kế hoạch 144-KH/ĐUK: đồng chí Trần Thị Hoa đã chuyển cho đồng chí công việc "Chi bộ thông qua" đối với báo cáo của Chi bộ Vụ Kế toán Nhà nước, ' +
        'hạn hoàn thành 10/07/2030 17:00 (giờ Hà Nội). Đề nghị đồng chí xử lý.',
    );
    expect(delegationText({ ...subject, stageLabel: 'Chi bộ thông qua', from: 'Trần Thị Hoa', byAdministrator: true }).body).toContain(
      'công việc "Chi bộ thông qua" của đồng chí Trần Thị Hoa đã được quản trị viên chuyển cho đồng chí',
    );
  });

  it('puts the page’s address under the notice in its e-mail, and nothing when there is no page', () => {
    expect(emailWithLink('Nội dung.', 'http://localhost:3000/reports/x')).toBe(
      'Nội dung.\n\nXem và xử lý tại: http://localhost:3000/reports/x\n(Nếu chưa đăng nhập, sau khi đăng nhập đồng chí được đưa thẳng tới trang này.)',
    );
    expect(emailWithLink('Nội dung.', null)).toBe('Nội dung.');
  });
});

describe('the adoption of the root’s own report', () => {
  it('says nothing of a next stage when none follows', () => {
    const text = adoptionText({
      planCode: '144-KH/ĐUK',
      unitName: 'Đảng bộ Khối các cơ quan Trung ương',
      adoptedBy: 'Ban Thường vụ Đảng ủy Khối',
      adoptedAt: new Date('2030-09-30T10:00:00Z'),
      nextStageLabel: null,
    });
    expect(text.body).toBe(
      'Kế hoạch 144-KH/ĐUK: báo cáo tổng kết của Đảng bộ Khối các cơ quan Trung ương đã được Ban Thường vụ Đảng ủy Khối thông qua ngày 30/09/2030.',
    );
  });
});
