// Interop tests against the RUNNING SERVICE: node-opcua 2.186.4's OPCUAClient drives SortLine's PLC link while the
// service sorts on its simulated line; every method and configuration write has its real effect on the line. Started by
// ServiceInteropTests (tests/SortLine.Service.Tests/Integration), which hosts the whole service and passes:
//   OPCUA_URL                    the service's endpoint (anonymous switched off, one user)
//   OPCUA_USER / OPCUA_PASSWORD  that user
//   OPCUA_NS                     the sorter namespace URI (urn:sortline)
//   OPCUA_ROLLBACK_VERSION       a registered model version that is not the champion
//   OPCUA_REPORT                 where to write every ejection command received (JSON), for the host to compare with
//                                the pipeline's own record
//   OPCUA_VALVE_DISTANCE_COUNTS  encoder counts from the scan line to the valves (a command is released shortly before
//                                its particle gets there, so a decision reaches the PLC up to that much belt later)
// One subscriber (opened before the first test, checked by the last) receives every ejection command of the whole run:
// stop and start, captures, rollback, retrain and configuration changes included, each sequence number once, in order,
// with no gap. The host lays the line out so that no decision is ever late (Line.LateDecisions stays 0), so a gap could
// only be a lost command; the host also checks the commands against the pipeline's own record (its journal).
// The tests run in file order (node:test runs a file's top-level tests one after another).
import { test, before, beforeEach, after } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import {
    OPCUAClient, MessageSecurityMode, SecurityPolicy, AttributeIds, BrowseDirection, NodeClass,
    StatusCodes, DataType, UserTokenType, TimestampsToReturn, ClientMonitoredItem, VariantArrayType,
} from "node-opcua";

const require = createRequire(import.meta.url);
const { getExtraDataTypeManager } = require("node-opcua-client-dynamic-extension-object");

const url = process.env.OPCUA_URL;
const user = process.env.OPCUA_USER;
const password = process.env.OPCUA_PASSWORD;
const sorterNamespace = process.env.OPCUA_NS;
const rollbackVersion = process.env.OPCUA_ROLLBACK_VERSION;
const reportPath = process.env.OPCUA_REPORT;
const valveDistanceCounts = Number(process.env.OPCUA_VALVE_DISTANCE_COUNTS);
assert.ok(url && user && password && sorterNamespace && rollbackVersion && reportPath && valveDistanceCounts > 0,
    "OPCUA_* environment variables are required");
const operator = { type: UserTokenType.UserName, userName: user, password };

/** The longest any one wait on the line may take (the machine is shared and slow; nothing here measures time). */
const bound = 180000;

const clients = [];
function createClient() {
    const client = OPCUAClient.create({
        applicationName: "SortLineServiceInterop",
        endpointMustExist: false,
        connectionStrategy: { maxRetry: 0, initialDelay: 100, maxDelay: 200 },
        securityMode: MessageSecurityMode.None,
        securityPolicy: SecurityPolicy.None,
        requestedSessionTimeout: 600000,
    });
    clients.push(client);
    return client;
}

const uint64 = (v) => (Array.isArray(v) ? v[0] * 2 ** 32 + v[1] : Number(v));
const int64 = (v) => (Array.isArray(v) ? (v[0] | 0) * 2 ** 32 + v[1] : Number(v));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function until(predicate, what, timeout = bound) {
    const deadline = Date.now() + timeout;
    while (!(await predicate())) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await sleep(100);
    }
}

// The session every test uses (the operator) and the decision subscriber.
let client;
let session;
let ns;
const id = (s) => `ns=${ns};s=${s}`;
const received = [];
const gaps = [];
const order = [];
let subscription;
/** The test running when a command arrives (names where a gap or a disorder happened). */
let phase = "before the first test";
beforeEach((t) => { phase = t.name; });

