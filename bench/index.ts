// npm run bench: every benchmark of the project, by stage.
import { runBenches } from "./harness.js";
import { plotsBenches } from "./plots.bench.js";
import { ratesBenches } from "./rates.bench.js";
import { simBenches } from "./sim.bench.js";
import { selectionBenches } from "./selection.bench.js";
import { statsBenches } from "./stats.bench.js";

runBenches([...ratesBenches, ...simBenches, ...selectionBenches, ...statsBenches, ...plotsBenches]);
