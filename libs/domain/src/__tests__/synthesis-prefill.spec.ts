import { citationNames, contributorOrder } from '../contributor-order';
import { DEFAULT_OUTLINE, FIVE_PART_OUTLINE } from '../default-outline';
import { indicatorCatalogue } from '../indicators';
import { attributedGroup, followPrefill, paragraphsOf, prefillSections, synthesisOfPart } from '../synthesis-prefill';
import { enteredTotals, followSums } from '../synthesis-figures';

const KT = 'Chi bộ Vụ Kế toán Nhà nước';
const TT = 'Chi bộ Cục Thanh toán';

describe('a consolidating level’s report as its working group starts it', () => {
  it('attributes each contribution by the unit’s name, leading its first paragraph', () => {
    expect(attributedGroup(KT, 'Cấp ủy đã cụ thể hóa nghị quyết.')).toBe(`${KT}: Cấp ủy đã cụ thể hóa nghị quyết.`);
    expect(attributedGroup(KT, '   \n  ')).toBeNull();
    expect(attributedGroup(KT, undefined)).toBeNull();
  });

  it('keeps a unit’s paragraphs as paragraphs: blank lines and surrounding spaces dropped, order kept', () => {
    expect(paragraphsOf('  Một.\r\n\r\nHai.  \n\n\n  Ba.')).toEqual(['Một.', 'Hai.', 'Ba.']);
    expect(attributedGroup(KT, 'Đoạn thứ nhất.\n\nĐoạn thứ hai.\nĐoạn thứ ba.')).toBe(`${KT}: Đoạn thứ nhất.\nĐoạn thứ hai.\nĐoạn thứ ba.`);
  });

  it('one paragraph group per unit, a blank line between groups, units without text left out', () => {
    const contributions = [
      { name: KT, sections: { political: { strengths: 'Ưu điểm một.\nƯu điểm hai.' } } },
      { name: 'Chi bộ Văn phòng Kho bạc', sections: { political: { strengths: '  ' } } },
      { name: TT, sections: { political: { strengths: 'Ưu điểm của Cục.' } } },
    ];
    expect(synthesisOfPart(contributions, 'political', 'strengths')).toBe(`${KT}: Ưu điểm một.\nƯu điểm hai.\n\n${TT}: Ưu điểm của Cục.`);
    expect(synthesisOfPart(contributions, 'political', 'limitations')).toBe('');
  });

  it('fills every part an item takes (one text, or an area’s parts), and only those', () => {
    const context = DEFAULT_OUTLINE.find((s) => s.key === 'context')!;
    const political = DEFAULT_OUTLINE.find((s) => s.key === 'political')!;
    const sections = prefillSections(
      [context, political],
      [
        { name: KT, sections: { context: { text: 'Chi bộ có 12 đảng viên.' }, political: { strengths: 'A', limitations: 'B', lessons: 'không thuộc mục' } } },
        { name: TT, sections: { context: { text: 'Chi bộ có 9 đảng viên.' }, political: { causes: 'C' } } },
      ],
    );
    expect(sections).toEqual({
      context: { text: `${KT}: Chi bộ có 12 đảng viên.\n\n${TT}: Chi bộ có 9 đảng viên.` },
      political: { strengths: `${KT}: A`, limitations: `${KT}: B`, causes: `${TT}: C` },
    });
  });

  it('keeps the text a part already holds (an intermediate drafter wrote it before the collection completed)', () => {
    const [political] = FIVE_PART_OUTLINE;
    const sections = prefillSections([political], [{ name: KT, sections: { political: { strengths: 'S', lessons: 'L' } } }], {
      political: { strengths: 'Đảng ủy tự đánh giá.', lessons: '   ' },
      other: { strengths: 'giữ nguyên' },
    });
    expect(sections).toEqual({ political: { strengths: 'Đảng ủy tự đánh giá.', lessons: `${KT}: L` }, other: { strengths: 'giữ nguyên' } });
  });

  it('orders contributions as the tree reads: each unit followed by the units below it, siblings by code', () => {
    const units = [
      { id: 'kt', parentId: 'kbnn', code: 'KBNN-KT', name: KT },
      { id: 'bvnn-noi', parentId: 'bvnn', code: 'BVNN-NOI', name: 'Chi bộ Khoa Nội' },
      { id: 'kbnn', parentId: 'duk', code: 'KBNN', name: 'Đảng bộ Kho bạc Nhà nước Trung ương' },
      { id: 'c1', parentId: 'duk', code: 'A-C1', name: 'Chi bộ Văn phòng Khối' },
      { id: 'bvnn', parentId: 'duk', code: 'BVNN', name: 'Đảng bộ Bệnh viện Đa khoa Nông nghiệp' },
      { id: 'tt', parentId: 'kbnn', code: 'KBNN-TT', name: TT },
      // Its parent consolidates elsewhere: it hangs from the level.
      { id: 'lone', parentId: 'elsewhere', code: 'B-LONE', name: 'Chi bộ lẻ' },
    ];
    expect(contributorOrder(units, 'duk').map((u) => u.code)).toEqual(['A-C1', 'B-LONE', 'BVNN', 'BVNN-NOI', 'KBNN', 'KBNN-KT', 'KBNN-TT']);
  });

  it('cites a unit by its name, followed by the name above it only when several units share the name', () => {
    const parents: Record<string, string> = { kbnn: 'Đảng bộ Kho bạc Nhà nước Trung ương', bvnn: 'Đảng bộ Bệnh viện Đa khoa Nông nghiệp' };
    const names = citationNames(
      [
        { id: 'a', parentId: 'kbnn', code: 'KBNN-VP', name: 'Chi bộ Văn phòng' },
        { id: 'b', parentId: 'bvnn', code: 'BVNN-VP', name: 'Chi bộ Văn phòng ' },
        { id: 'c', parentId: 'kbnn', code: 'KBNN-KT', name: KT },
      ],
      (id) => parents[id],
    );
    expect([...names.values()]).toEqual([
      'Chi bộ Văn phòng (Đảng bộ Kho bạc Nhà nước Trung ương)',
      'Chi bộ Văn phòng (Đảng bộ Bệnh viện Đa khoa Nông nghiệp)',
      KT,
    ]);
    expect([...names.values()].join()).not.toMatch(/KBNN|BVNN/);
  });
});

