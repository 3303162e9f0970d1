import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Long-lived API tokens (only a hash of each secret). Generated, then one trigger added by
 * hand (TypeORM has no triggers): each instance caches token rows, so creating, revoking or
 * otherwise changing one is announced as `api_tokens:<id>` on the change feed, through the
 * ChangeFeed migration's function. Updates of `last_used_at` alone are not announced: they
 * change nothing a cache decides by, and come once a minute per token in use.
 */
export class ApiTokens1796410832095 implements MigrationInterface {
  name = 'ApiTokens1796410832095';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "api_tokens" ("id" SERIAL NOT NULL, "user_id" integer NOT NULL, "name" character varying(100) NOT NULL, "secret_hash" character(64) NOT NULL, "scopes" text array NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE, "last_used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_api_tokens_scopes" CHECK (cardinality("scopes") > 0 AND "scopes" <@ ARRAY[\'read\', \'write\', \'admin\']::text[]), CONSTRAINT "pk_api_tokens" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_api_tokens_user" ON "api_tokens" ("user_id")');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_api_tokens_secret_hash" ON "api_tokens" ("secret_hash")',
    );
    await queryRunner.query(
      'ALTER TABLE "api_tokens" ADD CONSTRAINT "FK_b74883f5884a42fd8496d389b25" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(`CREATE TRIGGER api_tokens_notify_change
      AFTER INSERT OR DELETE OR UPDATE OF user_id, secret_hash, scopes, expires_at, revoked_at
      ON api_tokens FOR EACH ROW EXECUTE FUNCTION strata_notify_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER api_tokens_notify_change ON api_tokens');
    await queryRunner.query(
      'ALTER TABLE "api_tokens" DROP CONSTRAINT "FK_b74883f5884a42fd8496d389b25"',
    );
    await queryRunner.query('DROP INDEX "public"."uq_api_tokens_secret_hash"');
    await queryRunner.query('DROP INDEX "public"."ix_api_tokens_user"');
    await queryRunner.query('DROP TABLE "api_tokens"');
  }
}