const read = async (name) => {
    const dv = await session.read({ nodeId: id(name), attributeId: AttributeIds.Value });
    assert.equal(dv.statusCode.value, StatusCodes.Good.value, `${name}: ${dv.statusCode}`);
    return dv.value.value;
};
const call = async (name, inputArguments = []) => await session.call({ objectId: id("Line"), methodId: id(`Line.${name}`), inputArguments });
const write = async (name, dataType, value, arrayType) => (await session.write({
    nodeId: id(`Line.Configuration.${name}`), attributeId: AttributeIds.Value,
    value: { value: { dataType, value, ...(arrayType ? { arrayType } : {}) } },
})).value;
const published = async () => uint64(await read("Line.Decisions.PublishedCount"));

/** Waits until the belt has moved by `counts` encoder counts (Line.EncoderPosition is refreshed once per second). */
async function belt(counts) {
    const start = int64(await read("Line.EncoderPosition"));
    await until(async () => int64(await read("Line.EncoderPosition")) - start >= counts, `${counts} belt counts`);
}

/** Waits until `count` more commands have arrived on the subscription. */
async function commands(count) {
    const target = received.length + count;
    await until(() => received.length >= target, `${count} more ejection commands (have ${received.length})`);
}

before(async () => {
    client = createClient();
    await client.connect(url);
    session = await client.createSession(operator);
    ns = (await session.readNamespaceArray()).indexOf(sorterNamespace);
    assert.ok(ns > 0, "the sorter namespace is registered");
    await getExtraDataTypeManager(session); // EjectionCommand's DataTypeDefinition, before the first notification
    subscription = await session.createSubscription2({
        requestedPublishingInterval: 50, requestedLifetimeCount: 6000, requestedMaxKeepAliveCount: 20,
        maxNotificationsPerPublish: 0, publishingEnabled: true, priority: 10,
    });
    const item = ClientMonitoredItem.create(subscription,
        { nodeId: id("Line.Decisions.LastCommand"), attributeId: AttributeIds.Value },
        { samplingInterval: 0, queueSize: 10000, discardOldest: true }, TimestampsToReturn.Both);
    item.on("changed", (dv) => {
        const c = dv.value.value;
        if (!c) return;
        const command = {
            sequence: uint64(c.sequenceNumber), firstValve: c.firstValve, lastValve: c.lastValve,
            encoderStart: int64(c.encoderStart), encoderEnd: int64(c.encoderEnd), classIndex: c.classIndex, confidence: c.confidence,
        };
        const last = received.at(-1);
        if (last && command.sequence <= last.sequence) order.push(`${last.sequence} -> ${command.sequence} during "${phase}"`);
        if (last && command.sequence > last.sequence + 1) gaps.push(`${last.sequence} -> ${command.sequence} during "${phase}"`);
        received.push(command);
    });
    await commands(5);
});

after(async () => {
    writeFileSync(reportPath, JSON.stringify({ received, gaps, order }));
    for (const c of clients) {
        try { await c.disconnect(); } catch { /* already gone */ }
    }
});

test("refused: anonymous is switched off, and a wrong password is rejected", async () => {
    const c = createClient();
    await c.connect(url);
    try {
        const endpoints = await c.getEndpoints();
        assert.deepEqual(endpoints[0].userIdentityTokens.map((t) => t.tokenType), [UserTokenType.UserName]);
        await assert.rejects(c.createSession(), "anonymous session");
        await assert.rejects(c.createSession({ ...operator, password: password + "x" }), /BadIdentityTokenRejected|BadUserAccessDenied/);
        await assert.rejects(c.createSession({ ...operator, userName: "nobody" }), /BadIdentityTokenRejected|BadUserAccessDenied/);
    } finally {
        await c.disconnect();
    }
});

