// Server restart with reconnection: node-opcua 2.186.4's OPCUAClient (reconnection on, as a PLC would run it) keeps
// one session with one subscription on Line.BeltSpeed and Line.Decisions.LastCommand while the host stops SortLine's
// OPC UA server and starts a new one on the same port. Driven by RestartInteropTests
// (tests/SortLine.OpcUa.Tests/Interop) over stdin/stdout, no fixed sleeps: every protocol line this script prints
// starts with "@@ " (node-opcua's own warnings go to stdout too and are ignored by the host).
//
//   node → host  "@@ subscribed"            session + subscription up, first BeltSpeed value seen
//   host         publishes decisions 1..N on the first server
//   node → host  "@@ received-before N"     all N in order
//   host         stops the first server (ERR Bad_ServerHalted to the client)
//   node → host  "@@ connection-lost"       the client noticed (event connection_lost)
//   host         starts the second server on the same port (BeltSpeed 3.5, fresh sessions and subscriptions)
//   node → host  "@@ reconnected {json}"    session_restored fired, BeltSpeed 3.5 arrived on the old monitored item,
//                                           a Read on the same session object returns 3.5
//   host         checks the second server has 1 session, 1 subscription, 2 monitored items; publishes N+1..2N
//   node → host  "@@ received-after N"      all N in order, then "@@ done" and exit 0
// Any failure prints "@@ fail <reason>" and exits 1. A global deadline (OPCUA_DEADLINE_MS, default 45 s) bounds
// everything, including node-opcua's reconnection loop (which retries forever once a session exists).
//
// Environment: OPCUA_URL, OPCUA_USER, OPCUA_PASSWORD, OPCUA_NS (sorter namespace URI), OPCUA_DECISIONS (N).
// Decision k carries SequenceNumber k and FirstValve k % 300 (the host's RestartInteropTests.Decision).
import {
    OPCUAClient, MessageSecurityMode, SecurityPolicy, AttributeIds, StatusCodes, UserTokenType,
    TimestampsToReturn, ClientMonitoredItem,
} from "node-opcua";

const url = process.env.OPCUA_URL;
const operator = { type: UserTokenType.UserName, userName: process.env.OPCUA_USER, password: process.env.OPCUA_PASSWORD };
const sorterNamespace = process.env.OPCUA_NS;
const decisionCount = Number(process.env.OPCUA_DECISIONS);
const deadlineMs = Number(process.env.OPCUA_DEADLINE_MS ?? 45000);

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
if (!url || !operator.userName || !operator.password || !sorterNamespace || !(decisionCount > 0)) {
    fail("OPCUA_URL, OPCUA_USER, OPCUA_PASSWORD, OPCUA_NS and OPCUA_DECISIONS are required");
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

try {
    const events = [];
    client = OPCUAClient.create({
        applicationName: "SortLineRestartInterop",
        endpointMustExist: false,
        // reconnection on (maxRetry > 0): node-opcua repairs the channel and the session by itself; the delays keep
        // the retry loop short while the server is down
        connectionStrategy: { maxRetry: 100, initialDelay: 100, maxDelay: 500, randomisationFactor: 0 },
        securityMode: MessageSecurityMode.None,
        securityPolicy: SecurityPolicy.None,
        requestedSessionTimeout: 30000,
        keepSessionAlive: true,
    });
    const state = waiter();
    let connectionLost = false;
    let sessionRestored = false;
    for (const name of ["connection_lost", "start_reconnection", "reconnection_attempt_has_failed", "connection_reestablished", "after_reconnection"]) {
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
    for (const name of ["session_restored", "session_repaired", "session_repaired_failed"]) {
        session.on(name, (err) => {
            events.push(err?.message ? `${name}: ${err.message}` : name);
            if (name === "session_restored") sessionRestored = true;
            state.poke();
        });
    }
    const ns = (await session.readNamespaceArray()).indexOf(sorterNamespace);
    if (ns <= 0) throw new Error(`namespace ${sorterNamespace} not found`);
    const id = (s) => `ns=${ns};s=${s}`;

    const subscription = await session.createSubscription2({
        requestedPublishingInterval: 50, requestedLifetimeCount: 600, requestedMaxKeepAliveCount: 10,
        maxNotificationsPerPublish: 0, publishingEnabled: true, priority: 10,
    });
    const subscriptionIdBefore = subscription.subscriptionId;
    subscription.on("subscriptionId_changed", (now, before) => events.push(`subscriptionId_changed ${before} -> ${now}`));
    const decisions = [];
    const lastCommand = ClientMonitoredItem.create(subscription,
        { nodeId: id("Line.Decisions.LastCommand"), attributeId: AttributeIds.Value },
        { samplingInterval: 0, queueSize: 4 * decisionCount + 100, discardOldest: true }, TimestampsToReturn.Both);
    lastCommand.on("changed", (dv) => {
        if (dv.value.value) decisions.push(dv.value.value);
        state.poke();
    });
    const speeds = [];
    const beltSpeed = ClientMonitoredItem.create(subscription,
        { nodeId: id("Line.BeltSpeed"), attributeId: AttributeIds.Value },
        { samplingInterval: 0, queueSize: 10, discardOldest: true }, TimestampsToReturn.Both);
    beltSpeed.on("changed", (dv) => {
        speeds.push(dv.value.value);
        state.poke();
    });

    const checkInOrder = (first, count) => {
        const got = decisions.slice(first - 1, first - 1 + count).map((d) => uint64(d.sequenceNumber));
        for (let i = 0; i < count; i++) {
            const k = first + i;
            if (got[i] !== k) throw new Error(`decision ${k}: got sequence number ${got[i]} (received ${decisions.length})`);
            if (decisions[k - 1].firstValve !== k % 300) throw new Error(`decision ${k}: firstValve ${decisions[k - 1].firstValve}`);
        }
    };

    await state.until(() => speeds.includes(2.5), "first BeltSpeed value");
    say("subscribed");

    await state.until(() => decisions.length >= decisionCount, "decisions before the restart");
    checkInOrder(1, decisionCount);
    say(`received-before ${decisions.length}`);

    await state.until(() => connectionLost, "connection_lost");
    await state.until(() => sessionRestored && speeds.includes(3.5), "session_restored and BeltSpeed 3.5 from the new server");
    const speed = await session.read({ nodeId: id("Line.BeltSpeed"), attributeId: AttributeIds.Value });
    if (speed.statusCode.value !== StatusCodes.Good.value || speed.value.value !== 3.5) {
        throw new Error(`read after the restart: ${speed.statusCode.toString()} ${speed.value.value}`);
    }
    const lineState = await session.read({ nodeId: id("Line.State"), attributeId: AttributeIds.Value });
    if (lineState.value.value !== "Running") throw new Error(`Line.State after the restart: ${lineState.value.value}`);
    say("reconnected " + JSON.stringify({
        sessionIdChanged: session.sessionId.toString() !== sessionIdBefore,
        subscriptionIdBefore, subscriptionIdAfter: subscription.subscriptionId,
        decisionsBeforeRestart: decisions.length, events,
    }));

    await state.until(() => decisions.length >= 2 * decisionCount, "decisions after the restart");
    if (decisions.length !== 2 * decisionCount) throw new Error(`${decisions.length} decisions, expected ${2 * decisionCount}`);
    checkInOrder(decisionCount + 1, decisionCount);
    say(`received-after ${decisions.length - decisionCount}`);

    await subscription.terminate();
    await session.close();
    await client.disconnect();
    clearTimeout(deadline);
    say("done");
} catch (err) {
    fail(err?.stack?.replace(/\n/g, " | ") ?? String(err));
}
