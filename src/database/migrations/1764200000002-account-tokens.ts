import { Table, TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { AccountTokenPurpose } from '../../credentials/entities/account-token.entity.js';
import { SchemaHelpers } from './schema-helpers.js';

/** E-mail verification and password reset: single-use tokens and the verified flag. */
export class AccountTokens1764200000002 implements MigrationInterface {
  name = 'AccountTokens1764200000002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const s = new SchemaHelpers(queryRunner);

    await queryRunner.addColumn(
      'users',
      new TableColumn(s.dateTime('emailVerifiedAt', { isNullable: true })),
    );

    await queryRunner.createTable(
      new Table({
        name: 'account_tokens',
        columns: [
          s.id(),
          s.int('userId'),
          {
            name: 'purpose',
            type: 'enum',
            enum: Object.values(AccountTokenPurpose),
            enumName: 'account_tokens_purpose_enum',
          },
          s.varchar('tokenHash', 64),
          s.varchar('email', 255),
          s.dateTime('expiresAt'),
          s.dateTime('usedAt', { isNullable: true }),
          s.createdAt(),
        ],
        indices: [
          { name: 'UQ_account_tokens_hash', columnNames: ['tokenHash'], isUnique: true },
          { name: 'IDX_account_tokens_user_purpose', columnNames: ['userId', 'purpose'] },
        ],
        foreignKeys: [s.foreignKey('FK_account_tokens_user', 'userId', 'users')],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('account_tokens');
    await queryRunner.dropColumn('users', 'emailVerifiedAt');
  }
}
