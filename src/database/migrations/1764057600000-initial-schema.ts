import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { SchemaHelpers } from './schema-helpers.js';

/** Users, follows, articles, tags, favorites and comments: the RealWorld schema. */
export class InitialSchema1764057600000 implements MigrationInterface {
  name = 'InitialSchema1764057600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const s = new SchemaHelpers(queryRunner);

    await queryRunner.createTable(
      new Table({
        name: 'users',
        columns: [
          s.id(),
          s.varchar('email', 255),
          s.varchar('username', 64),
          s.varchar('passwordHash', 255),
          s.text('bio', { isNullable: true }),
          s.varchar('image', 2048, { isNullable: true }),
          s.createdAt(),
          s.updatedAt(),
        ],
        indices: [
          { name: 'UQ_users_email', columnNames: ['email'], isUnique: true },
          {
            name: 'UQ_users_username',
            columnNames: ['username'],
            isUnique: true,
          },
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'follows',
        columns: [
          s.int('followerId', { isPrimary: true }),
          s.int('followingId', { isPrimary: true }),
          s.createdAt(),
        ],
        indices: [{ name: 'IDX_follows_following', columnNames: ['followingId'] }],
        foreignKeys: [
          s.foreignKey('FK_follows_follower', 'followerId', 'users'),
          s.foreignKey('FK_follows_following', 'followingId', 'users'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'articles',
        columns: [
          s.id(),
          s.varchar('slug', 255),
          s.varchar('title', 255),
          s.varchar('description', 1024),
          s.text('body'),
          s.int('favoritesCount', { default: 0 }),
          s.int('authorId'),
          s.createdAt(),
          s.updatedAt(),
        ],
        indices: [
          { name: 'UQ_articles_slug', columnNames: ['slug'], isUnique: true },
          { name: 'IDX_articles_created', columnNames: ['createdAt'] },
          {
            name: 'IDX_articles_author_created',
            columnNames: ['authorId', 'createdAt'],
          },
        ],
        foreignKeys: [s.foreignKey('FK_articles_author', 'authorId', 'users')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'tags',
        columns: [s.id(), s.varchar('name', 64)],
        indices: [{ name: 'UQ_tags_name', columnNames: ['name'], isUnique: true }],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'article_tags',
        columns: [s.int('articleId', { isPrimary: true }), s.int('tagId', { isPrimary: true })],
        indices: [{ name: 'IDX_article_tags_tag', columnNames: ['tagId'] }],
        foreignKeys: [
          s.foreignKey('FK_article_tags_article', 'articleId', 'articles'),
          s.foreignKey('FK_article_tags_tag', 'tagId', 'tags'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'favorites',
        columns: [
          s.int('userId', { isPrimary: true }),
          s.int('articleId', { isPrimary: true }),
          s.createdAt(),
        ],
        indices: [{ name: 'IDX_favorites_article', columnNames: ['articleId'] }],
        foreignKeys: [
          s.foreignKey('FK_favorites_user', 'userId', 'users'),
          s.foreignKey('FK_favorites_article', 'articleId', 'articles'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'comments',
        columns: [
          s.id(),
          s.text('body'),
          s.int('articleId'),
          s.int('authorId'),
          s.createdAt(),
          s.updatedAt(),
        ],
        indices: [
          {
            name: 'IDX_comments_article_created',
            columnNames: ['articleId', 'createdAt'],
          },
          { name: 'IDX_comments_author', columnNames: ['authorId'] },
        ],
        foreignKeys: [
          s.foreignKey('FK_comments_article', 'articleId', 'articles'),
          s.foreignKey('FK_comments_author', 'authorId', 'users'),
        ],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'comments',
      'favorites',
      'article_tags',
      'tags',
      'articles',
      'follows',
      'users',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
