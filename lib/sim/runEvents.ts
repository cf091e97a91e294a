/** The recorded events of one run, sorted by time, in the column types of the event files. */
export class RunEvents {
  length = 0;
  private cap = 0;
  time_s = new Float64Array(0);
  run = new Int32Array(0);
  e1_kev = new Float32Array(0);
  e2_kev = new Float32Array(0);
  e3_kev = new Float32Array(0);
  nai_kev = new Float32Array(0);
  veto = new Uint8Array(0);
  pulser = new Uint8Array(0);
  origin = new Uint8Array(0);
  e_true_kev = new Float32Array(0);

  ensure(n: number): void {
    if (n <= this.cap) return;
    const cap = Math.max(n, this.cap * 2, 1024);
    this.time_s = new Float64Array(cap);
    this.run = new Int32Array(cap);
    this.e1_kev = new Float32Array(cap);
    this.e2_kev = new Float32Array(cap);
    this.e3_kev = new Float32Array(cap);
    this.nai_kev = new Float32Array(cap);
    this.veto = new Uint8Array(cap);
    this.pulser = new Uint8Array(cap);
    this.origin = new Uint8Array(cap);
    this.e_true_kev = new Float32Array(cap);
    this.cap = cap;
  }

  /** The first `length` rows as event columns with truth, for `EventWriter.write`. */
  columns() {
    const n = this.length;
    return {
      time_s: this.time_s.subarray(0, n),
      run: this.run.subarray(0, n),
      e1_kev: this.e1_kev.subarray(0, n),
      e2_kev: this.e2_kev.subarray(0, n),
      e3_kev: this.e3_kev.subarray(0, n),
      nai_kev: this.nai_kev.subarray(0, n),
      veto: this.veto.subarray(0, n),
      pulser: this.pulser.subarray(0, n),
      truth: { origin: this.origin.subarray(0, n), e_true_kev: this.e_true_kev.subarray(0, n) },
    };
  }
}
