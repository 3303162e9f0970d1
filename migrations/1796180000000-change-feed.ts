import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Change notifications for in-process caches (src/database/change-feed): when a change to a
 * cached table commits, PostgreSQL tells every listening Strata process `<table>:<id>`, so
 * several instances can cache rows without serving them stale. NOTIFY is transactional: a
 * rolled-back change says nothing, and duplicates within one transaction are sent once.
 */
export class ChangeFeed1796180000000 implements MigrationInterface {
  name = 'ChangeFeed1796180000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION strata_notify_change() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('strata_changes',
          TG_TABLE_NAME || ':' || CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER users_notify_change
      AFTER UPDATE OR DELETE ON users
      FOR EACH ROW EXECUTE FUNCTION strata_notify_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER users_notify_change ON users');
    await queryRunner.query('DROP FUNCTION strata_notify_change()');
  }
}