describe('the figures a consolidating level starts from', () => {
  const { definitions } = indicatorCatalogue('2015-2020');
  const units = [
    { unitCode: 'KBNN-KT', unitName: KT, indicators: { members_end: 12, example_orgs_total: 4, example_orgs_committed: 4 } },
    { unitCode: 'KBNN-TT', unitName: TT, indicators: { members_end: 9, example_orgs_total: 6, example_orgs_committed: 3 } },
  ];

  it('sums counts, leaves blanks blank and the derived percentages out', () => {
    const totals = enteredTotals(definitions, units);
    expect(totals).toEqual({ members_end: 21, example_orgs_total: 10, example_orgs_committed: 7 });
    expect('members_start' in totals).toBe(false);
    expect('example_orgs_percent' in totals).toBe(false);
  });

  it('averages an entered percentage over the units that gave it, never sums it', () => {
    const percent = { key: 'share', label: 'Tỷ lệ', kind: 'percent' as const, unit: '%', group: 'general' };
    expect(
      enteredTotals(
        [percent],
        [
          { unitCode: 'A', unitName: 'A', indicators: { share: 80 } },
          { unitCode: 'B', unitName: 'B', indicators: {} },
          { unitCode: 'C', unitName: 'C', indicators: { share: 90 } },
        ],
      ),
    ).toEqual({ share: 85 });
  });

  it('a figure the working group left as summed follows new sums; one it changed keeps its value', () => {
    const last = { members_end: 21, lecturers: 4, collaborators: 3 };
    const current = { members_end: 21, lecturers: 5, collaborators: 3, directives_issued: 1 };
    expect(followSums(current, last, { members_end: 30, lecturers: 6, resolutions_issued: 2 })).toEqual({
      members_end: 30,
      lecturers: 5,
      directives_issued: 1,
      resolutions_issued: 2,
    });
  });
});

describe('followPrefill: a later round’s pre-fill reaches only what nobody wrote', () => {
  const last = { context: { text: 'A: cũ.' }, political: { strengths: 'A: tốt.', limitations: 'A: chưa tốt.' } };
  const fresh = { context: { text: 'A: cũ.\n\nB: mới.' }, political: { strengths: 'A: tốt.\n\nB: tốt.', limitations: 'A: chưa tốt.' } };

  it('an untouched item follows the new pre-fill; a written one stays', () => {
    const current = { context: { text: 'A: cũ.' }, political: { strengths: 'Tổ giúp việc viết lại.', limitations: 'A: chưa tốt.' } };
    expect(followPrefill(current, last, fresh)).toEqual({ context: fresh.context, political: current.political });
  });

  it('whitespace alone does not count as writing', () => {
    expect(followPrefill({ context: { text: '  A: cũ. ' } }, last, fresh).context).toEqual(fresh.context);
  });
});
