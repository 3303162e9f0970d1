import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import PgBoss from 'pg-boss';
import type { Pool } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';

/** pg-boss's tables live here, apart from Strata's (pg-boss creates and migrates it). */
export const QUEUE_SCHEMA = 'job_queue';
const FETCH_QUEUE = 'source-fetch';
/** Where pg-boss moves a fetch job that used up its retries (its process kept dying). */
const GIVEN_UP_QUEUE = 'source-fetch-given-up';
/** Attempts after the first, for a fetch whose process died or whose handler failed unexpectedly. */
const RETRY_LIMIT = 3;
const STOP_TIMEOUT_MS = 5000;

export interface FetchJob {
  readonly sourceId: number;
  /** The job's own id, carried in its data so that the given-up copy of it knows it too. */
  readonly jobId: string;
}

export type FetchJobHandler = (job: FetchJob, signal: AbortSignal) => Promise<void>;
export type GivenUpHandler = (job: FetchJob) => Promise<void>;

/**
 * The job queue of source fetches: pg-boss on Strata's own PostgreSQL and connection pool, in
 * its own schema. A job is inserted in the caller's transaction (see {@link enqueue}), so it
 * exists exactly when the transaction that decided it commits.
 *
 * A job whose process dies while running it stays `active` until its expiry (the longest a
 * fetch may take, plus a margin); pg-boss's supervisor, in any instance, then fails it and it
 * runs again, up to {@link RETRY_LIMIT} times, after which it goes to {@link GIVEN_UP_QUEUE}.
 */
@Injectable()
export class SourceFetchQueue implements OnModuleDestroy {
  private readonly logger = new Logger(SourceFetchQueue.name);
  private readonly boss: PgBoss;
  private readonly pool: Pool;
  private readonly running = new Set<AbortController>();
  private started: Promise<void> | undefined;
  private stopping = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    const pool = (dataSource.driver as unknown as { master: Pool }).master;
    this.pool = pool;
    this.boss = new PgBoss({
      db: { executeSql: (text, values) => pool.query(text, values) },
      schema: QUEUE_SCHEMA,
      // Fetch jobs only: no cron, no state monitoring.
      schedule: false,
      maintenanceIntervalSeconds: this.maintenanceIntervalSeconds(),
    });
    this.boss.on('error', (error) => this.logger.error({ err: error }, 'Job queue error'));
  }

  /** Whether this process is shutting down (a fetch aborted for that is retried elsewhere). */
  get isStopping(): boolean {
    return this.stopping;
  }

  /**
   * Creates the queue's schema and queues if needed and starts `concurrency` workers (none when
   * 0: the process still enqueues, and supervises jobs whose process died).
   */
  start(handler: FetchJobHandler, givenUp: GivenUpHandler): Promise<void> {
    this.started ??= this.startOnce(handler, givenUp);
    return this.started;
  }

  /** Inserts one fetch job per source in the caller's transaction; answers their ids in order. */
  async enqueue(manager: EntityManager, sourceIds: number[]): Promise<string[]> {
    if (this.started === undefined) {
      throw new Error('The job queue has not been started');
    }
    await this.started;
    const db = {
      executeSql: async (text: string, values: unknown[]) => {
        const result = await manager.queryRunner!.query(text, values, true);
        return { rows: result.records ?? [] };
      },
    };
    const ids: string[] = [];
    for (const sourceId of sourceIds) {
      const jobId = randomUUID();
      const data: FetchJob = { sourceId, jobId };
      if ((await this.boss.send(FETCH_QUEUE, data, { db, id: jobId })) === null) {
        throw new Error(`The job queue refused a fetch job for source ${sourceId}`);
      }
      ids.push(jobId);
    }
    return ids;
  }

  /**
   * Fetch jobs of every instance: waiting (new, or failed and due a retry) and running. One
   * count over pg-boss' job table, whose partition for this queue holds only recent jobs.
   */
  async depth(): Promise<{ waiting: number; running: number }> {
    const { rows } = await this.pool.query<{ state: string; count: number }>(
      `SELECT state::text AS state, count(*)::int AS count FROM ${QUEUE_SCHEMA}.job
        WHERE name = $1 AND state < 'completed' GROUP BY state`,
      [FETCH_QUEUE],
    );
    const count = (states: string[]) =>
      rows.filter((row) => states.includes(row.state)).reduce((sum, row) => sum + row.count, 0);
    return { waiting: count(['created', 'retry']), running: count(['active']) };
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    if (this.started === undefined) {
      return;
    }
    await this.started.catch(() => undefined);
    // A fetch cut short here fails its job, which pg-boss runs again (here after a restart, or
    // in another instance now).
    for (const controller of this.running) {
      controller.abort();
    }
    await this.boss.stop({ graceful: true, wait: true, close: false, timeout: STOP_TIMEOUT_MS });
  }

  private async startOnce(handler: FetchJobHandler, givenUp: GivenUpHandler): Promise<void> {
    await this.boss.start();
    const queue = {
      name: FETCH_QUEUE,
      retryLimit: RETRY_LIMIT,
      expireInSeconds: this.expireInSeconds(),
      deadLetter: GIVEN_UP_QUEUE,
    };
    await this.boss.createQueue(GIVEN_UP_QUEUE);
    await this.boss.createQueue(FETCH_QUEUE, queue);
    // createQueue keeps an existing queue as it is: apply this configuration's timeouts.
    await this.boss.updateQueue(FETCH_QUEUE, queue);
    if (this.config.sources.concurrency === 0) {
      return;
    }
    for (let i = 0; i < this.config.sources.concurrency; i += 1) {
      await this.boss.work<FetchJob>(FETCH_QUEUE, { batchSize: 1 }, async ([job]) => {
        const controller = new AbortController();
        this.running.add(controller);
        try {
          await handler(job.data, controller.signal);
        } finally {
          this.running.delete(controller);
        }
      });
    }
    await this.boss.work<FetchJob>(GIVEN_UP_QUEUE, { batchSize: 1 }, async ([job]) => {
      await givenUp(job.data);
    });
  }

  /** The longest a live process may hold a job: the fetch's own limit and time to record it. */
  private expireInSeconds(): number {
    const fetchSeconds = Math.ceil(this.config.sources.fetchTimeoutMs / 1000);
    return fetchSeconds + Math.max(5, Math.ceil(fetchSeconds / 10));
  }

  /** How often expired jobs are looked for: a dead process's fetch restarts within this. */
  private maintenanceIntervalSeconds(): number {
    return Math.min(60, Math.max(1, Math.round(this.expireInSeconds() / 4)));
  }
}
