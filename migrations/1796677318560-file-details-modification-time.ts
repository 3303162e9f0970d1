import type { MigrationInterface, QueryRunner } from 'typeorm';

export class FileDetailsModificationTime1796677318560 implements MigrationInterface {
  name = 'FileDetailsModificationTime1796677318560';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "dataset_files" ADD "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()',
    );
    await queryRunner.query(
      'ALTER TABLE "dataset_files" ADD "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()',
    );
    await queryRunner.query('ALTER TABLE "dataset_files" ADD "description" text');
    await queryRunner.query('ALTER TABLE "dataset_files" ADD "labels" text array');
    await queryRunner.query(
      'ALTER TABLE "datasets" ADD "modification_time" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()',
    );
    // Existing rows: a version was last changed when it was made, as far as anyone knows; a
    // file was added when the oldest version sharing its manifest was made.
    await queryRunner.query('UPDATE "datasets" SET "modification_time" = "creation_time"');
    await queryRunner.query(
      'UPDATE "dataset_files" f SET "created_at" = m.made, "updated_at" = m.made FROM (SELECT "manifest_id", min("creation_time") AS made FROM "datasets" GROUP BY "manifest_id") m WHERE f."manifest_id" = m."manifest_id"',
    );
    await queryRunner.query('ALTER TABLE "file_sources" ADD "description" text');
    await queryRunner.query('ALTER TABLE "file_sources" ADD "labels" text array');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "file_sources" DROP COLUMN "labels"');
    await queryRunner.query('ALTER TABLE "file_sources" DROP COLUMN "description"');
    await queryRunner.query('ALTER TABLE "datasets" DROP COLUMN "modification_time"');
    await queryRunner.query('ALTER TABLE "dataset_files" DROP COLUMN "labels"');
    await queryRunner.query('ALTER TABLE "dataset_files" DROP COLUMN "description"');
    await queryRunner.query('ALTER TABLE "dataset_files" DROP COLUMN "updated_at"');
    await queryRunner.query('ALTER TABLE "dataset_files" DROP COLUMN "created_at"');
  }
}
