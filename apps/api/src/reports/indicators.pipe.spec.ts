import { DomainError } from '@app/domain';
import { IndicatorsPipe } from './indicators.pipe';

describe('IndicatorsPipe', () => {
  const pipe = new IndicatorsPipe();
  it('accepts non-negative integers', () => {
    expect(pipe.transform({ members_admitted: 3, lecturers: 0 })).toEqual({ members_admitted: 3, lecturers: 0 });
  });
  it.each([[{ members_admitted: -1 }], [{ members_admitted: 1.5 }], [{ members_admitted: '3' }], [{}], [[1]], [null]])('refuses %j', (body) => {
    expect(() => pipe.transform(body)).toThrow(DomainError);
  });
});
