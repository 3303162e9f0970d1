import pg from 'pg';

/** Runs one statement on a test database, outside the app, to set up or inspect state. */
export async function sql<R extends pg.QueryResultRow = pg.QueryResultRow>(
  database: { url: string },
  text: string,
  values: unknown[] = [],
): Promise<R[]> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}
