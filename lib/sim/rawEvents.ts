/** Events of one run as the sources make them (unsorted, before dead time and ADC), float64 while being built. */
export class RawEvents {
  n = 0;
  cap = 0;
  time = new Float64Array(0);
  e1 = new Float64Array(0);
  e2 = new Float64Array(0);
  e3 = new Float64Array(0);
  nai = new Float64Array(0);
  etrue = new Float64Array(0);
  veto = new Uint8Array(0);
  pulser = new Uint8Array(0);
  origin = new Uint8Array(0);

  reset(): void {
    this.n = 0;
  }

  push(t: number, e1: number, e2: number, e3: number, nai: number, veto: number, pulser: number, origin: number, etrue: number): void {
    if (this.n === this.cap) this.grow();
    const i = this.n++;
    this.time[i] = t;
    this.e1[i] = e1;
    this.e2[i] = e2;
    this.e3[i] = e3;
    this.nai[i] = nai;
    this.veto[i] = veto;
    this.pulser[i] = pulser;
    this.origin[i] = origin;
    this.etrue[i] = etrue;
  }

  private grow(): void {
    const cap = Math.max(1024, this.cap * 2);
    const f = (a: Float64Array) => {
      const b = new Float64Array(cap);
      b.set(a);
      return b;
    };
    const u = (a: Uint8Array) => {
      const b = new Uint8Array(cap);
      b.set(a);
      return b;
    };
    this.time = f(this.time);
    this.e1 = f(this.e1);
    this.e2 = f(this.e2);
    this.e3 = f(this.e3);
    this.nai = f(this.nai);
    this.etrue = f(this.etrue);
    this.veto = u(this.veto);
    this.pulser = u(this.pulser);
    this.origin = u(this.origin);
    this.cap = cap;
  }
}
