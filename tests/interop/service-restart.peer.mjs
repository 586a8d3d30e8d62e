// The RUNNING SERVICE restarts under a PLC client: node-opcua 2.186.4's OPCUAClient (reconnection on, as a PLC would run
// it) holds one session (user token) with a subscription on Line.Decisions.LastCommand while the host stops the whole
// service and starts it again on the same port (same model registry). Driven by ServiceInteropTests
// (tests/SortLine.Service.Tests/Integration) over stdout, no fixed sleeps: protocol lines start with "@@ ".
//
//   node → host  "@@ subscribed {json}"     session + subscription up, OPCUA_COMMANDS commands received in order
//   host         stops the service (its OPC UA server sends ERR Bad_ServerHalted)
//   node → host  "@@ connection-lost"       the client noticed (event connection_lost)
//   host         starts the service again on the same port
//   node → host  "@@ reconnected {json}"    session_restored fired; a Read on the same session object sees Line.State
//                                           Running; OPCUA_COMMANDS commands of the new process received, in order
//   node → host  "@@ done"                  then exit 0
// Any failure prints "@@ fail <reason>" and exits 1. A global deadline (OPCUA_DEADLINE_MS, default 300 s) bounds
// everything, including node-opcua's reconnection loop. The JSON lists the commands received before and after the
// restart ({sequence, firstValve, lastValve, encoderStart, encoderEnd, classIndex}) so the host can compare them with
// each process's own record. A new process numbers its commands from 0 again: the PLC sees the restart as a reset of
// SequenceNumber, and commands published while no subscription existed are not recovered.
//
// Environment: OPCUA_URL, OPCUA_USER, OPCUA_PASSWORD, OPCUA_NS (sorter namespace URI), OPCUA_COMMANDS.
import {
    OPCUAClient, MessageSecurityMode, SecurityPolicy, AttributeIds, StatusCodes, UserTokenType,
    TimestampsToReturn, ClientMonitoredItem,
} from "node-opcua";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { getExtraDataTypeManager } = require("node-opcua-client-dynamic-extension-object");

const url = process.env.OPCUA_URL;
const operator = { type: UserTokenType.UserName, userName: process.env.OPCUA_USER, password: process.env.OPCUA_PASSWORD };
const sorterNamespace = process.env.OPCUA_NS;
const commandCount = Number(process.env.OPCUA_COMMANDS);
const deadlineMs = Number(process.env.OPCUA_DEADLINE_MS ?? 300000);

const say = (line) => process.stdout.write(`@@ ${line}\n`);
let client;
function fail(reason) {
    say(`fail ${reason}`);
    const exit = () => process.exit(1);
    setTimeout(exit, 2000).unref();
    (client ? client.disconnect().catch(() => { }) : Promise.resolve()).then(exit, exit);
}
let waitingFor = "start";
const deadline = setTimeout(() => fail(`deadline of ${deadlineMs} ms reached waiting for ${waitingFor}`), deadlineMs);
if (!url || !operator.userName || !operator.password || !sorterNamespace || !(commandCount > 0)) {
    fail("OPCUA_URL, OPCUA_USER, OPCUA_PASSWORD, OPCUA_NS and OPCUA_COMMANDS are required");
}

// until() resolves when predicate() holds, re-checked on every poke(); the deadline names the `what` being waited for.
function waiter() {
    const pending = [];
    return {
        until(predicate, what) {
            waitingFor = what;
            if (predicate()) return Promise.resolve();
            return new Promise((resolve) => pending.push({ predicate, resolve }));
        },
        poke() {
            for (let i = pending.length - 1; i >= 0; i--) {
                if (pending[i].predicate()) {
                    pending[i].resolve();
                    pending.splice(i, 1);
                }
            }
        },
    };
}

const uint64 = (v) => (Array.isArray(v) ? v[0] * 2 ** 32 + v[1] : Number(v));
const int64 = (v) => (Array.isArray(v) ? (v[0] | 0) * 2 ** 32 + v[1] : Number(v));

