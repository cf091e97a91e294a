#!/usr/bin/env node
// The `nuem` command: runs the built library's CLI (npm install builds dist/ via "prepare").
import { main } from "../dist/cli/main.js";

process.exitCode = await main(process.argv.slice(2));
