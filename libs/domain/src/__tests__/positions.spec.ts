import { isSigningPosition, POSITION_LABELS, POSITIONS, secondSecretaryMessage, unitsWithTwoSecretaries } from '../positions';

describe('positions (chức vụ)', () => {
  it('names the five positions in Vietnamese, highest first', () => {
    expect(POSITIONS.map((p) => POSITION_LABELS[p])).toEqual(['Bí thư', 'Phó Bí thư', 'Ủy viên Ban Thường vụ', 'Cấp ủy viên', 'Đảng viên']);
  });

  it('lets only the secretary and a deputy secretary sign for the collective', () => {
    expect(POSITIONS.filter(isSigningPosition)).toEqual(['bi_thu', 'pho_bi_thu']);
  });

  it('finds a unit given two secretaries in one list, naming both; the same person twice is one', () => {
    expect(
      unitsWithTwoSecretaries([
        { unit: 'KBNN', position: 'bi_thu', username: 'kbnn.bithu' },
        { unit: 'KBNN', position: 'pho_bi_thu', username: 'kbnn.capuy' },
        { unit: 'KBNN-KT', position: 'bi_thu', username: 'kbnn-kt.bithu' },
        { unit: 'KBNN-KT', position: 'bi_thu', username: 'kbnn-kt.capuy' },
        { unit: 'BVNN', position: 'bi_thu', username: 'bvnn.bithu' },
        { unit: 'BVNN', position: 'bi_thu', username: 'bvnn.bithu' },
      ]),
    ).toEqual([{ unit: 'KBNN-KT', usernames: ['kbnn-kt.bithu', 'kbnn-kt.capuy'] }]);
  });

  it('says who holds the post already', () => {
    expect(secondSecretaryMessage('KBNN', 'Nguyễn Văn An (kbnn.bithu)')).toBe(
      'Đơn vị KBNN đã có Bí thư là đồng chí Nguyễn Văn An (kbnn.bithu); mỗi đơn vị chỉ có một Bí thư',
    );
  });
});
