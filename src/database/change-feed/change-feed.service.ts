import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import pg from 'pg';
import { APP_CONFIG, type ResolvedConfig } from '../../config/app-config.js';

/** The channel the `strata_notify_change` triggers publish on (see the ChangeFeed migration). */
export const CHANGES_CHANNEL = 'strata_changes';

const RECONNECT_DELAYS_MS = [100, 500, 1000, 5000];

/**
 * Tells this process which rows other processes (and this one) changed, from PostgreSQL's
 * LISTEN/NOTIFY: triggers on the cached tables send `<table>:<id>` when a change commits. It is
 * what lets an instance keep caches although several instances write to one database.
 *
 * A cache may serve an entry only while the feed is {@link live}: while the listening connection
 * is down, notifications are lost, so every cache is emptied (`onReset`) when it drops and
 * again when it comes back, and nothing is cached in between.
 */
@Injectable()
export class ChangeFeed implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ChangeFeed.name);
  private readonly handlers = new Map<string, Set<(id: string) => void>>();
  private readonly resetHandlers = new Set<() => void>();
  private client: pg.Client | undefined;
  private connected = false;
  private closing = false;
  private attempt = 0;
  private reconnectTimer: NodeJS.Timeout | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: ResolvedConfig) {}

  /** Whether notifications are arriving: caches serve and keep entries only then. */
  get live(): boolean {
    return this.connected;
  }

  /** Calls `handler` with the id of each changed row of `table`. */
  onChange(table: string, handler: (id: string) => void): void {
    let set = this.handlers.get(table);
    if (!set) {
      set = new Set();
      this.handlers.set(table, set);
    }
    set.add(handler);
  }

  /**
   * Calls `handler` whenever what a cache holds may be stale: notifications may have been
   * missed (the listening connection dropped or came back), or a write request of this process
   * has just finished (see {@link localWriteFinished}). Forget everything.
   */
  onReset(handler: () => void): void {
    this.resetHandlers.add(handler);
  }

  /**
   * Called when a write request of this process has finished, before its answer goes out (see
   * LocalWritesInterceptor): its own notifications reach this process a moment later, and a
   * client that reads right after its write must not get there first.
   */
  localWriteFinished(): void {
    this.reset();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    clearTimeout(this.reconnectTimer);
    this.connected = false;
    await this.client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.config.databaseUrl,
      application_name: 'strata-change-feed',
    });
    this.client = client;
    client.on('notification', (message) => this.dispatch(message.payload));
    // 'error' and 'end' both mean the listening session is gone.
    client.on('error', (error) => this.dropped(client, error));
    client.on('end', () => this.dropped(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGES_CHANNEL}`);
    } catch (error) {
      this.dropped(client, error);
      return;
    }
    if (this.client !== client || this.closing) {
      return;
    }
    // Entries filled before LISTEN took effect may predate a change we will never hear of.
    this.reset();
    this.connected = true;
    this.attempt = 0;
  }

  private dropped(client: pg.Client, error?: unknown): void {
    if (this.client !== client) {
      return; // An earlier connection, already replaced.
    }
    this.client = undefined;
    this.connected = false;
    this.reset();
    client.end().catch(() => undefined);
    if (this.closing) {
      return;
    }
    this.logger.warn(
      `Change notifications interrupted${error instanceof Error ? ` (${error.message})` : ''}; ` +
        'caches are off until they resume.',
    );
    const delay = RECONNECT_DELAYS_MS[Math.min(this.attempt, RECONNECT_DELAYS_MS.length - 1)];
    this.attempt += 1;
    this.reconnectTimer = setTimeout(() => void this.connect(), delay);
    this.reconnectTimer.unref();
  }

  private reset(): void {
    for (const handler of this.resetHandlers) {
      handler();
    }
  }

  private dispatch(payload: string | undefined): void {
    const colon = payload?.indexOf(':') ?? -1;
    if (payload === undefined || colon < 0) {
      return;
    }
    const set = this.handlers.get(payload.slice(0, colon));
    if (set) {
      const id = payload.slice(colon + 1);
      for (const handler of set) {
        handler(id);
      }
    }
  }
}
