import type { QueryRunner, TableColumnOptions, TableForeignKeyOptions } from 'typeorm';

/**
 * Column builders that give each database exactly what TypeORM's entity
 * metadata expects, so one migration serves SQLite, MariaDB/MySQL and
 * PostgreSQL and the schema builder finds nothing left to change.
 */
export class SchemaHelpers {
  constructor(private readonly queryRunner: QueryRunner) {}

  private get driver() {
    return this.queryRunner.connection.driver;
  }

  id(name = 'id'): TableColumnOptions {
    return {
      name,
      type: 'integer',
      isPrimary: true,
      isGenerated: true,
      generationStrategy: 'increment',
    };
  }

  int(name: string, options: Partial<TableColumnOptions> = {}): TableColumnOptions {
    return { name, type: 'integer', ...options };
  }

  varchar(
    name: string,
    length: number,
    options: Partial<TableColumnOptions> = {},
  ): TableColumnOptions {
    return { name, type: 'varchar', length: String(length), ...options };
  }

  text(name: string, options: Partial<TableColumnOptions> = {}): TableColumnOptions {
    return { name, type: 'text', ...options };
  }

  /**
   * A date-time column as TypeORM maps a `Date` property, with milliseconds
   * (entity: `@Column({ type: Date, precision: 3 })`): MariaDB would otherwise
   * drop them, and times used for scheduling would round to whole seconds.
   */
  dateTime(name: string, options: Partial<TableColumnOptions> = {}): TableColumnOptions {
    return { name, type: this.driver.normalizeType({ type: Date }), precision: 3, ...options };
  }

  /** Booleans' defaults are spelled differently per database (`1` on SQLite, `true` on PostgreSQL). */
  boolean(name: string, defaultValue: boolean): TableColumnOptions {
    const isPostgres = this.driver.options.type === 'postgres';
    return {
      name,
      type: 'boolean',
      default: isPostgres ? String(defaultValue) : defaultValue ? 1 : 0,
    };
  }

  /** Matches a `simple-enum` column of the entities on every database. */
  enum(
    name: string,
    values: string[],
    options: Partial<TableColumnOptions> = {},
  ): TableColumnOptions {
    return { name, type: 'enum', enum: values, ...options };
  }

  createdAt(name = 'createdAt'): TableColumnOptions {
    const types = this.driver.mappedDataTypes;
    return {
      name,
      type: this.driver.normalizeType({ type: types.createDate }),
      precision: types.createDatePrecision,
      default: types.createDateDefault,
    };
  }

  updatedAt(name = 'updatedAt'): TableColumnOptions {
    const types = this.driver.mappedDataTypes;
    const isMysql = this.driver.options.type === 'mysql' || this.driver.options.type === 'mariadb';
    return {
      name,
      type: this.driver.normalizeType({ type: types.updateDate }),
      precision: types.updateDatePrecision,
      default: types.updateDateDefault,
      // Only MySQL/MariaDB keep updatedAt current themselves; elsewhere TypeORM sets it.
      ...(isMysql ? { onUpdate: types.updateDateDefault } : {}),
    };
  }

  /** A foreign key that cascades deletes; `NO ACTION` on update matches the entities on every database. */
  foreignKey(
    name: string,
    column: string,
    referencedTable: string,
    onDelete: 'CASCADE' | 'SET NULL' = 'CASCADE',
  ): TableForeignKeyOptions {
    return {
      name,
      columnNames: [column],
      referencedTableName: referencedTable,
      referencedColumnNames: ['id'],
      onDelete,
      onUpdate: 'NO ACTION',
    };
  }
}
