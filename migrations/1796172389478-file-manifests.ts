import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Copy-on-write file lists: dataset files belong to a manifest, which copies of a dataset share
 * until one of them changes its files. Each existing dataset gets a manifest of its own with the
 * same id, so the file rows only need their column renamed (no row is rewritten and the unique
 * index on (manifest_id, filename) stays valid as it is).
 */
export class FileManifests1796172389478 implements MigrationInterface {
  name = 'FileManifests1796172389478';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "file_manifests" ("id" SERIAL NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_file_manifests" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'INSERT INTO "file_manifests" ("id", "created_at") SELECT "id", "creation_time" FROM "datasets"',
    );
    // The ids were given explicitly: new manifests must start after the highest of them.
    await queryRunner.query(
      `SELECT setval(pg_get_serial_sequence('"file_manifests"', 'id'), COALESCE(MAX("id"), 0) + 1, false) FROM "file_manifests"`,
    );
    await queryRunner.query('ALTER TABLE "datasets" ADD "manifest_id" integer');
    await queryRunner.query('UPDATE "datasets" SET "manifest_id" = "id"');
    await queryRunner.query('ALTER TABLE "datasets" ALTER COLUMN "manifest_id" SET NOT NULL');
    await queryRunner.query('CREATE INDEX "ix_datasets_manifest" ON "datasets" ("manifest_id")');
    await queryRunner.query(
      'ALTER TABLE "dataset_files" DROP CONSTRAINT "FK_d51218b7172c75083cd0e3ea288"',
    );
    // uq_dataset_files_name follows the column: it becomes (manifest_id, filename).
    await queryRunner.query(
      'ALTER TABLE "dataset_files" RENAME COLUMN "dataset_id" TO "manifest_id"',
    );
    await queryRunner.query(
      'ALTER TABLE "dataset_files" ADD CONSTRAINT "FK_587c4861cb80eaa5ac1ee25ab9b" FOREIGN KEY ("manifest_id") REFERENCES "file_manifests"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "datasets" ADD CONSTRAINT "FK_449e8f40d5642905361e665633a" FOREIGN KEY ("manifest_id") REFERENCES "file_manifests"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  /**
   * Back to one set of file rows per dataset: the lowest-numbered dataset of each manifest keeps
   * its rows, every other dataset sharing it gets copies (in file order), and rows of manifests
   * no dataset uses are dropped.
   */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "datasets" DROP CONSTRAINT "FK_449e8f40d5642905361e665633a"',
    );
    await queryRunner.query(
      'ALTER TABLE "dataset_files" DROP CONSTRAINT "FK_587c4861cb80eaa5ac1ee25ab9b"',
    );
    await queryRunner.query('DROP INDEX "public"."uq_dataset_files_name"');
    await queryRunner.query('ALTER TABLE "dataset_files" ADD "dataset_id" integer');
    await queryRunner.query(
      `UPDATE "dataset_files" f SET "dataset_id" = o."id"
       FROM (SELECT "manifest_id", MIN("id") AS "id" FROM "datasets" GROUP BY "manifest_id") o
       WHERE f."manifest_id" = o."manifest_id"`,
    );
    await queryRunner.query(
      `INSERT INTO "dataset_files" ("manifest_id", "dataset_id", "filename", "blob_handle", "metadata")
       SELECT f."manifest_id", d."id", f."filename", f."blob_handle", f."metadata"
       FROM "datasets" d JOIN "dataset_files" f ON f."manifest_id" = d."manifest_id"
       WHERE f."dataset_id" <> d."id"
       ORDER BY d."id", f."id"`,
    );
    await queryRunner.query('DELETE FROM "dataset_files" WHERE "dataset_id" IS NULL');
    await queryRunner.query('ALTER TABLE "dataset_files" DROP COLUMN "manifest_id"');
    await queryRunner.query('ALTER TABLE "dataset_files" ALTER COLUMN "dataset_id" SET NOT NULL');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_dataset_files_name" ON "dataset_files" ("dataset_id", "filename")',
    );
    await queryRunner.query(
      'ALTER TABLE "dataset_files" ADD CONSTRAINT "FK_d51218b7172c75083cd0e3ea288" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query('DROP INDEX "public"."ix_datasets_manifest"');
    await queryRunner.query('ALTER TABLE "datasets" DROP COLUMN "manifest_id"');
    await queryRunner.query('DROP TABLE "file_manifests"');
  }
}
