import cluster, { type Worker } from 'node:cluster';
import { AggregatorRegistry, type Registry } from 'prom-client';
import type { MetricsExposition } from './metrics.service.js';

/**
 * `WORKERS` > 1: the workers share the port, so a scrape reaches any one of them. That worker
 * asks the primary, which gathers the registry of every worker serving (each metric combined
 * by its aggregator: a sum unless it says otherwise) and answers for all of them, so each scrape
 * sees the whole instance, whichever worker took it, and no counter jumps between the
 * workers' own values. Only workers that announced their registry are asked: one still
 * starting would otherwise hold every scrape up.
 */
const JOINED = 'strata:metrics-joined';
const ASK = 'strata:metrics-ask';
const ANSWER = 'strata:metrics-answer';
const COLLECT = 'strata:metrics-collect';
const COLLECTED = 'strata:metrics-collected';

/** How long the primary waits for each worker's registry, and a worker for the primary. */
const GATHER_TIMEOUT_MS = 5000;
const ANSWER_TIMEOUT_MS = GATHER_TIMEOUT_MS + 1000;

interface Message {
  readonly type?: string;
  readonly id?: number;
  readonly body?: string;
  readonly contentType?: string;
  readonly metrics?: object[];
  readonly error?: string;
}

/** In the primary: gathers every joined worker's metrics for whichever worker asks. */
export function serveClusterMetrics(): void {
  const joined = new Set<Worker>();
  const gatherings = new Map<number, Gathering>();
  let gathered = 0;

  const gather = (): Promise<string> => {
    gathered += 1;
    const id = gathered;
    const workers = [...joined].filter((worker) => worker.isConnected());
    return new Promise<object[]>((resolve, reject) => {
      const gathering = new Gathering(workers, resolve, reject);
      gatherings.set(id, gathering);
      for (const worker of workers) {
        worker.send({ type: COLLECT, id } satisfies Message);
      }
      gathering.check();
    })
      .then((parts) => AggregatorRegistry.aggregate(parts).metrics())
      .finally(() => gatherings.get(id)?.stop())
      .finally(() => gatherings.delete(id));
  };

  cluster.on('exit', (worker) => {
    joined.delete(worker);
    for (const gathering of gatherings.values()) {
      gathering.lost(worker);
    }
  });
  cluster.on('message', (worker, message: Message | undefined) => {
    if (message?.type === JOINED) {
      joined.add(worker);
    } else if (message?.type === COLLECTED && message.id !== undefined) {
      gatherings.get(message.id)?.received(worker, message);
    } else if (message?.type === ASK) {
      const reply = (answer: Message) => {
        if (worker.isConnected()) {
          worker.send({ type: ANSWER, id: message.id, ...answer } satisfies Message);
        }
      };
      gather().then(
        (body) => reply({ body, contentType: AggregatorRegistry.PROMETHEUS_CONTENT_TYPE }),
        (error: unknown) => reply({ error: messageOf(error) }),
      );
    }
  });
}

/** One gathering of the workers' registries: every worker asked must answer, in time. */
class Gathering {
  private readonly parts: object[] = [];
  private readonly waiting: Set<Worker>;
  private readonly timer: NodeJS.Timeout;

  constructor(
    workers: Worker[],
    private readonly resolve: (parts: object[]) => void,
    private readonly reject: (error: Error) => void,
  ) {
    this.waiting = new Set(workers);
    this.timer = setTimeout(
      () => this.reject(new Error(`${this.waiting.size} worker(s) did not answer in time`)),
      GATHER_TIMEOUT_MS,
    );
  }

  received(worker: Worker, message: Message): void {
    if (!this.waiting.delete(worker)) {
      return;
    }
    if (message.metrics === undefined) {
      this.reject(new Error(`A worker could not collect its metrics: ${message.error}`));
      return;
    }
    this.parts.push(message.metrics);
    this.check();
  }

  /** A worker that exits mid-way: the sum without it would look like counters going back. */
  lost(worker: Worker): void {
    if (this.waiting.has(worker)) {
      this.reject(new Error('A worker exited while its metrics were gathered'));
    }
  }

  check(): void {
    if (this.waiting.size === 0) {
      this.resolve(this.parts);
    }
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}

/** Whether this process is a cluster worker, whose primary answers for the whole instance. */
export function inCluster(): boolean {
  return cluster.isWorker && typeof process.send === 'function';
}

const pending = new Map<number, (message: Message) => void>();
let asked = 0;

/** In a worker: answers the primary's gatherings from `registry`, and joins them. */
export function joinClusterMetrics(registry: Registry): void {
  process.on('message', (message: Message | undefined) => {
    if (message?.type === COLLECT) {
      registry.getMetricsAsJSON().then(
        (metrics) => process.send?.({ type: COLLECTED, id: message.id, metrics }),
        (error: unknown) =>
          process.send?.({ type: COLLECTED, id: message.id, error: messageOf(error) }),
      );
    } else if (message?.type === ANSWER && message.id !== undefined) {
      pending.get(message.id)?.(message);
    }
  });
  process.send?.({ type: JOINED } satisfies Message);
}

/** In a worker: the whole instance's metrics, from the primary. */
export function askClusterMetrics(): Promise<MetricsExposition> {
  asked += 1;
  const id = asked;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      pending.delete(id);
      reject(new Error('The primary process did not answer with the metrics'));
    }, ANSWER_TIMEOUT_MS);
    pending.set(id, (answer) => {
      clearTimeout(timer);
      pending.delete(id);
      if (answer.body !== undefined && answer.contentType !== undefined) {
        resolve({ body: answer.body, contentType: answer.contentType });
      } else {
        reject(new Error(`The instance's metrics could not be gathered: ${answer.error}`));
      }
    });
    process.send!({ type: ASK, id } satisfies Message);
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
