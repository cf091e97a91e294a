// Layer and cycle check of lib/ (`npm run check-layers`). The stage order lives in lib/layers.json;
// this file turns it into dependency-cruiser rules: no import from a stage to a higher one, and no
// import cycle (type-only imports count). A lib/ folder missing from the table is an error, so a
// new stage is placed in the order on purpose.
const fs = require("node:fs");
const path = require("node:path");

const root = process.cwd();
const table = JSON.parse(fs.readFileSync(path.join(__dirname, "lib/layers.json"), "utf8"));
const stages = table.stages.map((s) => s.name);

// Files directly in lib/: index.ts is the top stage "index", the others are "base".
const stagePath = (s) => (s === "index" ? "^lib/index\\.ts$" : s === "base" ? "^lib/(?!index\\.ts$)[^/]+$" : `^lib/${s}/`);

// Single file-to-file imports tolerated up the stack for now (lib/layers.json, each with its reason).
const escape = (p) => `^${p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`;
const ALLOWED_UPWARD = (table.allowedUpward ?? []).map((a) => ({ from: escape(a.from), to: escape(a.to), fromFile: a.from }));

const libDir = path.join(root, "lib");
if (fs.existsSync(libDir)) {
  for (const e of fs.readdirSync(libDir, { withFileTypes: true })) {
    if (e.isDirectory() && !stages.includes(e.name)) throw new Error(`lib/layers.json: the folder lib/${e.name} is not in the stage table; place it in the order`);
  }
}

const forbidden = [
  {
    name: "no-circular",
    comment: "An import cycle ties modules together so that neither can be read, tested or moved alone.",
    severity: "error",
    from: { path: "^lib/" },
    to: { circular: true },
  },
];
stages.forEach((stage, i) => {
  const higher = stages.slice(i + 1);
  if (higher.length === 0) return;
  const allowed = ALLOWED_UPWARD.filter((a) => new RegExp(stagePath(stage)).test(a.fromFile));
  forbidden.push({
    name: `layer-${stage}`,
    comment: `lib/${stage} may import only from its own stage or a lower one (lib/layers.json).`,
    severity: "error",
    from: { path: stagePath(stage), pathNot: allowed.map((a) => a.from) },
    to: { path: higher.map(stagePath) },
  });
  for (const a of allowed) {
    forbidden.push({
      name: `layer-${stage}`,
      comment: `lib/${stage} may import only from its own stage or a lower one (one import allowed in lib/layers.json).`,
      severity: "error",
      from: { path: a.from },
      to: { path: higher.map(stagePath), pathNot: a.to },
    });
  }
});

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden,
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|dist)/" },
    tsPreCompilationDeps: true,
    tsConfig: fs.existsSync(path.join(root, "tsconfig.json")) ? { fileName: "tsconfig.json" } : undefined,
  },
};
