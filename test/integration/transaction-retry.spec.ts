import { DataSource, type EntityManager } from 'typeorm';
import { ServiceUnavailableError } from '../../src/common/errors/domain-error.js';
import { dataSourceOptions } from '../../src/database/data-source-options.js';
import { runTransaction } from '../../src/database/transaction.js';
import { createTestDatabase, type TestDatabase } from '../utils/test-database.js';

/** Races lost to other transactions, provoked on the real PostgreSQL. */
describe('runTransaction', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase({ migrated: false });
    dataSource = new DataSource(dataSourceOptions(database.url, 4));
    await dataSource.initialize();
    await dataSource.query('CREATE TABLE counters (id int PRIMARY KEY, n int NOT NULL)');
    await dataSource.query('INSERT INTO counters VALUES (1, 0), (2, 0)');
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  /** Resolves once `count` parties wait on it, so both transactions hold their first lock. */
  function barrier(count: number): () => Promise<void> {
    let waiting = 0;
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    return () => {
      waiting += 1;
      if (waiting === count) {
        open();
      }
      return opened;
    };
  }

  it('should run the deadlock victim again, so both transactions commit', async () => {
    const bothLocked = barrier(2);
    let attempts = 0;
    const lockInOrder = (first: number, second: number) => async (manager: EntityManager) => {
      attempts += 1;
      await manager.query('UPDATE counters SET n = n + 1 WHERE id = $1', [first]);
      if (attempts <= 2) {
        await bothLocked();
      }
      await manager.query('UPDATE counters SET n = n + 1 WHERE id = $1', [second]);
    };
    await Promise.all([
      runTransaction(dataSource, lockInOrder(1, 2)),
      runTransaction(dataSource, lockInOrder(2, 1)),
    ]);
    expect(attempts).toBe(3); // PostgreSQL chose one victim, which ran once more.
    const rows = await dataSource.query<{ n: number }[]>('SELECT n FROM counters ORDER BY id');
    expect(rows.map((row) => row.n)).toEqual([2, 2]);
  });

  it('should give up with a 503 when the race keeps being lost', async () => {
    let attempts = 0;
    const failing = runTransaction(dataSource, async (manager) => {
      attempts += 1;
      await manager.query(
        "DO $$ BEGIN RAISE EXCEPTION 'lost' USING ERRCODE = 'serialization_failure'; END $$",
      );
    });
    await expect(failing).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect(attempts).toBeGreaterThan(1);
  });

  it('should not repeat work that failed for any other reason', async () => {
    let attempts = 0;
    const failing = runTransaction(dataSource, async (manager) => {
      attempts += 1;
      await manager.query('INSERT INTO counters VALUES (1, 0)');
    });
    await expect(failing).rejects.toMatchObject({ driverError: { code: '23505' } });
    expect(attempts).toBe(1);
  });
});
