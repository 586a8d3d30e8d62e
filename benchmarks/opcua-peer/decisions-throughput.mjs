// Sustained eject decisions per second delivered by SortLine's OPC UA server to one node-opcua 2.186.4 subscriber.
//
//   node benchmarks/opcua-peer/decisions-throughput.mjs [--rate 10000] [--seconds 10] [--publishing-interval 100]
//                                                      [--queue 5000] [--max-notifications 0]
//
// Starts `SortLine.Benchmarks opcua-host --decisions` (`dotnet $SORTLINE_HOST_DLL ...` when that variable names a built
// SortLine.Benchmarks.dll, else `dotnet run -c Release --project benchmarks/SortLine.Benchmarks -- ...`), subscribes to
// Line.Decisions.LastCommand (sampling interval 0, the given queue size, discardOldest) and then asks the host to call
// Decisions.TryPublish at --rate for --seconds on a fixed schedule (decision k due at start + (k - 1) / rate). Prints:
// decisions/s received, gaps in the sequence numbers (= losses), duplicates / out-of-order arrivals, Overflow bits seen,
// the host's own counters (publisher drops, server queue discards, how far its loop fell behind schedule, its CPU),
// schedule-to-arrival latency percentiles (arrival wall time minus the decision's due time, both processes on this
// machine's clock; includes the wait for the next publishing cycle), and the load average before and after.
// Bounded: rate ≤ 100,000/s, seconds ≤ 60, a drain of at most 10 s after the host finished, a 10-minute global deadline.
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { opcua } from "./node-opcua.mjs";

const { OPCUAClient, MessageSecurityMode, SecurityPolicy, AttributeIds, TimestampsToReturn, ClientMonitoredItem } = opcua;
const require = createRequire(new URL("../../tests/interop/package.json", import.meta.url));
const { getExtraDataTypeManager } = require("node-opcua-client-dynamic-extension-object");
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");

function arg(name, fallback, min, max) {
    const at = process.argv.indexOf(`--${name}`);
    const value = at > 0 ? Number(process.argv[at + 1]) : fallback;
    if (!Number.isInteger(value) || value < min || value > max) throw new Error(`--${name} must be an integer in ${min}..${max}`);
    return value;
}
const rate = arg("rate", 10_000, 1, 100_000);
const seconds = arg("seconds", 10, 1, 60);
const publishingInterval = arg("publishing-interval", 100, 20, 1000);
const queueSize = arg("queue", 5000, 1, 50_000);
const maxNotifications = arg("max-notifications", 0, 0, 1_000_000);
const total = rate * seconds;

let host;
const deadline = setTimeout(() => { console.error("decisions-throughput: global deadline (10 min) reached"); cleanup(); process.exit(2); }, 10 * 60_000);
function cleanup() {
    if (!host) return;
    try { host.stdin.end(); } catch { /* gone */ }
    setTimeout(() => { try { host.kill("SIGKILL"); } catch { /* gone */ } }, 5000).unref();
}

// host stdout, line by line; waitFor(prefix) resolves with the rest of the first matching line
const lines = [];
const waiting = [];
function onLine(line) {
    const i = waiting.findIndex((w) => line.startsWith(w.prefix));
    if (i < 0) {
        lines.push(line);
        return;
    }
    const w = waiting.splice(i, 1)[0];
    w.resolve(line.slice(w.prefix.length).trim());
}
function waitFor(prefix, ms) {
    const j = lines.findIndex((l) => l.startsWith(prefix));
    if (j >= 0) return Promise.resolve(lines.splice(j, 1)[0].slice(prefix.length).trim());
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`host did not print ${prefix} within ${ms} ms`)), ms);
        waiting.push({ prefix, resolve: (rest) => { clearTimeout(timer); resolve(rest); } });
    });
}

