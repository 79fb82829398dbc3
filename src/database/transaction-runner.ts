import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * Runs units of work in a transaction.
 *
 * TypeORM drives better-sqlite3 through one shared connection, so two
 * transactions that overlap in time would interleave their statements (the
 * second becomes a savepoint inside the first). On SQLite the work is
 * therefore queued and runs one transaction at a time; server databases run
 * them concurrently.
 */
@Injectable()
export class TransactionRunner {
  private readonly serialize: boolean;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {
    this.serialize = dataSource.options.type === 'better-sqlite3';
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.serialize) return this.dataSource.transaction(work);
    const result = this.tail.then(() => this.dataSource.transaction(work));
    this.tail = result.catch(() => undefined);
    return result;
  }
}
