import { DataSource } from 'typeorm';
import { recordWrites } from '../../src/database/change-feed/request-writes.js';
import { dataSourceOptions } from '../../src/database/data-source-options.js';
import { runTransaction } from '../../src/database/transaction.js';
import { createTestDatabase, type TestDatabase } from '../utils/test-database.js';

/** Which statements count as a write that may have committed, on the real PostgreSQL. */
describe('recordWrites', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase({ migrated: false });
    dataSource = new DataSource(dataSourceOptions(database.url, 2));
    await dataSource.initialize();
    await dataSource.query('CREATE TABLE things (id int PRIMARY KEY)');
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  let next = 0;
  const insert = (source: { query: DataSource['query'] } = dataSource) =>
    source.query('INSERT INTO things VALUES ($1)', [(next += 1)]);

  /** Whether `work` may have committed a write, its failure ignored. */
  async function committedBy(work: () => Promise<unknown>): Promise<boolean> {
    const { result, log } = recordWrites(work);
    await result.catch(() => undefined);
    return log.mayHaveCommitted;
  }

  it('should count an autocommit write that succeeded', async () => {
    expect(await committedBy(() => insert())).toBe(true);
  });

  it('should not count reads, nor a transaction that only read', async () => {
    expect(await committedBy(() => dataSource.query('SELECT count(*) FROM things'))).toBe(false);
    expect(
      await committedBy(() =>
        runTransaction(dataSource, (manager) => manager.query('SELECT 1 FROM things FOR UPDATE')),
      ),
    ).toBe(false);
  });

  it('should not count a write PostgreSQL refused', async () => {
    expect(await committedBy(() => dataSource.query('INSERT INTO things VALUES (1), (1)'))).toBe(
      false,
    );
  });

  it('should not count a transaction that wrote and rolled back', async () => {
    expect(
      await committedBy(() =>
        runTransaction(dataSource, async (manager) => {
          await insert(manager);
          throw new Error('changed its mind');
        }),
      ),
    ).toBe(false);
  });

  it('should count a transaction that committed, though the request failed afterwards', async () => {
    expect(
      await committedBy(async () => {
        await runTransaction(dataSource, (manager) => insert(manager));
        throw new Error('failed after the commit');
      }),
    ).toBe(true);
  });

  it('should see nothing outside a recorded request', async () => {
    await insert();
    expect(await committedBy(() => Promise.resolve())).toBe(false);
  });
});
