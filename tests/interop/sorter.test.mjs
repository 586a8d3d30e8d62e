// Interop tests of the sorter address space (SortLineNodeSet) and the subscription, method and publish services:
// node-opcua 2.186.4's OPCUAClient against SortLine's OPC UA server. Started by SorterInteropTests
// (tests/SortLine.OpcUa.Tests/Interop), which hosts the server and passes:
//   OPCUA_URL                       the server (anonymous read-only, one user who may write and call)
//   OPCUA_USER / OPCUA_PASSWORD     that user
//   OPCUA_NS                        the sorter namespace URI (urn:sortline)
//   OPCUA_TEST_NS                   namespace of the test control object (Test.PublishDecisions, Test.Counters)
//   OPCUA_DECISIONS                 how many decisions Test.PublishDecisions sends
// Decision k (1-based) carries FirstValve k % 300, LastValve FirstValve + 2, EncoderStart 1000 k, EncoderEnd
// 1000 k + 500, ClassIndex k % 4, Confidence (k % 100) / 100.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import {
    OPCUAClient, MessageSecurityMode, SecurityPolicy, AttributeIds, BrowseDirection, NodeClass,
    StatusCodes, DataType, UserTokenType, TimestampsToReturn, ClientMonitoredItem, VariantArrayType,
} from "node-opcua";

const require = createRequire(import.meta.url);
const { getExtraDataTypeManager } = require("node-opcua-client-dynamic-extension-object");
const { PublishRequest, RepublishRequest } = require("node-opcua-service-subscription");

const url = process.env.OPCUA_URL;
const user = process.env.OPCUA_USER;
const password = process.env.OPCUA_PASSWORD;
const sorterNamespace = process.env.OPCUA_NS;
const testNamespace = process.env.OPCUA_TEST_NS;
const decisionCount = Number(process.env.OPCUA_DECISIONS);
assert.ok(url && user && password && sorterNamespace && testNamespace && decisionCount, "OPCUA_* environment variables are required");
const operator = { type: UserTokenType.UserName, userName: user, password };

const clients = [];
function createClient() {
    const client = OPCUAClient.create({
        applicationName: "SortLineSorterInterop",
        endpointMustExist: false,
        connectionStrategy: { maxRetry: 0, initialDelay: 100, maxDelay: 200 },
        securityMode: MessageSecurityMode.None,
        securityPolicy: SecurityPolicy.None,
        requestedSessionTimeout: 120000,
    });
    clients.push(client);
    return client;
}

async function withSession(fn, identity = operator) {
    const client = createClient();
    await client.connect(url);
    try {
        const session = identity ? await client.createSession(identity) : await client.createSession();
        try {
            const namespaces = await session.readNamespaceArray();
            const ns = namespaces.indexOf(sorterNamespace);
            const testNs = namespaces.indexOf(testNamespace);
            assert.ok(ns > 0 && testNs > 0, "sorter and test namespaces are registered");
            return await fn(session, { ns, testNs, id: (s) => `ns=${ns};s=${s}` });
        } finally {
            await session.close();
        }
    } finally {
        await client.disconnect();
    }
}

after(async () => {
    for (const c of clients) {
        try { await c.disconnect(); } catch { /* already gone */ }
    }
});

const uint64 = (v) => (Array.isArray(v) ? v[0] * 2 ** 32 + v[1] : Number(v));
const int64 = (v) => (Array.isArray(v) ? (v[0] | 0) * 2 ** 32 + v[1] : Number(v));

async function call(session, objectId, methodId, inputArguments = []) {
    return await session.call({ objectId, methodId, inputArguments });
}

