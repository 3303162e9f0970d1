import cluster from 'node:cluster';
import { AggregatorRegistry, type Registry } from 'prom-client';
import type { MetricsExposition } from './metrics.service.js';

/**
 * `WORKERS` > 1: the workers share the port, so a scrape reaches any one of them. The worker it
 * reaches asks the primary, which gathers every worker's registry (prom-client's cluster
 * messages) and answers their sum, so each scrape sees the whole server, whichever worker took
 * it (and a counter does not jump between workers' values).
 */
const ASK = 'strata:metrics';
const ANSWER = 'strata:metrics-answer';
/** prom-client gives up on silent workers after 5 s; this waits a little longer for it. */
const ANSWER_TIMEOUT_MS = 6000;

interface Ask {
  readonly type: typeof ASK;
  readonly id: number;
}

interface Answer {
  readonly type: typeof ANSWER;
  readonly id: number;
  readonly body?: string;
  readonly contentType?: string;
  readonly error?: string;
}

/** In the primary: answers workers' requests for the whole cluster's metrics. */
export function serveClusterMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, message: Partial<Ask> | undefined) => {
    if (message?.type !== ASK || typeof message.id !== 'number') {
      return;
    }
    const id = message.id;
    const reply = (answer: Omit<Answer, 'type' | 'id'>) => {
      if (worker.isConnected()) {
        worker.send({ type: ANSWER, id, ...answer } satisfies Answer);
      }
    };
    aggregator.clusterMetrics().then(
      (body) => reply({ body, contentType: aggregator.contentType }),
      (error: unknown) => reply({ error: error instanceof Error ? error.message : String(error) }),
    );
  });
}

/** Whether this process is a cluster worker whose primary answers for the whole cluster. */
export function inCluster(): boolean {
  return cluster.isWorker && typeof process.send === 'function';
}

/** In a worker: offers `registry` to the primary's gathering. */
export function joinClusterMetrics(registry: Registry): void {
  // Its constructor installs prom-client's worker side, which answers the primary's requests.
  new AggregatorRegistry();
  AggregatorRegistry.setRegistries([registry]);
}

let asked = 0;
const pending = new Map<number, (answer: Answer) => void>();
let listening = false;

/** In a worker: the whole cluster's metrics, from the primary. */
export function askClusterMetrics(): Promise<MetricsExposition> {
  if (!listening) {
    listening = true;
    process.on('message', (message: Partial<Answer> | undefined) => {
      if (message?.type === ANSWER && typeof message.id === 'number') {
        pending.get(message.id)?.(message as Answer);
      }
    });
  }
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
        reject(new Error(`The cluster's metrics could not be gathered: ${answer.error}`));
      }
    });
    process.send!({ type: ASK, id } satisfies Ask);
  });
}
