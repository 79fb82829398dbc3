import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('tags')
@Index('UQ_tags_name', ['name'], { unique: true })
export class Tag {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 64 })
  name: string;
}