test("browses the whole tree and reads every sorter variable with live values", async () => {
    const variables = [];
    const queue = ["ns=0;i=84"];
    const seen = new Set(queue);
    while (queue.length > 0) {
        const nodeId = queue.shift();
        const result = await session.browse({
            nodeId, browseDirection: BrowseDirection.Forward, referenceTypeId: "HierarchicalReferences",
            includeSubtypes: true, nodeClassMask: 0, resultMask: 63,
        });
        assert.equal(result.statusCode.value, StatusCodes.Good.value, `browse ${nodeId}`);
        assert.equal(result.continuationPoint?.length ?? 0, 0, `browse ${nodeId} fits one response`);
        for (const ref of result.references ?? []) {
            const key = ref.nodeId.toString();
            if (seen.has(key)) continue;
            seen.add(key);
            if (ref.nodeClass === NodeClass.Variable) variables.push(key);
            if (ref.nodeClass === NodeClass.Object || ref.nodeClass === NodeClass.Variable) queue.push(key);
        }
    }
    assert.ok(variables.includes("ns=0;i=2259"), `Server.ServerStatus.State under Root (${variables.length} variables)`);
    const sorter = variables.filter((v) => v.startsWith(`ns=${ns};`));
    const classNames = Array.from(await read("Line.ClassNames"));
    assert.deepEqual(classNames, ["background", "lepidolite", "albite", "quartz", "muscovite", "unknown"], "the configured classes");
    const expected = ["Line.State", "Line.BeltSpeed", "Line.EncoderPosition", "Line.LinesPerSecond", "Line.DroppedLines",
        "Line.LateDecisions", "Line.ModelVersion", "Line.TeacherAgreement", "Line.ClassNames",
        "Line.Configuration.TargetClasses", "Line.Configuration.EjectThreshold", "Line.Configuration.MinParticlePixels",
        "Line.Decisions.LastCommand", "Line.Decisions.PublishedCount", "Line.Decisions.DroppedCount",
        ...classNames.map((c) => `Line.ParticleCount.${c}`), ...classNames.map((c) => `Line.EjectionCount.${c}`)];
    for (const name of expected) assert.ok(sorter.includes(id(name)), `${name} is browsable`);

    const values = await session.read(variables.map((nodeId) => ({ nodeId, attributeId: AttributeIds.Value })));
    values.forEach((dv, i) => assert.equal(dv.statusCode.value, StatusCodes.Good.value, `${variables[i]}: ${dv.statusCode}`));
    const value = (name) => values[variables.indexOf(id(name))].value.value;
    assert.equal(value("Line.State"), "Running");
    assert.ok(Math.abs(value("Line.BeltSpeed") - 0.25) < 0.05, `belt speed ${value("Line.BeltSpeed")} m/s (the test line runs at 0.25)`);
    assert.ok(value("Line.LinesPerSecond") > 0, "camera lines are processed");
    assert.ok(int64(value("Line.EncoderPosition")) > 0, "the belt moved");
    assert.ok(value("Line.ModelVersion").length > 0, "a model is in use");
    // The student's rolling agreement with the LIBS teacher at paired points (published once pairs are scored).
    await until(async () => (await read("Line.TeacherAgreement")) > 0, "Line.TeacherAgreement above 0");
    const agreement = await read("Line.TeacherAgreement");
    assert.ok(agreement > 0.5 && agreement <= 1, `teacher agreement ${agreement}: the student mostly agrees with the teacher`);
    assert.ok(uint64(value("Line.Decisions.PublishedCount")) >= received.length, "published at least what was received");
    assert.equal(uint64(value("Line.Decisions.DroppedCount")), 0);
    assert.deepEqual(Array.from(value("Line.Configuration.TargetClasses")), ["lepidolite"]);
    assert.ok(uint64(value("Line.ParticleCount.lepidolite")) + uint64(value("Line.ParticleCount.albite")) > 0, "particles are counted");
    assert.ok(uint64(value("Line.EjectionCount.lepidolite")) > 0, "lepidolite is ejected");
    assert.equal(uint64(value("Line.EjectionCount.albite")), 0, "albite is not a target");
});

