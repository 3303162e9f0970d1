import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables whose row changes are announced as `<table>:<id>`. */
const ROW_TABLES = ['users', 'teams', 'projects', 'datasets', 'data_domains'];

/**
 * Change notifications for in-process caches (src/database/change-feed): when a change to a
 * cached table commits, PostgreSQL tells every listening Strata process what changed, so several
 * instances can cache rows without serving them stale. NOTIFY is transactional: a rolled-back
 * change says nothing, and duplicates within one transaction are sent once.
 *
 * - `<table>:<id>` for the rows of ROW_TABLES;
 * - `memberships:<user_id>`: whose standing in some team changed;
 * - `file_manifests:<manifest_id>`: whose file list changed, once per statement and manifest
 *   (statement-level, from the transition tables: a statement touching 100,000 file rows of
 *   one manifest sends one notification, not 100,000).
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
    for (const table of ROW_TABLES) {
      await queryRunner.query(`CREATE TRIGGER ${table}_notify_change
        AFTER INSERT OR UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION strata_notify_change()`);
    }
    await queryRunner.query(`CREATE FUNCTION strata_notify_membership_change() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('strata_changes',
          'memberships:' || CASE WHEN TG_OP = 'DELETE' THEN OLD.user_id ELSE NEW.user_id END);
        IF TG_OP = 'UPDATE' AND OLD.user_id <> NEW.user_id THEN
          PERFORM pg_notify('strata_changes', 'memberships:' || OLD.user_id);
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER memberships_notify_change
      AFTER INSERT OR UPDATE OR DELETE ON memberships
      FOR EACH ROW EXECUTE FUNCTION strata_notify_membership_change()`);
    // A trigger with a transition table has one event: three triggers, each naming the rows
    // it sees (new ones, or old ones for DELETE) changed_rows for the one function.
    await queryRunner.query(`CREATE FUNCTION strata_notify_files_change() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('strata_changes', 'file_manifests:' || manifest_id)
          FROM (SELECT DISTINCT manifest_id FROM changed_rows) AS changed;
        RETURN NULL;
      END $$`);
    for (const [event, side] of [
      ['INSERT', 'NEW'],
      ['UPDATE', 'NEW'],
      ['DELETE', 'OLD'],
    ]) {
      await queryRunner.query(`CREATE TRIGGER dataset_files_notify_${event.toLowerCase()}
        AFTER ${event} ON dataset_files REFERENCING ${side} TABLE AS changed_rows
        FOR EACH STATEMENT EXECUTE FUNCTION strata_notify_files_change()`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const event of ['insert', 'update', 'delete']) {
      await queryRunner.query(`DROP TRIGGER dataset_files_notify_${event} ON dataset_files`);
    }
    await queryRunner.query('DROP FUNCTION strata_notify_files_change()');
    await queryRunner.query('DROP TRIGGER memberships_notify_change ON memberships');
    await queryRunner.query('DROP FUNCTION strata_notify_membership_change()');
    for (const table of ROW_TABLES) {
      await queryRunner.query(`DROP TRIGGER ${table}_notify_change ON ${table}`);
    }
    await queryRunner.query('DROP FUNCTION strata_notify_change()');
  }
}
