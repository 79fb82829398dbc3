import { Injectable, type PipeTransform } from '@nestjs/common';
import { NotFoundError } from '../errors/domain-errors.js';

const MAX_ID = 2_147_483_647;

/** A numeric id from the path; anything that cannot be an id is simply "not found". */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, number> {
  constructor(private readonly resource: string) {}

  transform(value: string): number {
    if (!/^\d{1,10}$/.test(value)) throw new NotFoundError(this.resource);
    const id = Number(value);
    if (id < 1 || id > MAX_ID) throw new NotFoundError(this.resource);
    return id;
  }
}
