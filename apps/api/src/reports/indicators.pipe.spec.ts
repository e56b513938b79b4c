import { DomainError } from '@app/domain';
import { IndicatorsPipe } from './indicators.pipe';

describe('IndicatorsPipe', () => {
  const pipe = new IndicatorsPipe();
  it('passes an object of figure keys on, values for the service to check against each figure’s kind', () => {
    expect(pipe.transform({ members_admitted: 3, lecturers: 0, members_end: null })).toEqual({ members_admitted: 3, lecturers: 0, members_end: null });
    expect(pipe.transform({ members_admitted: -1 })).toEqual({ members_admitted: -1 });
  });
  it.each([[{}], [[1]], [null], ['3'], [{ 'Số đảng viên': 3 }], [Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`f${i}`, 1]))]])(
    'refuses %j',
    (body) => {
      expect(() => pipe.transform(body)).toThrow(DomainError);
    },
  );
});