test("configuration writes: invalid values get BadOutOfRange and change nothing", async () => {
    const before = [Array.from(await read("Line.Configuration.TargetClasses")), await read("Line.Configuration.EjectThreshold"),
        await read("Line.Configuration.MinParticlePixels")];
    for (const names of [["gold"], ["background"], ["unknown"], [], ["albite", "albite"]]) {
        assert.equal(await write("TargetClasses", DataType.String, names, VariantArrayType.Array), StatusCodes.BadOutOfRange.value, `TargetClasses ${names}`);
    }
    for (const t of [0, 1.5, -0.1]) assert.equal(await write("EjectThreshold", DataType.Double, t), StatusCodes.BadOutOfRange.value, `EjectThreshold ${t}`);
    for (const p of [0, 1000001]) assert.equal(await write("MinParticlePixels", DataType.UInt32, p), StatusCodes.BadOutOfRange.value, `MinParticlePixels ${p}`);
    assert.equal(await write("MinParticlePixels", DataType.Int32, 30), StatusCodes.BadTypeMismatch.value);
    const after = [Array.from(await read("Line.Configuration.TargetClasses")), await read("Line.Configuration.EjectThreshold"),
        await read("Line.Configuration.MinParticlePixels")];
    assert.deepEqual(after, before);
});

test("configuration writes: valid values stick; TargetClasses albite → later commands eject only albite", async () => {
    const classNames = Array.from(await read("Line.ClassNames"));
    const albite = classNames.indexOf("albite");
    const minPixels = await read("Line.Configuration.MinParticlePixels");
    const threshold = await read("Line.Configuration.EjectThreshold");
    assert.equal(await write("MinParticlePixels", DataType.UInt32, minPixels + 5), StatusCodes.Good.value);
    assert.equal(await read("Line.Configuration.MinParticlePixels"), minPixels + 5);
    assert.equal(await write("EjectThreshold", DataType.Double, 0.6), StatusCodes.Good.value);
    assert.equal(await read("Line.Configuration.EjectThreshold"), 0.6);
    assert.equal(await write("MinParticlePixels", DataType.UInt32, minPixels), StatusCodes.Good.value);
    assert.equal(await write("EjectThreshold", DataType.Double, threshold), StatusCodes.Good.value);

    assert.equal(await write("TargetClasses", DataType.String, ["albite"], VariantArrayType.Array), StatusCodes.Good.value);
    try {
        assert.deepEqual(Array.from(await read("Line.Configuration.TargetClasses")), ["albite"]);
        // Particles decided before the write may still be on their way to the valves: their commands come out until the
        // belt has carried them there; 0.5 m more is the margin.
        await belt(valveDistanceCounts + 5000);
        const from = received.length;
        await commands(8);
        const later = received.slice(from);
        assert.ok(later.every((c) => c.classIndex === albite), `classes after the write: ${later.map((c) => classNames[c.classIndex])}`);
    } finally {
        assert.equal(await write("TargetClasses", DataType.String, ["lepidolite"], VariantArrayType.Array), StatusCodes.Good.value);
    }
    await belt(valveDistanceCounts + 5000);
    const from = received.length;
    await commands(5);
    const lepidolite = classNames.indexOf("lepidolite");
    assert.ok(received.slice(from).every((c) => c.classIndex === lepidolite), "back to lepidolite");
});

test("StopLine: Stopped and no more commands; ResetCounters: counters drop to 0; StartLine: commands again", async () => {
    const stop = await call("StopLine");
    assert.equal(stop.statusCode.value, StatusCodes.Good.value, `StopLine: ${stop.statusCode}`);
    assert.equal(await read("Line.State"), "Stopped");
    const publishedAtStop = await published();
    assert.equal((await call("StopLine")).statusCode.value, StatusCodes.BadInvalidState.value, "stop while stopped");

    const reset = await call("ResetCounters");
    assert.equal(reset.statusCode.value, StatusCodes.Good.value);
    const classNames = Array.from(await read("Line.ClassNames"));
    const counters = ["Line.DroppedLines", "Line.LateDecisions", ...classNames.map((c) => `Line.ParticleCount.${c}`), ...classNames.map((c) => `Line.EjectionCount.${c}`)];
    for (const name of counters) assert.equal(uint64(await read(name)), 0, `${name} after ResetCounters`);

    await belt(5000);
    assert.equal(await published(), publishedAtStop, "no command while stopped");
    await until(() => received.length > 0 && received.at(-1).sequence + 1 >= publishedAtStop, "the commands published before the stop");
    const receivedWhileStopped = received.length;
    for (const name of counters) assert.equal(uint64(await read(name)), 0, `${name} while stopped`);
    assert.equal(await read("Line.State"), "Stopped");

    const start = await call("StartLine");
    assert.equal(start.statusCode.value, StatusCodes.Good.value, `StartLine: ${start.statusCode}`);
    assert.equal((await call("StartLine")).statusCode.value, StatusCodes.BadInvalidState.value, "start while running");
    await commands(5);
    assert.ok(received[receivedWhileStopped].sequence > received[receivedWhileStopped - 1].sequence, "the numbering continues across the stop");
    assert.equal(await read("Line.State"), "Running");
    await until(async () => uint64(await read("Line.ParticleCount.lepidolite")) + uint64(await read("Line.ParticleCount.albite")) > 0,
        "particle counts after the reset");
});

