import { DEFAULT_WORKFLOW } from '../default-workflow';
import { stageLabel, StageLabelContext } from '../stage-labels';

const stages = DEFAULT_WORKFLOW.stages;
const khoi = { kind: 'bloc' as const, name: 'Đảng bộ Khối các cơ quan Trung ương' };
const at = (context: Partial<StageLabelContext>) => (key: string) => stageLabel(key, { stages, ...context });

describe('stage names per level', () => {
  it('names the adopting stage after who adopts at the report’s level', () => {
    const adopting = (unit: StageLabelContext['unit']) => stageLabel('cell_approval', { stages, unit });
    expect(adopting({ kind: 'cell', name: 'Chi bộ Khoa Nội' })).toBe('Chi bộ thông qua');
    expect(adopting({ kind: 'grassroots', name: 'Chi bộ Báo Nhân dân' })).toBe('Chi bộ thông qua');
    expect(adopting({ kind: 'grassroots', name: 'Đảng bộ Bệnh viện Đa khoa Nông nghiệp' })).toBe('Đảng ủy thông qua');
    expect(adopting({ kind: 'upper', name: 'Đảng bộ Kho bạc Nhà nước Trung ương' })).toBe('Ban Thường vụ thông qua');
    expect(adopting(khoi)).toBe('Ban Thường vụ Đảng ủy Khối thông qua');
  });

  it('names it by level when only the level is known, and for every level at once otherwise', () => {
    expect(['bloc', 'upper', 'grassroots', 'cell'].map((level) => stageLabel('cell_approval', { stages, level: level as 'cell' }))).toEqual([
      'Ban Thường vụ Đảng ủy Khối thông qua',
      'Ban Thường vụ thông qua',
      'Đảng ủy, chi bộ cơ sở thông qua',
      'Chi bộ thông qua',
    ]);
    expect(stageLabel('cell_approval', { stages })).toBe('Chi bộ, cấp ủy thông qua');
  });

  it('keeps the workflow’s names for drafting, the review above and consolidation, at every level', () => {
    const upper = at({ unit: { kind: 'upper', name: 'Đảng bộ Kho bạc Nhà nước Trung ương' } });
    expect(['drafting', 'committee_review', 'consolidation'].map(upper)).toEqual(['Dự thảo báo cáo', 'Cấp ủy cấp trên thẩm định', 'Tổng hợp ở Khối']);
  });

  it('names the Standing Committee’s approval of the consolidated report after the root: the Khối’s, or another committee’s', () => {
    expect(stageLabel('root_approval', { stages, root: khoi })).toBe('Ban Thường vụ Đảng ủy Khối thông qua');
    expect(stageLabel('root_approval', { stages, root: { kind: 'upper', name: 'Đảng bộ Kho bạc Nhà nước Trung ương' } })).toBe('Ban Thường vụ thông qua');
    expect(stageLabel('root_approval', { stages, root: { kind: 'grassroots', name: 'Đảng bộ Bệnh viện Đa khoa Nông nghiệp' } })).toBe('Đảng ủy thông qua');
  });

  it('finds the adopting stage of another workflow by its place, not its key, and uses an administrator’s own names elsewhere', () => {
    const custom = [
      { key: 'soan', name: 'Soạn dự thảo', kind: 'draft' as const, scope: 'self' as const },
      { key: 'ban_to_chuc', name: 'Ban Tổ chức kiểm tra', kind: 'approval' as const, scope: 'parent' as const },
      { key: 'hoi_nghi', name: 'Hội nghị thông qua', kind: 'approval' as const, scope: 'self' as const },
      { key: 'tong_hop', name: 'Tổng hợp', kind: 'consolidation' as const, scope: 'root' as const },
    ];
    const cell = { kind: 'cell' as const, name: 'Chi bộ Khoa Nội' };
    expect(['soan', 'ban_to_chuc', 'hoi_nghi', 'tong_hop'].map((key) => stageLabel(key, { stages: custom, unit: cell }))).toEqual([
      'Soạn dự thảo',
      'Ban Tổ chức kiểm tra',
      'Chi bộ thông qua',
      'Tổng hợp',
    ]);
  });

  it('never shows a key: done, the data cut-off, and keys no longer in the version read in Vietnamese', () => {
    const read = at({});
    expect(read('done')).toBe('Hoàn thành');
    expect(read('collection')).toBe('Chốt số liệu tổng hợp');
    expect(stageLabel('cell_approval', { stages: [] })).toBe('Chi bộ, cấp ủy thông qua');
    expect(stageLabel('cell_approval', { stages: [], unit: { kind: 'upper', name: 'Đảng bộ Kho bạc Nhà nước Trung ương' } })).toBe('Ban Thường vụ thông qua');
    expect(stageLabel('old_precheck', { stages })).toBe('Bước không còn trong quy trình');
  });
});
