export { Figure, plotFigure, showPlot, Plot } from "./figure.js";
export { formatNumber, formatValue } from "./format.js";
export { showTable, tableHtml, tableRows, tableText, type TableRows } from "./table.js";
export { show, type ShowsItself } from "./show.js";
export { notebookDisplay } from "./display.js";
export { histogramMark, histogramRows, type HistogramRow } from "./histogramMark.js";
export { formatMeasurement, formatPlusMinus, formatPercent, formatSig, markdownToText, showMarkdown } from "./markdown.js";
