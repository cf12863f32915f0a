/**
 * The shared memory between parallel.ts and its worker threads: per worker, a few slots, each an
 * input region, an output region, a length and a state word.
 */
import type { RedactOptions } from './redact.js';

/**
 * Slot states. The calling thread moves FREE -> SUBMITTED, DONE/FAILED -> FREE, and SUBMITTED ->
 * STOP to take a batch back; a worker SUBMITTED -> RUNNING -> DONE/FAILED. Both take a batch with a
 * compare-and-exchange, so a batch is redacted by one thread only.
 */
export const FREE = 0;
export const SUBMITTED = 1;
/** The output is in the slot (its length in `lens`), or did not fit: then `lens` is -(input length + 1). */
export const DONE = 2;
/** The worker threw: its message is in the output region. */
export const FAILED = 3;
/** The worker is to return (or: this batch was taken back). */
export const STOP = 4;
/** A worker is redacting the batch. */
export const RUNNING = 5;

export interface SlotLayout {
  slots: number;
  slotIn: number;
  slotOut: number;
  /** `slots` state words, then `slots` lengths (Int32). */
  control: SharedArrayBuffer;
  input: SharedArrayBuffer;
  output: SharedArrayBuffer;
}

export interface RedactWorkerData extends SlotLayout {
  options: RedactOptions;
}

export function slotLayout(slots: number, slotIn: number, slotOut: number): SlotLayout {
  return {
    slots,
    slotIn,
    slotOut,
    control: new SharedArrayBuffer(8 * slots),
    input: new SharedArrayBuffer(slots * slotIn),
    output: new SharedArrayBuffer(slots * slotOut),
  };
}
