import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DatasetSlugConstraints1796402207769 implements MigrationInterface {
  name = 'DatasetSlugConstraints1796402207769';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "datasets" DROP CONSTRAINT "FK_0bd61b0be85f417be961250475e"',
    );
    // Reviewed additions: the extension the exclusions need (trusted: a database owner may
    // create it), the team copied into existing rows, and lineages that share a slug in a team
    // today given `<slug>-<first id of the lineage>` so that the constraints can be added.
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS btree_gist');
    await queryRunner.query('ALTER TABLE "datasets" ADD "team_id" integer');
    await queryRunner.query(
      'UPDATE "datasets" d SET "team_id" = p."team_id" FROM "projects" p WHERE p."id" = d."project_id"',
    );
    await queryRunner.query('ALTER TABLE "datasets" ALTER COLUMN "team_id" SET NOT NULL');
    await queryRunner.query(`
      WITH lineages AS (
        SELECT team_id, slug, project_id, name, min(id) AS first_id
        FROM datasets WHERE deletion_time IS NULL
        GROUP BY team_id, slug, project_id, name
      ), renamed AS (
        SELECT l.*, row_number() OVER (PARTITION BY team_id, slug ORDER BY first_id) AS rank
        FROM lineages l
      )
      UPDATE datasets d
      SET slug = left(r.slug, 94 - length(r.first_id::text)) || '-' || r.first_id
      FROM renamed r
      WHERE r.rank > 1 AND d.deletion_time IS NULL AND d.team_id = r.team_id
        AND d.slug = r.slug AND d.project_id = r.project_id AND d.name = r.name`);
    await queryRunner.query(
      'ALTER TABLE "datasets" ADD CONSTRAINT "xc_datasets_slug_project" EXCLUDE USING gist ("project_id" WITH =, "slug" WITH =, "name" WITH <>) WHERE ("deletion_time" IS NULL)',
    );
    await queryRunner.query(
      'ALTER TABLE "datasets" ADD CONSTRAINT "xc_datasets_slug_team" EXCLUDE USING gist ("team_id" WITH =, "slug" WITH =, "project_id" WITH <>) WHERE ("deletion_time" IS NULL)',
    );
    await queryRunner.query(
      'ALTER TABLE "projects" ADD CONSTRAINT "uq_projects_id_team" UNIQUE ("id", "team_id")',
    );
    await queryRunner.query(
      'ALTER TABLE "datasets" ADD CONSTRAINT "FK_91b37c297890de18db9e1e7026d" FOREIGN KEY ("project_id", "team_id") REFERENCES "projects"("id","team_id") ON DELETE RESTRICT ON UPDATE CASCADE',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "datasets" DROP CONSTRAINT "FK_91b37c297890de18db9e1e7026d"',
    );
    await queryRunner.query('ALTER TABLE "projects" DROP CONSTRAINT "uq_projects_id_team"');
    await queryRunner.query('ALTER TABLE "datasets" DROP CONSTRAINT "xc_datasets_slug_team"');
    await queryRunner.query('ALTER TABLE "datasets" DROP CONSTRAINT "xc_datasets_slug_project"');
    await queryRunner.query('ALTER TABLE "datasets" DROP COLUMN "team_id"');
    await queryRunner.query(
      'ALTER TABLE "datasets" ADD CONSTRAINT "FK_0bd61b0be85f417be961250475e" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }
}
