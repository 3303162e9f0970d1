import { CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The file list of one or more dataset versions. Copying a dataset shares its manifest (the new
 * version points at the same one) so no file row moves; the first write to the files of a dataset
 * whose manifest is shared gives that dataset a private copy first (copy-on-write).
 */
@Entity({ name: 'file_manifests' })
export class FileManifest {
  @PrimaryGeneratedColumn({ primaryKeyConstraintName: 'pk_file_manifests' })
  id: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