test("reads every sorter variable with the host's values", async () => {
    await withSession(async (session, { id }) => {
        const variables = [];
        const queue = [id("Line")];
        const seen = new Set();
        while (queue.length > 0) {
            const nodeId = queue.shift();
            const result = await session.browse({
                nodeId, browseDirection: BrowseDirection.Forward, referenceTypeId: "HierarchicalReferences",
                includeSubtypes: true, nodeClassMask: 0, resultMask: 63,
            });
            assert.equal(result.statusCode.value, StatusCodes.Good.value);
            for (const ref of result.references ?? []) {
                const key = ref.nodeId.toString();
                if (seen.has(key)) continue;
                seen.add(key);
                if (ref.nodeClass === NodeClass.Variable) variables.push(key);
                if (ref.nodeClass === NodeClass.Object) queue.push(ref.nodeId);
            }
        }
        for (const name of ["Line.State", "Line.BeltSpeed", "Line.EncoderPosition", "Line.LinesPerSecond", "Line.DroppedLines",
            "Line.LateDecisions", "Line.ModelVersion", "Line.TeacherAgreement", "Line.ClassNames",
            "Line.ParticleCount.spodumene", "Line.EjectionCount.quartz", "Line.Configuration.TargetClasses",
            "Line.Configuration.EjectThreshold", "Line.Configuration.MinParticlePixels", "Line.Decisions.LastCommand",
            "Line.Decisions.PublishedCount", "Line.Decisions.DroppedCount"]) {
            assert.ok(variables.includes(id(name)), `${name} is browsable`);
        }
        const values = await session.read(variables.map((nodeId) => ({ nodeId, attributeId: AttributeIds.Value })));
        values.forEach((dv, i) => {
            const ok = dv.statusCode.value === StatusCodes.Good.value ||
                (variables[i] === id("Line.Decisions.LastCommand") && dv.statusCode.value === StatusCodes.UncertainInitialValue.value);
            assert.ok(ok, `${variables[i]}: ${dv.statusCode}`);
        });
        const read = async (name) => (await session.read({ nodeId: id(name), attributeId: AttributeIds.Value })).value.value;
        assert.equal(await read("Line.State"), "Running");
        assert.equal(await read("Line.BeltSpeed"), 2.5);
        assert.equal(int64(await read("Line.EncoderPosition")), 123456789);
        assert.equal(await read("Line.LinesPerSecond"), 600);
        assert.equal(uint64(await read("Line.DroppedLines")), 3);
        assert.equal(uint64(await read("Line.LateDecisions")), 1);
        assert.equal(await read("Line.ModelVersion"), "student-7");
        assert.equal(await read("Line.TeacherAgreement"), 0.93);
        assert.deepEqual(Array.from(await read("Line.ClassNames")), ["spodumene", "lepidolite", "quartz", "feldspar"]);
        assert.equal(uint64(await read("Line.ParticleCount.spodumene")), 1000);
        assert.equal(uint64(await read("Line.EjectionCount.quartz")), 7);
        assert.deepEqual(Array.from(await read("Line.Configuration.TargetClasses")), ["spodumene"]);

        // the EjectionCommand type as node-opcua sees it (1.04 DataTypeDefinition)
        const definition = await session.read({ nodeId: `ns=${(await session.readNamespaceArray()).indexOf(sorterNamespace)};i=3001`, attributeId: AttributeIds.DataTypeDefinition });
        assert.equal(definition.statusCode.value, StatusCodes.Good.value);
        assert.deepEqual(definition.value.value.fields.map((f) => f.name),
            ["SequenceNumber", "FirstValve", "LastValve", "EncoderStart", "EncoderEnd", "ClassIndex", "Confidence"]);
    });
});

