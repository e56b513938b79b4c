import { planRecipientsProblem } from '../plan-recipients';

describe('a plan’s own recipients', () => {
  it('takes lists of single lines by unit kind', () => {
    expect(planRecipientsProblem({ cell: ['Đảng ủy cấp trên (để báo cáo)', 'Lưu: Chi bộ'], bloc: [] })).toBeNull();
    expect(planRecipientsProblem({})).toBeNull();
  });

  it('refuses what is not, naming the field', () => {
    expect(planRecipientsProblem(['Lưu'])).toMatch(/object of lists/);
    expect(planRecipientsProblem({ ward: ['Lưu'] })).toMatch(/^recipients\.ward: not a unit kind/);
    expect(planRecipientsProblem({ cell: 'Lưu' })).toMatch(/^recipients\.cell must be a list/);
    expect(planRecipientsProblem({ cell: ['Đảng ủy Khối', 'hai\ndòng'] })).toMatch(/^recipients\.cell\[1\] must be one non-empty line/);
    expect(planRecipientsProblem({ upper: ['  '] })).toMatch(/^recipients\.upper\[0\]/);
    expect(planRecipientsProblem({ upper: Array.from({ length: 21 }, () => 'x') })).toMatch(/at most 20 lines/);
  });
});
