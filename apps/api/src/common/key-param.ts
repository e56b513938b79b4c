import { PipeTransform } from '@nestjs/common';
import { invalid } from '@app/domain';

/** Keys of workflows and stages: lower-case letters, digits and underscores. */
export class KeyPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!/^[a-z][a-z0-9_]{0,63}$/.test(value)) throw invalid(`"${value.slice(0, 64)}" is not a key: use lower-case letters, digits and underscores`);
    return value;
  }
}
