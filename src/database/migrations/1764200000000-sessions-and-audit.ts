import { Table, TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { SchemaHelpers } from './schema-helpers.js';

/** Sessions with rotating refresh tokens, account suspension and the security audit log. */
export class SessionsAndAudit1764200000000 implements MigrationInterface {
  name = 'SessionsAndAudit1764200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const s = new SchemaHelpers(queryRunner);

    await queryRunner.addColumn(
      'users',
      new TableColumn(s.dateTime('suspendedAt', { isNullable: true })),
    );

    await queryRunner.createTable(
      new Table({
        name: 'sessions',
        columns: [
          s.varchar('id', 36, { isPrimary: true }),
          s.int('userId'),
          s.varchar('userAgent', 512, { isNullable: true }),
          s.varchar('ip', 64, { isNullable: true }),
          s.createdAt(),
          s.dateTime('lastUsedAt'),
          s.dateTime('expiresAt'),
          s.dateTime('revokedAt', { isNullable: true }),
        ],
        indices: [{ name: 'IDX_sessions_user', columnNames: ['userId'] }],
        foreignKeys: [s.foreignKey('FK_sessions_user', 'userId', 'users')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'refresh_tokens',
        columns: [
          s.id(),
          s.varchar('sessionId', 36),
          s.varchar('tokenHash', 64),
          s.dateTime('rotatedAt', { isNullable: true }),
          s.createdAt(),
        ],
        indices: [
          { name: 'UQ_refresh_tokens_hash', columnNames: ['tokenHash'], isUnique: true },
          { name: 'IDX_refresh_tokens_session', columnNames: ['sessionId'] },
        ],
        foreignKeys: [s.foreignKey('FK_refresh_tokens_session', 'sessionId', 'sessions')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'audit_events',
        columns: [
          s.id(),
          s.varchar('action', 64),
          s.int('actorId', { isNullable: true }),
          s.int('targetId', { isNullable: true }),
          s.varchar('ip', 64, { isNullable: true }),
          s.varchar('userAgent', 512, { isNullable: true }),
          s.varchar('detail', 255, { isNullable: true }),
          s.createdAt(),
        ],
        indices: [
          { name: 'IDX_audit_events_created', columnNames: ['createdAt'] },
          { name: 'IDX_audit_events_action_created', columnNames: ['action', 'createdAt'] },
          { name: 'IDX_audit_events_actor', columnNames: ['actorId'] },
          { name: 'IDX_audit_events_target', columnNames: ['targetId'] },
        ],
        foreignKeys: [
          s.foreignKey('FK_audit_events_actor', 'actorId', 'users', 'SET NULL'),
          s.foreignKey('FK_audit_events_target', 'targetId', 'users', 'SET NULL'),
        ],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('audit_events');
    await queryRunner.dropTable('refresh_tokens');
    await queryRunner.dropTable('sessions');
    await queryRunner.dropColumn('users', 'suspendedAt');
  }
}
