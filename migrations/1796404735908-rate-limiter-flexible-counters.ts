import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rate limit counts in the layout of rate-limiter-flexible's RateLimiterPostgres (its own
 * CREATE TABLE, with our key constraint name), which is told the table exists and runs no DDL.
 * Counts are transient, so the table is dropped and created afresh rather than converted.
 * UNLOGGED, which TypeORM cannot express (so generated, then marked by hand): counts need no
 * WAL, and a crash that empties the table only forgives a minute's requests.
 */
export class RateLimiterFlexibleCounters1796404735908 implements MigrationInterface {
  name = 'RateLimiterFlexibleCounters1796404735908';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "rate_limit_counters"');
    await queryRunner.query(
      'CREATE UNLOGGED TABLE "rate_limit_counters" ("key" character varying(255) NOT NULL, "points" integer NOT NULL DEFAULT \'0\', "expire" bigint, CONSTRAINT "pk_rate_limit_counters" PRIMARY KEY ("key"))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "rate_limit_counters"');
    await queryRunner.query(
      'CREATE UNLOGGED TABLE "rate_limit_counters" ("key" text NOT NULL, "hits" integer NOT NULL, "window_ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_rate_limit_counters" PRIMARY KEY ("key"))',
    );
  }
}
