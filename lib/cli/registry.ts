import type { Command } from "./command.js";
import { fluxCommand } from "./commands/flux.js";
import { ratesCommand } from "./commands/rates.js";
import { xsecCommand } from "./commands/xsec.js";
import { sensitivityCommand } from "./commands/sensitivity.js";
import { simulateCommand } from "./commands/simulate.js";
import { boundCommand } from "./commands/bound.js";
import { limitCommand } from "./commands/limit.js";
import { coverageCommand } from "./commands/coverage.js";
import { selectCommand } from "./commands/select.js";
import { spectraCommand } from "./commands/spectra.js";
import { validateCommand } from "./commands/validate.js";
import { importCommand } from "./commands/import.js";
import { notebooksCommand } from "./commands/notebooks.js";
import { reproduceCommand } from "./commands/reproduce.js";

/**
 * Every `nuem` subcommand, in the order `nuem --help` lists them. A new analysis step adds
 * its command here and nowhere else.
 */
export const commands: Command[] = [fluxCommand, xsecCommand, ratesCommand, simulateCommand, importCommand, validateCommand, selectCommand, spectraCommand, sensitivityCommand, limitCommand, coverageCommand, boundCommand, notebooksCommand, reproduceCommand];