function startHost() {
    const hostDll = process.env.SORTLINE_HOST_DLL;
    const hostArgs = ["opcua-host", "--decisions", "--seconds", "900"];
    host = hostDll
        ? spawn("dotnet", [hostDll, ...hostArgs], { cwd: root, stdio: ["pipe", "pipe", "inherit"] })
        : spawn("dotnet", ["run", "-c", "Release", "--project", "benchmarks/SortLine.Benchmarks", "--", ...hostArgs], { cwd: root, stdio: ["pipe", "pipe", "inherit"] });
    let buffered = "";
    host.stdout.on("data", (chunk) => {
        buffered += chunk.toString();
        let nl;
        while ((nl = buffered.indexOf("\n")) >= 0) {
            onLine(buffered.slice(0, nl).trim());
            buffered = buffered.slice(nl + 1);
        }
    });
    host.on("exit", (code) => { for (const w of waiting.splice(0)) w.resolve(`EXITED ${code}`); });
}

const uint64 = (v) => (Array.isArray(v) ? v[0] * 2 ** 32 + v[1] : Number(v));
const wallMs = () => performance.timeOrigin + performance.now();
const load = () => os.loadavg().map((v) => v.toFixed(2)).join(" ");
function percentiles(values) {
    const sorted = Float64Array.from(values).sort();
    const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    return { n: sorted.length, min: sorted[0], p50: at(0.5), p90: at(0.9), p99: at(0.99), p999: at(0.999), max: sorted[sorted.length - 1] };
}

