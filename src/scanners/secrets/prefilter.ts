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
    const go: Int32Array[] = [new Int32Array(WIDTH).fill(-1)];
    const out: number[][] = [[]];
    keywords.forEach((k, ki) => {
      let s = 0;
      for (const ch of k) {
        const c = this.cls[ch.charCodeAt(0)]!;
        if (go[s]![c] === -1) {
          go[s]![c] = go.length;
          go.push(new Int32Array(WIDTH).fill(-1));
          out.push([]);
        }
        s = go[s]![c]!;
      }
      out[s]!.push(ki);
    });
    const fail = new Int32Array(go.length);
    const queue: number[] = [];
    for (let c = 0; c < WIDTH; c++) {
      const t = go[0]![c]!;
      if (t === -1) go[0]![c] = 0;
      else queue.push(t);
    }
    for (let qi = 0; qi < queue.length; qi++) {
      const r = queue[qi]!;
      for (let c = 0; c < WIDTH; c++) {
        const u = go[r]![c]!;
        if (u === -1) go[r]![c] = go[fail[r]!]![c]!;
        else {
          queue.push(u);
          fail[u] = go[fail[r]!]![c]!;
          out[u] = out[u]!.concat(out[fail[u]!]!);
        }
      }
    }
    this.delta = new Int32Array(go.length * WIDTH);
    for (let s = 0; s < go.length; s++) {
      for (let c = 0; c < WIDTH; c++) {
        const t = go[s]![c]!;
        this.delta[s * WIDTH + c] = out[t]!.length > 0 ? -(t * WIDTH) - 1 : t * WIDTH;
      }
    }
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
