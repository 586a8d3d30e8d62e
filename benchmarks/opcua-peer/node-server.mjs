// node-opcua 2.186.4 OPCUAServer serving the same variable as SortLine's benchmark host:
// ns=<urn:sortline:bench>;s=Line1.BeltSpeed, Double 1.5, SecurityPolicy None, anonymous, bound to 127.0.0.1 only.
// Prints "READY opc.tcp://127.0.0.1:<port>" and stops when stdin closes or after --seconds (default 300).
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { opcua } from "./node-opcua.mjs";

const { OPCUAServer, DataType, Variant, SecurityPolicy, MessageSecurityMode, OPCUACertificateManager } = opcua;
const secondsArg = process.argv.indexOf("--seconds");
const seconds = Math.min(3600, Math.max(1, secondsArg > 0 ? Number(process.argv[secondsArg + 1]) : 300));

function freeLoopbackPort() {
    return new Promise((resolve, reject) => {
        const probe = net.createServer();
        probe.once("error", reject);
        probe.listen(0, "127.0.0.1", () => {
            const { port } = probe.address();
            probe.close(() => resolve(port));
        });
    });
}

const port = await freeLoopbackPort();
const pki = path.join(os.tmpdir(), "sortline-opcua-peer-pki");
const server = new OPCUAServer({
    host: "127.0.0.1",
    port,
    hostname: "127.0.0.1",
    securityPolicies: [SecurityPolicy.None],
    securityModes: [MessageSecurityMode.None],
    allowAnonymous: true,
    serverCertificateManager: new OPCUACertificateManager({ rootFolder: path.join(pki, "own"), automaticallyAcceptUnknownCertificate: true }),
    maxConnectionsPerEndpoint: 10,
});
await server.initialize();
const addressSpace = server.engine.addressSpace;
const namespace = addressSpace.registerNamespace("urn:sortline:bench");
const line = namespace.addFolder(addressSpace.rootFolder.objects, { nodeId: "s=Line1", browseName: "Line1" });
namespace.addVariable({
    componentOf: line,
    nodeId: "s=Line1.BeltSpeed",
    browseName: "BeltSpeed",
    dataType: "Double",
    value: new Variant({ dataType: DataType.Double, value: 1.5 }),
});
await server.start();
console.log(`READY opc.tcp://127.0.0.1:${port}`);

const stop = async () => {
    await server.shutdown(0);
    process.exit(0);
};
process.stdin.on("end", stop);
process.stdin.on("close", stop);
process.stdin.resume();
setTimeout(stop, seconds * 1000).unref();
