import { Table, TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { IMAGE_FORMATS, UploadStatus } from '../../uploads/entities/upload.entity.js';
import { SchemaHelpers } from './schema-helpers.js';

/** Uploaded images, and an optional cover image on articles. */
export class Uploads1764300000000 implements MigrationInterface {
  name = 'Uploads1764300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const s = new SchemaHelpers(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'uploads',
        columns: [
          s.varchar('id', 36, { isPrimary: true }),
          s.int('ownerId'),
          {
            name: 'status',
            type: 'enum',
            enum: Object.values(UploadStatus),
            enumName: 'uploads_status_enum',
          },
          {
            name: 'format',
            type: 'enum',
            enum: [...IMAGE_FORMATS],
            enumName: 'uploads_format_enum',
            isNullable: true,
          },
          s.int('width', { isNullable: true }),
          s.int('height', { isNullable: true }),
          s.int('bytes'),
          s.text('variants'),
          s.createdAt(),
        ],
        indices: [
          { name: 'IDX_uploads_owner_created', columnNames: ['ownerId', 'createdAt'] },
          { name: 'IDX_uploads_status_created', columnNames: ['status', 'createdAt'] },
        ],
        foreignKeys: [s.foreignKey('FK_uploads_owner', 'ownerId', 'users')],
      }),
    );
    await queryRunner.addColumn(
      'articles',
      new TableColumn(s.varchar('coverImage', 2048, { isNullable: true })),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('articles', 'coverImage');
    await queryRunner.dropTable('uploads');
  }
}
