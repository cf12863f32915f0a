/**
 * A worker thread of parallel.ts: takes its slots in a fixed round, waits for each to be submitted,
 * redacts the batch in it and leaves the output beside it (see slots.ts). It never returns to its
 * event loop until told to stop: a batch costs no message and no allocation beyond the redaction.
 */
import { workerData } from 'node:worker_threads';
import { DONE, FAILED, RUNNING, STOP, SUBMITTED, type RedactWorkerData } from './slots.js';

const { control, input, output, slots, slotIn, slotOut, options } = workerData as RedactWorkerData;
const state = new Int32Array(control, 0, slots);
const lens = new Int32Array(control, 4 * slots, slots);
const inBuf = Buffer.from(input);
const outBuf = Buffer.from(output);

let run: (batch: Buffer) => Buffer;
// Loaded here rather than imported at the top, so a failure to load is an answer, not a silent exit.
try {
  const { BatchRedactor } = await import('./batch.js');
  const redactor = new BatchRedactor(options);
  run = (batch) => redactor.run(batch);
} catch (e) {
  const why = `could not load the redaction code: ${e instanceof Error ? e.message : String(e)}`;
  run = () => {
    throw new Error(why);
  };
}

for (let slot = 0; ; slot = (slot + 1) % slots) {
  let s: number;
  // FREE, or DONE and not yet written out: sleep until the calling thread submits (it notifies).
  while ((s = Atomics.load(state, slot)) !== SUBMITTED && s !== STOP) Atomics.wait(state, slot, s);
  // Taken back by the calling thread (it gave up waiting for this worker to start): stop.
  if (s === STOP || Atomics.compareExchange(state, slot, SUBMITTED, RUNNING) !== SUBMITTED) break;
  try {
    const out = run(inBuf.subarray(slot * slotIn, slot * slotIn + lens[slot]!));
    if (out.length <= slotOut) {
      out.copy(outBuf, slot * slotOut);
      lens[slot] = out.length;
    } else {
      lens[slot] = -(lens[slot]! + 1);
    }
    Atomics.store(state, slot, DONE);
  } catch (e) {
    const n = outBuf.write(e instanceof Error ? e.message : String(e), slot * slotOut, slotOut);
    lens[slot] = n;
    Atomics.store(state, slot, FAILED);
  }
  Atomics.notify(state, slot);
}