/** Throws unless each command's sequence number is the previous one's plus 1 (no decision is late on the host's line). */
function checkInOrder(commands, what) {
    for (let i = 1; i < commands.length; i++) {
        if (commands[i].sequence !== commands[i - 1].sequence + 1) {
            throw new Error(`${what}: sequence ${commands[i].sequence} after ${commands[i - 1].sequence}`);
        }
    }
}

try {
    const events = [];
    client = OPCUAClient.create({
        applicationName: "SortLineServiceRestartInterop",
        endpointMustExist: false,
        connectionStrategy: { maxRetry: 1000, initialDelay: 200, maxDelay: 1000, randomisationFactor: 0 },
        securityMode: MessageSecurityMode.None,
        securityPolicy: SecurityPolicy.None,
        requestedSessionTimeout: 60000,
        keepSessionAlive: true,
    });
    const state = waiter();
    let connectionLost = false;
    let sessionRestored = false;
    for (const name of ["connection_lost", "start_reconnection", "connection_reestablished", "after_reconnection"]) {
        client.on(name, (err) => {
            events.push(err?.message ? `${name}: ${err.message}` : name);
            if (name === "connection_lost" && !connectionLost) {
                connectionLost = true;
                say("connection-lost");
            }
            state.poke();
        });
    }

    await client.connect(url);
    const session = await client.createSession(operator);
    const sessionIdBefore = session.sessionId.toString();
    session.on("session_restored", () => {
        events.push("session_restored");
        sessionRestored = true;
        state.poke();
    });
    const ns = (await session.readNamespaceArray()).indexOf(sorterNamespace);
    if (ns <= 0) throw new Error(`namespace ${sorterNamespace} not found`);
    const id = (s) => `ns=${ns};s=${s}`;
    await getExtraDataTypeManager(session);

    const subscription = await session.createSubscription2({
        requestedPublishingInterval: 50, requestedLifetimeCount: 1200, requestedMaxKeepAliveCount: 10,
        maxNotificationsPerPublish: 0, publishingEnabled: true, priority: 10,
    });
    let before = [];
    let after = [];
    let current = before;
    const lastCommand = ClientMonitoredItem.create(subscription,
        { nodeId: id("Line.Decisions.LastCommand"), attributeId: AttributeIds.Value },
        { samplingInterval: 0, queueSize: 10000, discardOldest: true }, TimestampsToReturn.Both);
    lastCommand.on("changed", (dv) => {
        const c = dv.value.value;
        if (!c) return;
        current.push({
            sequence: uint64(c.sequenceNumber), firstValve: c.firstValve, lastValve: c.lastValve,
            encoderStart: int64(c.encoderStart), encoderEnd: int64(c.encoderEnd), classIndex: c.classIndex,
        });
        state.poke();
    });

    await state.until(() => before.length >= commandCount, "commands before the restart");
    checkInOrder(before, "before the restart");
    say("subscribed " + JSON.stringify({ commands: before.length }));

    await state.until(() => connectionLost, "connection_lost");
    // Whatever arrives from now on comes from the new process (the old one stopped publishing before it closed).
    const stoppedAt = before.length;
    current = after;
    await state.until(() => sessionRestored, "session_restored");
    await state.until(() => after.length >= commandCount, "commands from the restarted service");
    checkInOrder(after, "after the restart");
    const lineState = await session.read({ nodeId: id("Line.State"), attributeId: AttributeIds.Value });
    if (lineState.statusCode.value !== StatusCodes.Good.value || lineState.value.value !== "Running") {
        throw new Error(`Line.State after the restart: ${lineState.statusCode.toString()} ${lineState.value.value}`);
    }

    say("reconnected " + JSON.stringify({
        sessionIdChanged: session.sessionId.toString() !== sessionIdBefore,
        before: before.slice(0, stoppedAt), after, events,
    }));

    await subscription.terminate();
    await session.close();
    await client.disconnect();
    clearTimeout(deadline);
    say("done");
} catch (err) {
    fail(err?.stack?.replace(/\n/g, " | ") ?? String(err));
}