test("calls every method with valid and invalid arguments", async () => {
    await withSession(async (session, { id }) => {
        const line = id("Line");
        const ok = async (name, args = []) => {
            const r = await call(session, line, id(`Line.${name}`), args);
            assert.equal(r.statusCode.value, StatusCodes.Good.value, `${name}: ${r.statusCode}`);
        };
        await ok("StopLine");
        assert.equal((await session.read({ nodeId: id("Line.State"), attributeId: AttributeIds.Value })).value.value, "Stopped");
        await ok("StartLine");
        await ok("ResetCounters");
        await ok("RequestRetrain", [{ dataType: DataType.String, value: "teacher disagreement" }]);
        await ok("RollbackModel", [{ dataType: DataType.String, value: "student-6" }]);
        await ok("CaptureDarkReference", [{ dataType: DataType.UInt32, value: 256 }]);
        await ok("CaptureWhiteReference", [{ dataType: DataType.UInt32, value: 256 }]);

        const outOfRange = await call(session, line, id("Line.CaptureDarkReference"), [{ dataType: DataType.UInt32, value: 0 }]);
        assert.equal(outOfRange.statusCode.value, StatusCodes.BadInvalidArgument.value);
        assert.deepEqual(outOfRange.inputArgumentResults.map((s) => s.value), [StatusCodes.BadOutOfRange.value]);

        const wrongType = await call(session, line, id("Line.CaptureWhiteReference"), [{ dataType: DataType.String, value: "256" }]);
        assert.equal(wrongType.statusCode.value, StatusCodes.BadInvalidArgument.value);
        assert.deepEqual(wrongType.inputArgumentResults.map((s) => s.value), [StatusCodes.BadTypeMismatch.value]);

        const missing = await call(session, line, id("Line.RollbackModel"), []);
        assert.equal(missing.statusCode.value, StatusCodes.BadArgumentsMissing.value);
        const tooMany = await call(session, line, id("Line.StartLine"), [{ dataType: DataType.UInt32, value: 1 }]);
        assert.equal(tooMany.statusCode.value, StatusCodes.BadTooManyArguments.value);
        const empty = await call(session, line, id("Line.RequestRetrain"), [{ dataType: DataType.String, value: "" }]);
        assert.equal(empty.statusCode.value, StatusCodes.BadInvalidArgument.value);
        const refused = await call(session, line, id("Line.RollbackModel"), [{ dataType: DataType.String, value: "no-such-model" }]);
        assert.equal(refused.statusCode.value, StatusCodes.BadInvalidState.value, "the host's status code reaches the client");
        const unknown = await call(session, line, id("Line.NoSuchMethod"), []);
        assert.equal(unknown.statusCode.value, StatusCodes.BadMethodInvalid.value);

        const definition = await session.getArgumentDefinition(id("Line.CaptureDarkReference"));
        assert.equal(definition.inputArguments.length, 1);
        assert.equal(definition.inputArguments[0].name, "LineCount");
        assert.equal(definition.inputArguments[0].dataType.value, DataType.UInt32);
    });

    await withSession(async (session, { id }) => {
        const denied = await call(session, id("Line"), id("Line.StartLine"));
        assert.equal(denied.statusCode.value, StatusCodes.BadUserAccessDenied.value, "anonymous may not call");
        const executable = await session.read({ nodeId: id("Line.StartLine"), attributeId: AttributeIds.UserExecutable });
        assert.equal(executable.value.value, false);
    }, null);
});

test("writes the configuration: valid values stick, invalid ones get BadOutOfRange and change nothing", async () => {
    await withSession(async (session, { id }) => {
        const write = async (name, dataType, value, arrayType) => (await session.write({
            nodeId: id(`Line.Configuration.${name}`), attributeId: AttributeIds.Value,
            value: { value: { dataType, value, ...(arrayType ? { arrayType } : {}) } },
        })).value;
        const read = async (name) => (await session.read({ nodeId: id(`Line.Configuration.${name}`), attributeId: AttributeIds.Value })).value.value;

        assert.equal(await write("EjectThreshold", DataType.Double, 0.8), StatusCodes.Good.value);
        assert.equal(await read("EjectThreshold"), 0.8);
        assert.equal(await write("EjectThreshold", DataType.Double, 1.5), StatusCodes.BadOutOfRange.value);
        assert.equal(await write("EjectThreshold", DataType.Double, -0.1), StatusCodes.BadOutOfRange.value);
        assert.equal(await read("EjectThreshold"), 0.8, "refused writes change nothing");

        assert.equal(await write("MinParticlePixels", DataType.UInt32, 40), StatusCodes.Good.value);
        assert.equal(await write("MinParticlePixels", DataType.UInt32, 0), StatusCodes.BadOutOfRange.value);
        assert.equal(await write("MinParticlePixels", DataType.Int32, 50), StatusCodes.BadTypeMismatch.value);
        assert.equal(await read("MinParticlePixels"), 40);

        assert.equal(await write("TargetClasses", DataType.String, ["spodumene", "lepidolite"], VariantArrayType.Array), StatusCodes.Good.value);
        assert.equal(await write("TargetClasses", DataType.String, ["quartz", "gold"], VariantArrayType.Array), StatusCodes.BadOutOfRange.value);
        assert.equal(await write("TargetClasses", DataType.String, ["quartz", "quartz"], VariantArrayType.Array), StatusCodes.BadOutOfRange.value);
        assert.deepEqual(Array.from(await read("TargetClasses")), ["spodumene", "lepidolite"]);
    });

    await withSession(async (session, { id }) => {
        const denied = await session.write({
            nodeId: id("Line.Configuration.EjectThreshold"), attributeId: AttributeIds.Value,
            value: { value: { dataType: DataType.Double, value: 0.1 } },
        });
        assert.equal(denied.value, StatusCodes.BadUserAccessDenied.value, "anonymous may not write");
        const level = await session.read({ nodeId: id("Line.Configuration.EjectThreshold"), attributeId: AttributeIds.UserAccessLevel });
        assert.equal(level.value.value & 2, 0, "UserAccessLevel shows no write for anonymous");
    }, null);
});

