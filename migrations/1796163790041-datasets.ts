import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Datasets1796163790041 implements MigrationInterface {
  name = 'Datasets1796163790041';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "blobs" ("handle" character(64) NOT NULL, "size" bigint NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_blobs" PRIMARY KEY ("handle"))',
    );
    await queryRunner.query(
      'CREATE TABLE "datasets" ("creator_id" integer, "creation_time" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deletion_time" TIMESTAMP WITH TIME ZONE, "id" SERIAL NOT NULL, "name" character varying(200) NOT NULL, "version" integer NOT NULL DEFAULT \'1\', "previous_version" integer NOT NULL DEFAULT \'-1\', "description" text NOT NULL DEFAULT \'\', "project_id" integer NOT NULL, "licence_id" integer NOT NULL, "is_public" boolean NOT NULL DEFAULT false, "domain_id" integer, "tags" text NOT NULL DEFAULT \'\', "slug" character varying(95) NOT NULL, "summary" text, CONSTRAINT "pk_datasets" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_datasets_slug" ON "datasets" ("slug")');
    await queryRunner.query('CREATE INDEX "ix_datasets_project" ON "datasets" ("project_id")');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_datasets_active_name_version_project" ON "datasets" ("name", "version", "project_id") WHERE "deletion_time" IS NULL',
    );
    await queryRunner.query(
      'CREATE TABLE "dataset_files" ("id" BIGSERIAL NOT NULL, "dataset_id" integer NOT NULL, "filename" text COLLATE "C" NOT NULL, "blob_handle" character(64) NOT NULL, "metadata" text NOT NULL DEFAULT \'\', CONSTRAINT "pk_dataset_files" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_dataset_files_blob" ON "dataset_files" ("blob_handle")',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_dataset_files_name" ON "dataset_files" ("dataset_id", "filename")',
    );
    await queryRunner.query(
      'ALTER TABLE "datasets" ADD CONSTRAINT "FK_85e65aa0f6b57a6eb156d3333aa" FOREIGN KEY ("creator_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "datasets" ADD CONSTRAINT "FK_0bd61b0be85f417be961250475e" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "datasets" ADD CONSTRAINT "FK_cd772589e2192c616983d072ffe" FOREIGN KEY ("licence_id") REFERENCES "licences"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "datasets" ADD CONSTRAINT "FK_7dd841663798304033bab71c715" FOREIGN KEY ("domain_id") REFERENCES "data_domains"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "dataset_files" ADD CONSTRAINT "FK_d51218b7172c75083cd0e3ea288" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "dataset_files" ADD CONSTRAINT "FK_403121fb4dd91f0ee3c5f7b4cc4" FOREIGN KEY ("blob_handle") REFERENCES "blobs"("handle") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "dataset_files" DROP CONSTRAINT "FK_403121fb4dd91f0ee3c5f7b4cc4"',
    );
    await queryRunner.query(
      'ALTER TABLE "dataset_files" DROP CONSTRAINT "FK_d51218b7172c75083cd0e3ea288"',
    );
    await queryRunner.query(
      'ALTER TABLE "datasets" DROP CONSTRAINT "FK_7dd841663798304033bab71c715"',
    );
    await queryRunner.query(
      'ALTER TABLE "datasets" DROP CONSTRAINT "FK_cd772589e2192c616983d072ffe"',
    );
    await queryRunner.query(
      'ALTER TABLE "datasets" DROP CONSTRAINT "FK_0bd61b0be85f417be961250475e"',
    );
    await queryRunner.query(
      'ALTER TABLE "datasets" DROP CONSTRAINT "FK_85e65aa0f6b57a6eb156d3333aa"',
    );
    await queryRunner.query('DROP INDEX "public"."uq_dataset_files_name"');
    await queryRunner.query('DROP INDEX "public"."ix_dataset_files_blob"');
    await queryRunner.query('DROP TABLE "dataset_files"');
    await queryRunner.query('DROP INDEX "public"."uq_datasets_active_name_version_project"');
    await queryRunner.query('DROP INDEX "public"."ix_datasets_project"');
    await queryRunner.query('DROP INDEX "public"."ix_datasets_slug"');
    await queryRunner.query('DROP TABLE "datasets"');
    await queryRunner.query('DROP TABLE "blobs"');
  }
}
