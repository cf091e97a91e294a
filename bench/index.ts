// npm run bench: every benchmark of the project, by stage.
import { runBenches } from "./harness.js";
import { plotsBenches } from "./plots.bench.js";

runBenches([...plotsBenches]);
