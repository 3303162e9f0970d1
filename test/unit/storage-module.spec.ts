import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { Test } from '@nestjs/testing';
import { loadConfig, type ResolvedConfig } from '../../src/config/app-config.js';
import { ConfigModule } from '../../src/config/config.module.js';
import { BlobStore } from '../../src/storage/blob-store.js';
import { LocalDiskBlobStore } from '../../src/storage/local-disk-blob-store.js';
import { StorageModule } from '../../src/storage/storage.module.js';

// The default of STAGING_CLEANUP_AGE_SECONDS.
const STAGING_CLEANUP_AGE_MS = 3_600_000;

describe('StorageModule', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'strata-storage-module-'));
  });

  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  async function start() {
    const config: ResolvedConfig = {
      ...loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }),
      databaseUrl: 'postgres://unused@127.0.0.1/unused',
      jwtSecret: 'unused-secret-that-is-long-enough-0123456789',
    };
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(config), StorageModule],
    }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    return app;
  }

  it('should provide a local-disk BlobStore rooted at DATA_DIR/blobs', async () => {
    const app = await start();
    try {
      const blobs = app.get(BlobStore);
      expect(blobs).toBeInstanceOf(LocalDiskBlobStore);
      const { handle } = await blobs.put(Readable.from([Buffer.from('hello')]));
      expect(
        await readdir(path.join(dataDir, 'blobs', handle.slice(0, 2), handle.slice(2, 4))),
      ).toEqual([handle]);
    } finally {
      await app.close();
    }
  });

  it('should remove only staging leftovers older than STAGING_CLEANUP_AGE_SECONDS at start-up', async () => {
    const staging = path.join(dataDir, 'blobs', '.staging');
    await mkdir(staging, { recursive: true });
    await writeFile(path.join(staging, 'crashed'), 'partial');
    await writeFile(path.join(staging, 'in-progress'), 'partial');
    const stale = new Date(Date.now() - STAGING_CLEANUP_AGE_MS - 60_000);
    await utimes(path.join(staging, 'crashed'), stale, stale);

    const app = await start();
    await app.close();

    expect(await readdir(staging)).toEqual(['in-progress']);
  });
});
