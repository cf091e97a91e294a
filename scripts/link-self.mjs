// Makes `import ... from "nuem"` resolve inside this checkout (notebooks, CLI, benches) by
// linking node_modules/nuem to the project root, the way an installed copy would resolve.
// tslab's bundled TypeScript 5.0 resolves modules Node10-style, which has no package
// self-reference, so a link is the reliable way to give notebooks the library with its types.
import { existsSync, lstatSync, mkdirSync, symlinkSync, unlinkSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const link = join(root, "node_modules", "nuem");
mkdirSync(join(root, "node_modules"), { recursive: true });
if (existsSync(link) || lstatSync(link, { throwIfNoEntry: false })) {
  if (lstatSync(link).isSymbolicLink()) unlinkSync(link);
  else process.exit(0);
}
symlinkSync("..", link, "dir");
