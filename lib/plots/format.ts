// The table cell formats live beside the PDG rule (lib/fit/format.ts), so that result classes of
// any stage render the same way without importing the plotting stage.
export { formatNumber, formatValue } from "../fit/formatNumber.js";
