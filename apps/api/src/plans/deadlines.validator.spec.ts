import { validateSync } from 'class-validator';
import { DeadlinesDto } from './plan.dto';

function problems(deadlines: unknown): string[] {
  return validateSync(Object.assign(new DeadlinesDto(), { deadlines })).flatMap((e) => Object.values(e.constraints ?? {}));
}

describe('IsDeadlines', () => {
  it('accepts unit kinds of stage keys to dates with offset', () => {
    expect(problems({ cell: { drafting: '2019-07-10T17:00:00+07:00' }, bloc: { consolidation: '2019-09-30T10:00:00Z' } })).toEqual([]);
  });
  it('names the unknown unit kind', () => {
    expect(problems({ ward: { drafting: '2019-07-10T17:00:00+07:00' } })[0]).toMatch(/unknown unit kind ward/);
  });
  it('needs an offset and a real date', () => {
    expect(problems({ cell: { drafting: '2019-07-10 17:00' } })[0]).toMatch(/cell.drafting must be an ISO 8601/);
    expect(problems({ cell: { drafting: '2019-13-45T17:00:00+07:00' } })[0]).toMatch(/cell.drafting/);
  });
  it('refuses dates that do not exist, which Date.parse would roll over', () => {
    expect(problems({ cell: { drafting: '2030-02-30T17:00:00+07:00' } })[0]).toMatch(
      /^deadlines: cell.drafting must be an ISO 8601 date-time with offset naming a real date/,
    );
    expect(problems({ upper: { cell_approval: '2030-02-28T24:00:00Z' } })[0]).toMatch(/upper.cell_approval/);
    expect(problems({ cell: { drafting: '2032-02-29T17:00:00+07:00' } })).toEqual([]);
  });
  it('refuses non-objects', () => {
    expect(problems([1])[0]).toMatch(/must be an object/);
    expect(problems({ cell: 'soon' })[0]).toMatch(/cell must be an object/);
  });
});
