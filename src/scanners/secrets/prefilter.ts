/**
 * Keyword prefilter: one Aho-Corasick pass over the text finds every occurrence of every rule
 * keyword (ASCII, case-insensitive) in time linear in the text, independent of the number of
 * keywords. Characters that occur in no keyword share one class, so the transition table stays
 * small (states x 64) and cache-resident.
 */
const WIDTH = 64;

export class KeywordMatcher {
  private readonly cls = new Uint8Array(65536);
  /** Pre-multiplied next state; negative (-(next)-1) when the next state ends a keyword. */
  private readonly delta: Int32Array;
  /** Keyword indices ending in each state (state index = table offset / WIDTH). */
  private readonly outputs: number[][];
  readonly lengths: number[];

  constructor(readonly keywords: string[]) {
    let classes = 1;
    for (const k of keywords) {
      for (const ch of k) {
        const c = ch.charCodeAt(0);
        if (c > 127) throw new Error(`keyword "${k}" is not ASCII`);
        if (this.cls[c] === 0) {
          // Past 63 distinct characters the rest share the last class: the automaton then reports
          // a superset of the real hits (the rule regex still decides), never fewer.
          const k = classes < WIDTH - 1 ? classes++ : WIDTH - 1;
          this.cls[c] = k;
          this.cls[ch.toUpperCase().charCodeAt(0)] = k;
          this.cls[ch.toLowerCase().charCodeAt(0)] = k;
        }
      }
    }
    // One flat goto table, rewritten in place into the transition table: this runs once per
    // process before any file is scanned, and thousands of small typed arrays, a second table and
    // nested lookups made it the largest part of the secrets scanner's start-up. In sorted order a
    // keyword adds at most one state per character past the prefix it shares with the one before.
    let maxStates = 1;
    const sorted = [...keywords].sort();
    for (let i = 0; i < sorted.length; i++) {
      const k = sorted[i]!;
      const prev = sorted[i - 1] ?? '';
      let common = 0;
      while (common < k.length && common < prev.length && k.charCodeAt(common) === prev.charCodeAt(common)) common++;
      maxStates += k.length - common;
    }
    const go = new Int32Array(maxStates * WIDTH).fill(-1);
    const out: number[][] = [[]];
    keywords.forEach((k, ki) => {
      let s = 0;
      for (let i = 0; i < k.length; i++) {
        const at = s * WIDTH + this.cls[k.charCodeAt(i)]!;
        if (go[at] === -1) {
          go[at] = out.length;
          out.push([]);
        }
        s = go[at]!;
      }
      out[s]!.push(ki);
    });
    const states = out.length;
    const fail = new Int32Array(states);
    const queue = new Int32Array(states);
    let tail = 0;
    for (let c = 0; c < WIDTH; c++) {
      const t = go[c]!;
      if (t === -1) go[c] = 0;
      else queue[tail++] = t;
    }
    for (let qi = 0; qi < tail; qi++) {
      const r = queue[qi]!;
      const row = r * WIDTH;
      const failRow = fail[r]! * WIDTH;
      for (let c = 0; c < WIDTH; c++) {
        const u = go[row + c]!;
        if (u === -1) go[row + c] = go[failRow + c]!;
        else {
          queue[tail++] = u;
          fail[u] = go[failRow + c]!;
          if (out[fail[u]!]!.length > 0) out[u] = out[u]!.concat(out[fail[u]!]!);
        }
      }
    }
    const delta = go.subarray(0, states * WIDTH);
    for (let i = 0; i < delta.length; i++) {
      const t = delta[i]!;
      delta[i] = out[t]!.length > 0 ? -(t * WIDTH) - 1 : t * WIDTH;
    }
    this.delta = delta;
    this.outputs = out;
    this.lengths = keywords.map((k) => k.length);
  }

  /** Calls `onHit(keywordIndex, startOffset)` for every keyword occurrence. */
  scan(text: string, onHit: (keyword: number, start: number) => void): void {
    const { delta, cls, outputs, lengths } = this;
    let st = 0;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const v = delta[st + cls[text.charCodeAt(i)]!]!;
      if (v < 0) {
        st = -(v + 1);
        // WIDTH is 64: a shift instead of a division, and an indexed loop, keep this path cheap.
        const out = outputs[st >> 6]!;
        for (let j = 0; j < out.length; j++) onHit(out[j]!, i - lengths[out[j]!]! + 1);
      } else st = v;
    }
  }
}
