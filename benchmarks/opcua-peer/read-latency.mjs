// Read round-trip latency: SortLine's OPC UA server vs a node-opcua 2.186.4 server serving the same Double variable,
// both on 127.0.0.1 in their own processes, both measured by the same node-opcua client doing sequential Reads.
// Rounds alternate between the servers so that machine load drifts affect both alike.
//
//   node benchmarks/opcua-peer/read-latency.mjs [--reads 500] [--rounds 10] [--warmup 300]
//
// Starts `dotnet run -c Release --project benchmarks/SortLine.Benchmarks -- opcua-host` (or `dotnet $SORTLINE_HOST_DLL
// opcua-host` when that variable names a built SortLine.Benchmarks.dll) and `node node-server.mjs`; both stop when this
// script closes their stdin, and on their own after a time limit. Everything is bounded: reads per round, rounds, and
// a global deadline of 20 minutes.
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { opcua } from "./node-opcua.mjs";

const { OPCUAClient, MessageSecurityMode, SecurityPolicy, AttributeIds, StatusCodes } = opcua;
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");

function arg(name, fallback, max) {
    const at = process.argv.indexOf(`--${name}`);
    const value = at > 0 ? Number(process.argv[at + 1]) : fallback;
    if (!Number.isInteger(value) || value < 1 || value > max) throw new Error(`--${name} must be an integer in 1..${max}`);
    return value;
}
const readsPerRound = arg("reads", 500, 100_000);
const rounds = arg("rounds", 10, 100);
const warmup = arg("warmup", 300, 100_000);
const children = [];
const deadline = setTimeout(() => { console.error("read-latency: global deadline (20 min) reached"); cleanup(); process.exit(2); }, 20 * 60_000);

function cleanup() {
    for (const child of children) {
        try { child.stdin.end(); } catch { /* gone */ }
        setTimeout(() => { try { child.kill("SIGKILL"); } catch { /* gone */ } }, 5000).unref();
    }
}

function start(name, command, args, cwd) {
    return new Promise((resolve, reject) => {
        const child = spawn(command, args, { cwd, stdio: ["pipe", "pipe", "inherit"] });
        children.push(child);
        let buffered = "";
        const timer = setTimeout(() => reject(new Error(`${name} did not print READY within 10 minutes`)), 10 * 60_000);
        child.on("exit", code => reject(new Error(`${name} exited with ${code} before READY`)));
        child.stdout.on("data", chunk => {
            buffered += chunk.toString();
            const match = /READY (opc\.tcp:\/\/\S+)/.exec(buffered);
            if (match) {
                clearTimeout(timer);
                resolve(match[1]);
            }
        });
    });
}

async function open(url) {
    const client = OPCUAClient.create({
        applicationName: "SortLineReadLatency",
        endpointMustExist: false,
        connectionStrategy: { maxRetry: 0 },
        securityMode: MessageSecurityMode.None,
        securityPolicy: SecurityPolicy.None,
        requestedSessionTimeout: 600_000,
    });
    await client.connect(url);
    const session = await client.createSession();
    const namespaces = await session.readNamespaceArray();
    const ns = namespaces.indexOf("urn:sortline:bench");
    if (ns < 0) throw new Error(`${url} does not serve urn:sortline:bench`);
    const nodeId = `ns=${ns};s=Line1.BeltSpeed`;
    return { client, session, nodeId };
}

async function readOnce(target) {
    const value = await target.session.read({ nodeId: target.nodeId, attributeId: AttributeIds.Value });
    if (value.statusCode.value !== StatusCodes.Good.value || value.value.value !== 1.5) {
        throw new Error(`bad read: ${value.statusCode.toString()} ${value.value.value}`);
    }
}

async function measure(target, count, into) {
    for (let i = 0; i < count; i++) {
        const t0 = process.hrtime.bigint();
        await readOnce(target);
        into.push(Number(process.hrtime.bigint() - t0) / 1000);
    }
}

function stats(samples) {
    const sorted = [...samples].sort((a, b) => a - b);
    const at = q => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    const mean = sorted.reduce((s, v) => s + v, 0) / sorted.length;
    return { n: sorted.length, min: sorted[0], p50: at(0.5), p90: at(0.9), p99: at(0.99), mean };
}

const load = () => os.loadavg().map(v => v.toFixed(2)).join(" ");
console.log(`machine: ${os.cpus().length} cpus (${os.cpus()[0]?.model ?? "?"}), load average ${load()}`);
try {
    const hostDll = process.env.SORTLINE_HOST_DLL;
    const [sortlineUrl, nodeUrl] = await Promise.all([
        hostDll
            ? start("SortLine host", "dotnet", [hostDll, "opcua-host", "--seconds", "1200"], root)
            : start("SortLine host", "dotnet", ["run", "-c", "Release", "--project", "benchmarks/SortLine.Benchmarks", "--", "opcua-host", "--seconds", "1200"], root),
        start("node-opcua server", process.execPath, [path.join(here, "node-server.mjs"), "--seconds", "1200"], here),
    ]);
    const targets = { sortline: await open(sortlineUrl), "node-opcua": await open(nodeUrl) };
    for (const target of Object.values(targets)) {
        await measure(target, warmup, []);
    }

    const samples = { sortline: [], "node-opcua": [] };
    for (let r = 0; r < rounds; r++) {
        const order = r % 2 === 0 ? ["sortline", "node-opcua"] : ["node-opcua", "sortline"];
        for (const name of order) {
            await measure(targets[name], readsPerRound, samples[name]);
        }
    }

    console.log(`${rounds} rounds x ${readsPerRound} sequential Reads per server (after ${warmup} warm-up reads), node-opcua 2.186.4 client, times in µs:`);
    console.log("server       n       min     p50     p90     p99     mean");
    const results = {};
    for (const [name, values] of Object.entries(samples)) {
        const s = stats(values);
        results[name] = s;
        console.log(`${name.padEnd(12)} ${String(s.n).padEnd(7)} ${s.min.toFixed(0).padStart(6)}  ${s.p50.toFixed(0).padStart(6)}  ${s.p90.toFixed(0).padStart(6)}  ${s.p99.toFixed(0).padStart(6)}  ${s.mean.toFixed(0).padStart(6)}`);
    }
    console.log(`ratio node-opcua / sortline: p50 ${(results["node-opcua"].p50 / results.sortline.p50).toFixed(2)}x, p99 ${(results["node-opcua"].p99 / results.sortline.p99).toFixed(2)}x (> 1 means SortLine is faster)`);
    console.log(`load average at the end: ${load()}`);

    for (const target of Object.values(targets)) {
        await target.session.close();
        await target.client.disconnect();
    }
} finally {
    clearTimeout(deadline);
    cleanup();
}