test("CaptureDarkReference and CaptureWhiteReference: Good, and sorting continues", async () => {
    for (const name of ["CaptureDarkReference", "CaptureWhiteReference"]) {
        const result = await call(name, [{ dataType: DataType.UInt32, value: 16 }]);
        assert.equal(result.statusCode.value, StatusCodes.Good.value, `${name}: ${result.statusCode}`);
        assert.equal(await read("Line.State"), "Running", `after ${name}`);
        await commands(3);
    }
    const outOfRange = await call("CaptureWhiteReference", [{ dataType: DataType.UInt32, value: 0 }]);
    assert.equal(outOfRange.statusCode.value, StatusCodes.BadInvalidArgument.value);
    assert.deepEqual(outOfRange.inputArgumentResults.map((s) => s.value), [StatusCodes.BadOutOfRange.value]);
});

test("RollbackModel: a registered version → ModelVersion changes; an unknown one → BadNotFound", async () => {
    const original = await read("Line.ModelVersion");
    assert.notEqual(original, rollbackVersion);
    const unknown = await call("RollbackModel", [{ dataType: DataType.String, value: "no-such-version" }]);
    assert.equal(unknown.statusCode.value, StatusCodes.BadNotFound.value, `unknown version: ${unknown.statusCode}`);
    const rolled = await call("RollbackModel", [{ dataType: DataType.String, value: rollbackVersion }]);
    assert.equal(rolled.statusCode.value, StatusCodes.Good.value, `rollback: ${rolled.statusCode}`);
    await until(async () => (await read("Line.ModelVersion")) === rollbackVersion, `ModelVersion ${rollbackVersion}`);
    await commands(3);
    const back = await call("RollbackModel", [{ dataType: DataType.String, value: original }]);
    assert.equal(back.statusCode.value, StatusCodes.Good.value, `back: ${back.statusCode}`);
    await until(async () => (await read("Line.ModelVersion")) === original, `ModelVersion ${original}`);
});

test("RequestRetrain: Good; a blank reason is refused", async () => {
    const ok = await call("RequestRetrain", [{ dataType: DataType.String, value: "node-opcua interop test" }]);
    assert.equal(ok.statusCode.value, StatusCodes.Good.value, `RequestRetrain: ${ok.statusCode}`);
    const blank = await call("RequestRetrain", [{ dataType: DataType.String, value: "" }]);
    assert.equal(blank.statusCode.value, StatusCodes.BadInvalidArgument.value);
    await commands(3);
});

test("decisions: every ejection command of the run arrived in order, none was late, none is missing", async () => {
    const last = await published();
    await until(() => received.length > 0 && received.at(-1).sequence + 1 >= last, "the last published command");
    assert.deepEqual(order, [], "sequence numbers out of order or repeated");
    assert.deepEqual(gaps, [], "sequence numbers missing");
    assert.equal(uint64(await read("Line.LateDecisions")), 0, "no decision was late (since ResetCounters)");
    received.forEach((c) => {
        assert.ok(c.lastValve >= c.firstValve && c.encoderEnd > c.encoderStart, `command ${c.sequence} is a valve window`);
    });
    assert.equal(uint64(await read("Line.Decisions.DroppedCount")), 0, "nothing dropped before publication");
    await subscription.terminate();
});
