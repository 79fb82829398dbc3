import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { SchemaHelpers } from './schema-helpers.js';

/** TOTP enrolments (secret encrypted at rest) and their recovery codes. */
export class TwoFactor1764200000001 implements MigrationInterface {
  name = 'TwoFactor1764200000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const s = new SchemaHelpers(queryRunner);

    await queryRunner.createTable(
      new Table({
        name: 'user_two_factor',
        columns: [
          s.int('userId', { isPrimary: true }),
          s.varchar('secretCiphertext', 255),
          s.varchar('keyId', 32),
          s.dateTime('enabledAt', { isNullable: true }),
          s.int('lastUsedTimeStep', { isNullable: true }),
          s.createdAt(),
        ],
        foreignKeys: [s.foreignKey('FK_user_two_factor_user', 'userId', 'users')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'two_factor_recovery_codes',
        columns: [
          s.id(),
          s.int('userId'),
          s.varchar('codeHash', 64),
          s.dateTime('usedAt', { isNullable: true }),
        ],
        indices: [{ name: 'IDX_two_factor_recovery_codes_user', columnNames: ['userId'] }],
        foreignKeys: [s.foreignKey('FK_two_factor_recovery_codes_user', 'userId', 'users')],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('two_factor_recovery_codes');
    await queryRunner.dropTable('user_two_factor');
  }
}
