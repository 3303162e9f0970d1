import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DatasetFilesManifestOrder1796404031148 implements MigrationInterface {
  name = 'DatasetFilesManifestOrder1796404031148';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX "ix_dataset_files_manifest_order" ON "dataset_files" ("manifest_id", "id")',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."ix_dataset_files_manifest_order"');
  }
}
