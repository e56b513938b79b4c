import { placeAndDate } from './party-document.model';

describe('placeAndDate: the place and date line of a Party document', () => {
  it('writes the day and the month in two digits (Hướng dẫn 36-HD/VPTW)', () => {
    expect(placeAndDate('Hà Nội', new Date('2019-06-05T03:00:00Z'))).toBe('Hà Nội, ngày 05 tháng 06 năm 2019');
    expect(placeAndDate('Hà Nội', new Date('2019-01-09T03:00:00Z'))).toBe('Hà Nội, ngày 09 tháng 01 năm 2019');
    expect(placeAndDate('Thanh Trì', new Date('2019-11-25T03:00:00Z'))).toBe('Thanh Trì, ngày 25 tháng 11 năm 2019');
  });

  it('takes the day in Viet Nam, not in UTC', () => {
    expect(placeAndDate('Hà Nội', new Date('2019-06-04T17:30:00Z'))).toBe('Hà Nội, ngày 05 tháng 06 năm 2019');
    expect(placeAndDate('Hà Nội', new Date('2019-12-31T17:00:00Z'))).toBe('Hà Nội, ngày 01 tháng 01 năm 2020');
  });
});
