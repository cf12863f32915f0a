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
    // The trie first, then the transition table row by row in breadth-first order: a state's row is
    // its failure state's row (already complete) with the state's own edges written over it. This
    // runs once per process before any file is scanned, so it sticks to typed arrays and native
    // row copies; filling states x 64 cells one by one in script, and small arrays per state, made
    // it the largest part of the secrets scanner's start-up.
    const edges = new Map<number, number>();
    const out: number[][] = [[]];
    keywords.forEach((k, ki) => {
      let s = 0;
      for (let i = 0; i < k.length; i++) {
        const key = s * WIDTH + this.cls[k.charCodeAt(i)]!;
        let t = edges.get(key);
        if (t === undefined) {
          t = out.length;
          edges.set(key, t);
          out.push([]);
        }
        s = t;
      }
      out[s]!.push(ki);
    });
    const states = out.length;
    // Edges sorted by (parent, class): each state's children are one run, in class order.
    const CHILD = 2 ** 21;
    if (states > CHILD) throw new Error(`${keywords.length} keywords make too many prefilter states (${states})`);
    const sorted = new Float64Array(edges.size);
    let e = 0;
    for (const [key, t] of edges) sorted[e++] = key * CHILD + t;
    sorted.sort();
    const firstEdge = new Int32Array(states + 1);
    for (let i = 0; i < sorted.length; i++) firstEdge[Math.floor(sorted[i]! / CHILD / WIDTH) + 1]!++;
    for (let s = 0; s < states; s++) firstEdge[s + 1]! += firstEdge[s]!;

    const enc = (t: number): number => (out[t]!.length > 0 ? -(t * WIDTH) - 1 : t * WIDTH);
    const delta = new Int32Array(states * WIDTH).fill(enc(0));
    const fail = new Int32Array(states);
    const queue = new Int32Array(states);
    // The root first, then every state in the order it is reached (breadth first).
    let tail = 1;
    for (let head = 0; head < tail; head++) {
      const r = queue[head]!;
      const f = fail[r]!;
      if (r !== 0) delta.copyWithin(r * WIDTH, f * WIDTH, f * WIDTH + WIDTH);
      for (let i = firstEdge[r]!; i < firstEdge[r + 1]!; i++) {
        const u = sorted[i]! % CHILD;
        const c = Math.floor(sorted[i]! / CHILD) % WIDTH;
        // The root's children fail to the root and keep only their own keywords.
        if (r !== 0) {
          const d = delta[f * WIDTH + c]!;
          const fu = (d < 0 ? -(d + 1) : d) / WIDTH;
          fail[u] = fu;
          if (out[fu]!.length > 0) out[u] = out[u]!.concat(out[fu]!);
        }
        delta[r * WIDTH + c] = enc(u);
        queue[tail++] = u;
      }
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