test("Publish/Republish: retained messages, acknowledgements and Bad_MessageNotAvailable", async () => {
    await withSession(async (session, { id }) => {
        const noSubscription = await new Promise((resolve) => session.publish(new PublishRequest({}), (err) => resolve(err)));
        assert.match(String(noSubscription?.message), /BadNoSubscription/);

        const created = await session.createSubscription({
            requestedPublishingInterval: 50, requestedLifetimeCount: 300, requestedMaxKeepAliveCount: 5, publishingEnabled: true,
        });
        assert.ok(created.revisedLifetimeCount >= 3 * created.revisedMaxKeepAliveCount);
        const items = await session.createMonitoredItems({
            subscriptionId: created.subscriptionId, timestampsToReturn: TimestampsToReturn.Both,
            itemsToCreate: [
                { itemToMonitor: { nodeId: id("Line.BeltSpeed"), attributeId: AttributeIds.Value }, monitoringMode: 2, requestedParameters: { clientHandle: 7, samplingInterval: 0, queueSize: 10, discardOldest: true } },
                { itemToMonitor: { nodeId: id("Line.BeltSpeed"), attributeId: AttributeIds.DisplayName }, monitoringMode: 2, requestedParameters: { clientHandle: 8, samplingInterval: 100, queueSize: 1, discardOldest: true } },
                { itemToMonitor: { nodeId: id("Line.NoSuchVariable"), attributeId: AttributeIds.Value }, monitoringMode: 2, requestedParameters: { clientHandle: 9, samplingInterval: 0, queueSize: 1, discardOldest: true } },
            ],
        });
        assert.deepEqual(items.results.map((r) => r.statusCode.value), [StatusCodes.Good.value, StatusCodes.Good.value, StatusCodes.BadNodeIdUnknown.value]);

        const publish = (acks = []) => new Promise((resolve, reject) => session.publish(
            new PublishRequest({ subscriptionAcknowledgements: acks, requestHeader: { timeoutHint: 10000 } }),
            (err, response) => (err ? reject(err) : resolve(response))));
        const first = await publish();
        assert.equal(first.subscriptionId, created.subscriptionId);
        const handles = first.notificationMessage.notificationData[0].monitoredItems.map((m) => m.clientHandle).sort();
        assert.deepEqual(handles, [7, 8], "initial values of both items");
        const seq = first.notificationMessage.sequenceNumber;
        assert.ok(first.availableSequenceNumbers.includes(seq));

        const again = await new Promise((resolve, reject) => session.republish(
            new RepublishRequest({ subscriptionId: created.subscriptionId, retransmitSequenceNumber: seq }),
            (err, response) => (err ? reject(err) : resolve(response))));
        assert.equal(again.notificationMessage.sequenceNumber, seq);

        const keepAlive = await publish([{ subscriptionId: created.subscriptionId, sequenceNumber: seq }]);
        assert.deepEqual(keepAlive.results.map((r) => r.value), [StatusCodes.Good.value]);
        assert.equal(keepAlive.notificationMessage.notificationData?.length ?? 0, 0, "keep-alive");
        assert.equal(keepAlive.notificationMessage.sequenceNumber, seq + 1, "a keep-alive carries the next sequence number");

        const gone = await new Promise((resolve) => session.republish(
            new RepublishRequest({ subscriptionId: created.subscriptionId, retransmitSequenceNumber: seq }), (err) => resolve(err)));
        assert.match(String(gone?.message), /BadMessageNotAvailable/);

        const modes = await session.setPublishingMode(false, [created.subscriptionId, 999999]);
        assert.deepEqual(modes.map((s) => s.value), [StatusCodes.Good.value, StatusCodes.BadSubscriptionIdInvalid.value]);
        const deleted = await session.deleteSubscriptions({ subscriptionIds: [created.subscriptionId] });
        assert.deepEqual(deleted.results.map((s) => s.value), [StatusCodes.Good.value]);
    });
});

