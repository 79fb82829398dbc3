import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { Role } from '../../auth/role.enum.js';

export class UserRoles1764060000000 implements MigrationInterface {
  name = 'UserRoles1764060000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'users',
      new TableColumn({
        name: 'role',
        type: 'enum',
        enum: Object.values(Role),
        enumName: 'users_role_enum',
        default: `'${Role.User}'`,
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('users', 'role');
  }
}
