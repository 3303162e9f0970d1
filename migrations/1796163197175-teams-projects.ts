import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TeamsProjects1796163197175 implements MigrationInterface {
  name = 'TeamsProjects1796163197175';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "teams" ("creator_id" integer, "creation_time" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deletion_time" TIMESTAMP WITH TIME ZONE, "id" SERIAL NOT NULL, "name" character varying(200) NOT NULL, "slug" character varying(31) NOT NULL, CONSTRAINT "pk_teams" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_teams_active_slug" ON "teams" ("slug") WHERE "deletion_time" IS NULL',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_teams_active_name" ON "teams" ("name") WHERE "deletion_time" IS NULL',
    );
    await queryRunner.query(
      'CREATE TABLE "projects" ("creator_id" integer, "creation_time" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deletion_time" TIMESTAMP WITH TIME ZONE, "id" SERIAL NOT NULL, "name" character varying(200) NOT NULL, "team_id" integer NOT NULL, CONSTRAINT "pk_projects" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_projects_team" ON "projects" ("team_id")');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_projects_active_name_team" ON "projects" ("name", "team_id") WHERE "deletion_time" IS NULL',
    );
    await queryRunner.query(
      'CREATE TABLE "memberships" ("creator_id" integer, "creation_time" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deletion_time" TIMESTAMP WITH TIME ZONE, "id" SERIAL NOT NULL, "user_id" integer NOT NULL, "team_id" integer NOT NULL, "permissions" character varying(1) NOT NULL DEFAULT \'R\', CONSTRAINT "ck_memberships_permissions" CHECK ("permissions" IN (\'R\', \'X\', \'W\', \'A\')), CONSTRAINT "pk_memberships" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_memberships_team" ON "memberships" ("team_id")');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_memberships_active_user_team" ON "memberships" ("user_id", "team_id") WHERE "deletion_time" IS NULL',
    );
    await queryRunner.query(
      'ALTER TABLE "teams" ADD CONSTRAINT "FK_42744d21c558ffeb2b57a1f6a1a" FOREIGN KEY ("creator_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "projects" ADD CONSTRAINT "FK_4b86fad39217ca10aace123c7bd" FOREIGN KEY ("creator_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "projects" ADD CONSTRAINT "FK_ce17f8b1c8016554cafa2dc8fb5" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "memberships" ADD CONSTRAINT "FK_9b98b4cbb463f74474f39300013" FOREIGN KEY ("creator_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "memberships" ADD CONSTRAINT "FK_7c1e2fdfed4f6838e0c05ae5051" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "memberships" ADD CONSTRAINT "FK_fa64f8ee48374ce2c910c7901f3" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "memberships" DROP CONSTRAINT "FK_fa64f8ee48374ce2c910c7901f3"',
    );
    await queryRunner.query(
      'ALTER TABLE "memberships" DROP CONSTRAINT "FK_7c1e2fdfed4f6838e0c05ae5051"',
    );
    await queryRunner.query(
      'ALTER TABLE "memberships" DROP CONSTRAINT "FK_9b98b4cbb463f74474f39300013"',
    );
    await queryRunner.query(
      'ALTER TABLE "projects" DROP CONSTRAINT "FK_ce17f8b1c8016554cafa2dc8fb5"',
    );
    await queryRunner.query(
      'ALTER TABLE "projects" DROP CONSTRAINT "FK_4b86fad39217ca10aace123c7bd"',
    );
    await queryRunner.query('ALTER TABLE "teams" DROP CONSTRAINT "FK_42744d21c558ffeb2b57a1f6a1a"');
    await queryRunner.query('DROP INDEX "public"."uq_memberships_active_user_team"');
    await queryRunner.query('DROP INDEX "public"."ix_memberships_team"');
    await queryRunner.query('DROP TABLE "memberships"');
    await queryRunner.query('DROP INDEX "public"."uq_projects_active_name_team"');
    await queryRunner.query('DROP INDEX "public"."ix_projects_team"');
    await queryRunner.query('DROP TABLE "projects"');
    await queryRunner.query('DROP INDEX "public"."uq_teams_active_name"');
    await queryRunner.query('DROP INDEX "public"."uq_teams_active_slug"');
    await queryRunner.query('DROP TABLE "teams"');
  }
}