test("decisions: a subscriber gets every command in order while a client that never publishes stalls nothing", async () => {
    // the stuck client: subscribes with a small queue and never sends Publish
    const stuckClient = createClient();
    await stuckClient.connect(url);
    const stuck = await stuckClient.createSession(operator);
    const ns = (await stuck.readNamespaceArray()).indexOf(sorterNamespace);
    const stuckSubscription = await stuck.createSubscription({
        requestedPublishingInterval: 100, requestedLifetimeCount: 100000, requestedMaxKeepAliveCount: 10, publishingEnabled: true,
    });
    const stuckItems = await stuck.createMonitoredItems({
        subscriptionId: stuckSubscription.subscriptionId, timestampsToReturn: TimestampsToReturn.Both,
        itemsToCreate: [{ itemToMonitor: { nodeId: `ns=${ns};s=Line.Decisions.LastCommand`, attributeId: AttributeIds.Value }, monitoringMode: 2,
            requestedParameters: { clientHandle: 1, samplingInterval: 0, queueSize: 100, discardOldest: true } }],
    });
    assert.equal(stuckItems.results[0].statusCode.value, StatusCodes.Good.value);

    try {
        await withSession(async (session, { id, testNs }) => {
            await getExtraDataTypeManager(session); // load EjectionCommand (DataTypeDefinition) before the flood
            const subscription = await session.createSubscription2({
                requestedPublishingInterval: 50, requestedLifetimeCount: 6000, requestedMaxKeepAliveCount: 20,
                maxNotificationsPerPublish: 0, publishingEnabled: true, priority: 10,
            });
            const received = [];
            const item = ClientMonitoredItem.create(subscription,
                { nodeId: id("Line.Decisions.LastCommand"), attributeId: AttributeIds.Value },
                { samplingInterval: 0, queueSize: decisionCount + 1000, discardOldest: true }, TimestampsToReturn.Both);
            item.on("changed", (dv) => { if (dv.value.value) received.push(dv.value.value); });
            const speeds = [];
            const speed = ClientMonitoredItem.create(subscription,
                { nodeId: id("Line.BeltSpeed"), attributeId: AttributeIds.Value },
                { samplingInterval: 0, queueSize: 10, discardOldest: true }, TimestampsToReturn.Both);
            speed.on("changed", (dv) => speeds.push(dv.value.value));
            await new Promise((r) => setTimeout(r, 300));

            const started = await call(session, `ns=${testNs};s=Test`, `ns=${testNs};s=Test.PublishDecisions`, [{ dataType: DataType.UInt32, value: decisionCount }]);
            assert.equal(started.statusCode.value, StatusCodes.Good.value);
            const deadline = Date.now() + 90000;
            while (received.length < decisionCount && Date.now() < deadline) {
                // other requests keep flowing while Publish requests wait on the server
                const dv = await session.read({ nodeId: id("Line.Decisions.PublishedCount"), attributeId: AttributeIds.Value });
                assert.equal(dv.statusCode.value, StatusCodes.Good.value);
                await new Promise((r) => setTimeout(r, 100));
            }
            assert.equal(received.length, decisionCount, "every decision arrived");
            received.forEach((d, i) => {
                const k = i + 1;
                assert.equal(uint64(d.sequenceNumber), k, `decision ${k} in order, no gap`);
                if (k % 997 === 0 || k === 1 || k === decisionCount) {
                    assert.equal(d.firstValve, k % 300);
                    assert.equal(d.lastValve, (k % 300) + 2);
                    assert.equal(int64(d.encoderStart), 1000 * k);
                    assert.equal(int64(d.encoderEnd), 1000 * k + 500);
                    assert.equal(d.classIndex, k % 4);
                    assert.equal(d.confidence, (k % 100) / 100);
                }
            });
            assert.ok(speeds.includes(2.5), `belt speed notifications: ${speeds}`);

            const counters = await call(session, `ns=${testNs};s=Test`, `ns=${testNs};s=Test.Counters`);
            const [published, dropped, discarded] = counters.outputArguments.map((v) => uint64(v.value));
            assert.equal(published, decisionCount);
            assert.equal(dropped, 0, "the pipeline was never blocked and nothing was dropped before publication");
            assert.ok(discarded >= decisionCount - 100, `the stuck client's queue overflowed on its own (${discarded} discarded)`);
            await subscription.terminate();
        });
    } finally {
        await stuck.close();
        await stuckClient.disconnect();
    }
});
