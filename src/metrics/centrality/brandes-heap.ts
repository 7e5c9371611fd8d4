/**
 * Indexed binary min-heap of node indices keyed by a shared Float64Array (the tentative
 * distances of Dijkstra's algorithm), with decrease-key. push, pop and decrease are
 * O(log n); the heap never holds a node twice, so it needs only two Int32Arrays of size n.
 * Reference: T. H. Cormen et al., Introduction to Algorithms, 3rd ed., ch. 6.5 (priority
 * queues).
 */
export class IndexedMinHeap {
  private readonly heap: Int32Array;
  /** Position of each node in `heap`, -1 when absent. */
  private readonly where: Int32Array;
  private count = 0;

  constructor(
    n: number,
    private readonly keys: Float64Array,
  ) {
    this.heap = new Int32Array(n);
    this.where = new Int32Array(n).fill(-1);
  }

  get size(): number {
    return this.count;
  }

  push(v: number): void {
    this.heap[this.count] = v;
    this.where[v] = this.count;
    this.siftUp(this.count++);
  }

  /** Restores order after keys[v] decreased; v must be in the heap. */
  decrease(v: number): void {
    this.siftUp(this.where[v] as number);
  }

  /** Removes and returns the node with the smallest key; the heap must not be empty. */
  pop(): number {
    const { heap, where } = this;
    const top = heap[0] as number;
    where[top] = -1;
    const last = heap[--this.count] as number;
    if (this.count > 0) {
      heap[0] = last;
      where[last] = 0;
      this.siftDown(0);
    }
    return top;
  }

  private siftUp(i: number): void {
    const { heap, where, keys } = this;
    const v = heap[i] as number;
    const key = keys[v] as number;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent] as number;
      if ((keys[p] as number) <= key) break;
      heap[i] = p;
      where[p] = i;
      i = parent;
    }
    heap[i] = v;
    where[v] = i;
  }

  private siftDown(i: number): void {
    const { heap, where, keys } = this;
    const n = this.count;
    const v = heap[i] as number;
    const key = keys[v] as number;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n && (keys[heap[right] as number] as number) < (keys[heap[child] as number] as number)) child = right;
      const c = heap[child] as number;
      if ((keys[c] as number) >= key) break;
      heap[i] = c;
      where[c] = i;
      i = child;
    }
    heap[i] = v;
    where[v] = i;
  }
}
