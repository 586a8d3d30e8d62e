// Loads node-opcua 2.186.4 from tests/interop/node_modules (installed by tests/install-deps.sh), so the benchmark
// uses exactly the client and server the interop tests pin and needs no second npm install.
import { createRequire } from "node:module";

const require = createRequire(new URL("../../tests/interop/package.json", import.meta.url));
export const opcua = require("node-opcua");
