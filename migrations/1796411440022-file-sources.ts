import type { MigrationInterface, QueryRunner } from 'typeorm';

export class FileSources1796411440022 implements MigrationInterface {
  name = 'FileSources1796411440022';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "file_sources" ("id" SERIAL NOT NULL, "dataset_id" integer NOT NULL, "filename" text COLLATE "C" NOT NULL, "url" text NOT NULL, "expand_archive" boolean NOT NULL DEFAULT false, "sync_status" character varying(16) NOT NULL DEFAULT \'NEW\', "sync_job_id" uuid, "last_sync_start" TIMESTAMP WITH TIME ZONE, "last_sync_success" TIMESTAMP WITH TIME ZONE, "last_sync_failure" TIMESTAMP WITH TIME ZONE, "sync_summary" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_file_sources_sync_status" CHECK ("sync_status" IN (\'NEW\', \'INPROGRESS\', \'OK\', \'SYSTEMERROR\')), CONSTRAINT "pk_file_sources" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_file_sources_name" ON "file_sources" ("dataset_id", "filename")',
    );
    await queryRunner.query(
      'ALTER TABLE "file_sources" ADD CONSTRAINT "fk_file_sources_dataset" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "file_sources" DROP CONSTRAINT "fk_file_sources_dataset"');
    await queryRunner.query('DROP INDEX "public"."uq_file_sources_name"');
    await queryRunner.query('DROP TABLE "file_sources"');
  }
}
