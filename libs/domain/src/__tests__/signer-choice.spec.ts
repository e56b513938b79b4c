import { chooseSigner, SigningHolder } from '../signer-choice';

const an: SigningHolder = { userId: 'u-an', username: 'kbnn.bithu', fullName: 'Nguyễn Văn An', position: 'bi_thu' };
const chau: SigningHolder = { userId: 'u-chau', username: 'kbnn.capuy', fullName: 'Đỗ Minh Châu', position: 'pho_bi_thu' };
const binh: SigningHolder = { userId: 'u-binh', username: 'a.pho', fullName: 'Hoàng Văn Bình', position: 'pho_bi_thu' };
const member: SigningHolder = { userId: 'u-ha', username: 'kbnn.soanthao', fullName: 'Vũ Thu Hà', position: 'dang_vien' };

describe('chooseSigner: who signs an adopted document', () => {
  it('by default the secretary, signing as BÍ THƯ', () => {
    expect(chooseSigner([chau, an, member], null)).toEqual({
      userId: 'u-an',
      username: 'kbnn.bithu',
      fullName: 'Nguyễn Văn An',
      position: 'bi_thu',
      how: 'secretary',
    });
  });

  it('the deputy the committee chose, deputising (K/T), even with a secretary in post', () => {
    expect(chooseSigner([an, chau], 'u-chau')).toMatchObject({ username: 'kbnn.capuy', position: 'pho_bi_thu', how: 'chosen' });
  });

  it('ignores a choice of someone who no longer holds a signing post there, or never did', () => {
    expect(chooseSigner([an, chau], 'u-gone')).toMatchObject({ username: 'kbnn.bithu', how: 'secretary' });
    expect(chooseSigner([an, member], 'u-ha')).toMatchObject({ username: 'kbnn.bithu', how: 'secretary' });
  });

  it('without a secretary, a deputy secretary (the first by username, every time the same)', () => {
    expect(chooseSigner([chau, binh], null)).toMatchObject({ username: 'a.pho', fullName: 'Hoàng Văn Bình', position: 'pho_bi_thu', how: 'deputy' });
    expect(chooseSigner([binh, chau], null)).toMatchObject({ username: 'a.pho', how: 'deputy' });
  });

  it('with neither, nobody: an empty name, and the caller records the vacancy', () => {
    expect(chooseSigner([member], null)).toEqual({ userId: null, username: null, fullName: '', position: null, how: 'vacant' });
    expect(chooseSigner([], 'u-an')).toMatchObject({ how: 'vacant', fullName: '' });
  });
});
