// The same two softmaxes on plain arrays: JavaScript numbers are float64 too.
const softmaxNaive = (v) => {
  const e = v.map(Math.exp);
  const s = e.reduce((a, b) => a + b);
  return e.map((x) => x / s);
};

const softmax = (v) => {
  const m = Math.max(...v);
  const e = v.map((x) => Math.exp(x - m));   // every exponent <= 0: nothing overflows
  const s = e.reduce((a, b) => a + b);
  return e.map((x) => x / s);
};

const show = (v) => "[" + v.map((x) => (Number.isNaN(x) ? "nan" : String(Math.round(x * 1000) / 1000))).join(", ") + "]";
const x = [1000, 999, 998];
console.log("naive: " + show(softmaxNaive(x)));
console.log("stable: " + show(softmax(x)));