const loadBefore = load();
console.log(`machine: ${os.cpus().length} cpus (${os.cpus()[0]?.model ?? "?"}), load average before ${loadBefore}`);
console.log(`target ${rate} decisions/s for ${seconds} s (${total} decisions), publishing interval ${publishingInterval} ms, queue ${queueSize}, sampling interval 0, maxNotificationsPerPublish ${maxNotifications}`);
let client;
try {
    startHost();
    const url = await waitFor("READY ", 10 * 60_000);
    if (url.startsWith("EXITED")) throw new Error(`host ${url} before READY`);
    client = OPCUAClient.create({
        applicationName: "SortLineDecisionThroughput",
        endpointMustExist: false,
        connectionStrategy: { maxRetry: 0 },
        securityMode: MessageSecurityMode.None,
        securityPolicy: SecurityPolicy.None,
        requestedSessionTimeout: 600_000,
    });
    await client.connect(url);
    const session = await client.createSession();
    const ns = (await session.readNamespaceArray()).indexOf("urn:sortline");
    if (ns < 0) throw new Error(`${url} does not serve urn:sortline`);
    await getExtraDataTypeManager(session); // EjectionCommand's DataTypeDefinition, before the flood

    const subscription = await session.createSubscription2({
        requestedPublishingInterval: publishingInterval, requestedLifetimeCount: 6000, requestedMaxKeepAliveCount: 20,
        maxNotificationsPerPublish: maxNotifications, publishingEnabled: true, priority: 10,
    });
    console.log(`subscription: revised publishing interval ${subscription.publishingInterval} ms`);
    const arrivals = new Float64Array(total + 1); // arrival wall time by sequence number - first + 1
    const first = 1; // the host numbers decisions from 1 in its first (only) run
    let received = 0;
    let duplicates = 0;
    let outOfOrder = 0;
    let overflows = 0;
    let undecoded = 0;
    let last = 0;
    let firstArrival = 0;
    let lastArrival = 0;
    const item = ClientMonitoredItem.create(subscription,
        { nodeId: `ns=${ns};s=Line.Decisions.LastCommand`, attributeId: AttributeIds.Value },
        { samplingInterval: 0, queueSize, discardOldest: true }, TimestampsToReturn.Both);
    item.on("changed", (dv) => {
        const now = wallMs();
        const command = dv.value.value;
        if (!command) return; // the initial (null) value
        if (command.sequenceNumber === undefined) { undecoded++; return; }
        if ((dv.statusCode.value & 0x480) === 0x480) overflows++; // InfoType DataValue + Overflow
        const k = uint64(command.sequenceNumber);
        const slot = k - first + 1;
        if (slot < 1 || slot > total) return;
        if (arrivals[slot] !== 0) { duplicates++; return; }
        if (k < last) outOfOrder++;
        last = k;
        arrivals[slot] = now;
        received++;
        if (received === 1) firstArrival = now;
        lastArrival = now;
    });
    await new Promise((resolve, reject) => { item.once("initialized", resolve); item.once("err", reject); });
    console.log(`monitored item: revised queue size ${item.monitoringParameters?.queueSize ?? "?"} (server result ${item.result?.revisedQueueSize ?? "?"})`);

    const cpuBefore = process.cpuUsage();
    host.stdin.write(`publish ${rate} ${seconds}\n`);
    const report = JSON.parse(await waitFor("PUBLISHED ", (seconds + 120) * 1000));
    const drainStart = Date.now();
    while (received < total && Date.now() - drainStart < 10_000) {
        const before = received;
        await new Promise((r) => setTimeout(r, 3 * publishingInterval));
        if (received === before && Date.now() - drainStart > 5 * publishingInterval + 2000) break; // nothing more coming
    }
    const cpu = process.cpuUsage(cpuBefore);
    const loadAfter = load();

    const gaps = [];
    let missing = 0;
    for (let slot = 1; slot <= total; slot++) {
        if (arrivals[slot] !== 0) continue;
        missing++;
        const k = slot + first - 1;
        if (gaps.length > 0 && gaps[gaps.length - 1][1] === k - 1) gaps[gaps.length - 1][1] = k;
        else gaps.push([k, k]);
    }
    const latencies = [];
    for (let slot = 1; slot <= total; slot++) {
        if (arrivals[slot] !== 0) latencies.push(arrivals[slot] - (report.startUnixMs + ((slot - 1) * 1000) / rate));
    }
    const span = (lastArrival - firstArrival) / 1000;
    const lat = percentiles(latencies);
    console.log(`host: offered ${report.count} in ${report.elapsedSeconds.toFixed(3)} s (${(report.count / report.elapsedSeconds).toFixed(0)}/s), ` +
        `publisher drops ${report.dropped}, server queue discards ${report.discarded}, max lag behind schedule ${report.maxLagMs.toFixed(1)} ms, CPU ${report.cpuSeconds.toFixed(2)} s`);
    console.log(`client: received ${received} of ${total}; ${(received / span).toFixed(0)} decisions/s over ${span.toFixed(3)} s from first to last arrival; ` +
        `CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s`);
    console.log(`losses: ${missing} missing in ${gaps.length} gaps${gaps.length ? " (first: " + gaps.slice(0, 5).map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(", ") + ")" : ""}; ` +
        `duplicates ${duplicates}; out of order ${outOfOrder}; Overflow bits ${overflows}; undecoded ${undecoded}`);
    console.log(`latency due -> arrival, ms: min ${lat.min?.toFixed(1)} p50 ${lat.p50?.toFixed(1)} p90 ${lat.p90?.toFixed(1)} p99 ${lat.p99?.toFixed(1)} p99.9 ${lat.p999?.toFixed(1)} max ${lat.max?.toFixed(1)}`);
    console.log(`load average: before ${loadBefore}, after ${loadAfter}`);
    console.log("RESULT " + JSON.stringify({
        rate, seconds, publishingInterval, queueSize, maxNotifications, received, total, decisionsPerSecond: received / span,
        missing, gaps: gaps.length, duplicates, outOfOrder, overflows, host: report, latencyMs: lat, loadBefore, loadAfter,
    }));

    await subscription.terminate();
    await session.close();
    await client.disconnect();
    process.exitCode = missing === 0 && duplicates === 0 && outOfOrder === 0 ? 0 : 1;
} catch (err) {
    console.error(err);
    process.exitCode = 2;
    try { await client?.disconnect(); } catch { /* gone */ }
} finally {
    clearTimeout(deadline);
    cleanup();
}
