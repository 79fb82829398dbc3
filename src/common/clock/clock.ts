import { Injectable } from '@nestjs/common';

/** The current time, injectable so tests can move it (e.g. to the next hourly digest). */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
