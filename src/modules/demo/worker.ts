import { parentPort, workerData } from 'node:worker_threads';
import { type Chunk, chunkBytes, type ProduceContext, type ProduceParams, produce } from './produce.ts';

/**
 * Worker thread of the demo generator: simulates the shards and sends their rows as COPY chunks to the main
 * thread, which writes them. At most `windowBytes` of chunks are on the way at any time (the main thread
 * answers each chunk with its size when it takes it), so memory stays bounded however large the demo.
 * The window holds a whole shard's rows (~55 MB at shard scale 0.5): the worker then simulates the next
 * shard while the main thread still writes the last one, instead of waiting for it chunk by chunk
 * (docs/demo.md, "Größe und Geschwindigkeit").
 */
const port = parentPort;
if (!port) throw new Error('worker.ts läuft nur als Worker-Thread');
const { params, windowBytes } = workerData as { params: ProduceParams; windowBytes: number };
let inFlight = 0;
let wake: (() => void) | null = null;
let context: ProduceContext | null = null;
port.on('message', (message: unknown) => {
  if (message && typeof message === 'object' && 'taken' in message) inFlight -= (message as { taken: number }).taken;
  else if (message && typeof message === 'object' && 'context' in message)
    context = (message as { context: ProduceContext }).context;
  wake?.();
  wake = null;
});
const until = async (ready: () => boolean) => {
  while (!ready())
    await new Promise<void>((resolve) => {
      wake = resolve;
    });
};

async function run() {
  try {
    const chunks = produce(params);
    for (let next = chunks.next(); !next.done; ) {
      const chunk: Chunk = next.value;
      if (chunk.kind === 'context') {
        await until(() => context !== null);
        next = chunks.next(context as ProduceContext);
        continue;
      }
      await until(() => inFlight < windowBytes);
      inFlight += chunkBytes(chunk);
      // binary rows change hands without a copy
      if (chunk.kind === 'rows' && typeof chunk.payload !== 'string')
        port?.postMessage(chunk, [chunk.payload.buffer as ArrayBuffer]);
      else port?.postMessage(chunk);
      next = chunks.next();
    }
    port?.postMessage({ kind: 'end' });
  } catch (err) {
    port?.postMessage({ kind: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
}
void run();
