import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { SchemaHelpers } from './schema-helpers.js';

/** Per-user notification choices and the articles waiting for each reader's digest. */
export class NotificationPreferences1764100000001 implements MigrationInterface {
  name = 'NotificationPreferences1764100000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const s = new SchemaHelpers(queryRunner);

    await queryRunner.createTable(
      new Table({
        name: 'notification_preferences',
        columns: [
          s.int('userId', { isPrimary: true }),
          s.boolean('newFollower', true),
          s.boolean('newComment', true),
          s.boolean('followedAuthorArticles', true),
          s.updatedAt(),
        ],
        foreignKeys: [s.foreignKey('FK_notification_preferences_user', 'userId', 'users')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'article_digest_items',
        columns: [
          s.int('readerId', { isPrimary: true }),
          s.int('articleId', { isPrimary: true }),
          s.int('digestJobId', { isNullable: true }),
          s.createdAt(),
        ],
        indices: [
          {
            name: 'IDX_article_digest_items_reader_digest',
            columnNames: ['readerId', 'digestJobId'],
          },
          { name: 'IDX_article_digest_items_article', columnNames: ['articleId'] },
        ],
        foreignKeys: [
          s.foreignKey('FK_article_digest_items_reader', 'readerId', 'users'),
          s.foreignKey('FK_article_digest_items_article', 'articleId', 'articles'),
        ],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('article_digest_items');
    await queryRunner.dropTable('notification_preferences');
  }
}
