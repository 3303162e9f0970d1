import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rate limit counts shared by every instance (src/modules/rate-limits). UNLOGGED, which TypeORM
 * cannot express (so generated, then marked by hand): counts need no WAL, and a crash that
 * empties the table only forgives a minute's requests. Not replicated to standbys either.
 */
export class RateLimitCounters1796401130443 implements MigrationInterface {
  name = 'RateLimitCounters1796401130443';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE UNLOGGED TABLE "rate_limit_counters" ("key" text NOT NULL, "hits" integer NOT NULL, "window_ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_rate_limit_counters" PRIMARY KEY ("key"))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "rate_limit_counters"');
  }
}
