// Interop tests: node-opcua 2.186.4's OPCUAClient against SortLine's OPC UA server.
// Started by the C# test OpcUaInteropTests (tests/SortLine.OpcUa.Tests/Interop), which hosts the server on
// ephemeral ports and passes:
//   OPCUA_URL          server with anonymous on and one user
//   OPCUA_URL_NOANON   server with anonymous off
//   OPCUA_USER / OPCUA_PASSWORD  the configured user
//   OPCUA_NODE_COUNT   number of nodes in the first server's address space
//   OPCUA_NS           the sample namespace URI
//   OPCUA_APPLICATION_URI / OPCUA_APPLICATION_NAME / OPCUA_PRODUCT_URI  the first server's application description
// Run by hand: node --test server.test.mjs (with those variables set).
import { test, after } from "node:test";
import assert from "node:assert/strict";
import {
    OPCUAClient, MessageSecurityMode, SecurityPolicy, AttributeIds, BrowseDirection, NodeClass,
    StatusCodes, DataType, UserTokenType, makeBrowsePath, resolveNodeId,
    ApplicationType, ClientMonitoredItem, MonitoringMode, TimestampsToReturn,
} from "node-opcua";

const url = process.env.OPCUA_URL;
const urlNoAnonymous = process.env.OPCUA_URL_NOANON;
const user = process.env.OPCUA_USER;
const password = process.env.OPCUA_PASSWORD;
const nodeCount = Number(process.env.OPCUA_NODE_COUNT);
const sampleNamespace = process.env.OPCUA_NS;
const applicationUri = process.env.OPCUA_APPLICATION_URI;
const applicationName = process.env.OPCUA_APPLICATION_NAME;
const productUri = process.env.OPCUA_PRODUCT_URI;
assert.ok(url && urlNoAnonymous && user && password && nodeCount && sampleNamespace && applicationUri && applicationName && productUri,
    "OPCUA_* environment variables are required");
const operator = { type: UserTokenType.UserName, userName: user, password };

/** Polls `predicate` until it holds; fails naming `what` after 20 s. */
async function until(predicate, what) {
    const deadline = Date.now() + 20000;
    while (!predicate()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 20));
    }
}

const clients = [];
function createClient(extra = {}) {
    const client = OPCUAClient.create({
        applicationName: "SortLineInterop",
        endpointMustExist: false,
        connectionStrategy: { maxRetry: 0, initialDelay: 100, maxDelay: 200 },
        securityMode: MessageSecurityMode.None,
        securityPolicy: SecurityPolicy.None,
        requestedSessionTimeout: 60000,
        ...extra,
    });
    clients.push(client);
    return client;
}

async function withSession(fn, { identity, clientOptions, target = url } = {}) {
    const client = createClient(clientOptions);
    await client.connect(target);
    try {
        const session = identity ? await client.createSession(identity) : await client.createSession();
        try {
            return await fn(session, client);
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

async function browseAll(session, nodeId) {
    const refs = [];
    let result = await session.browse({
        nodeId, browseDirection: BrowseDirection.Forward, referenceTypeId: "HierarchicalReferences",
        includeSubtypes: true, nodeClassMask: 0, resultMask: 63,
    });
    assert.equal(result.statusCode.value, StatusCodes.Good.value, `browse ${nodeId}: ${result.statusCode}`);
    refs.push(...(result.references ?? []));
    while (result.continuationPoint && result.continuationPoint.length > 0) {
        result = await session.browseNext(result.continuationPoint, false);
        assert.equal(result.statusCode.value, StatusCodes.Good.value, `browseNext ${nodeId}: ${result.statusCode}`);
        refs.push(...(result.references ?? []));
    }
    return refs;
}

test("GetEndpoints offers SecurityPolicy None with anonymous and user name tokens", async () => {
    const client = createClient();
    await client.connect(url);
    try {
        const endpoints = await client.getEndpoints();
        assert.equal(endpoints.length, 1);
        assert.equal(endpoints[0].securityPolicyUri, SecurityPolicy.None);
        const types = endpoints[0].userIdentityTokens.map((t) => t.tokenType).sort();
        assert.deepEqual(types, [UserTokenType.Anonymous, UserTokenType.UserName]);
    } finally {
        await client.disconnect();
    }
});

test("browses the whole tree from RootFolder (with continuation points) and reaches every node", async () => {
    await withSession(async (session) => {
        session.requestedMaxReferencesPerNode = 3; // forces BrowseNext on most folders
        const seen = new Set(["ns=0;i=84"]);
        const queue = [resolveNodeId("RootFolder")];
        while (queue.length > 0) {
            const nodeId = queue.shift();
            for (const ref of await browseAll(session, nodeId)) {
                const id = ref.nodeId.toString();
                assert.ok(ref.browseName.name, `browse name of ${id}`);
                assert.notEqual(ref.nodeClass, NodeClass.Unspecified, `node class of ${id}`);
                if (!seen.has(id)) {
                    seen.add(id);
                    queue.push(ref.nodeId);
                }
            }
        }
        assert.equal(seen.size, nodeCount, "every node is reachable from RootFolder");
    });
});

test("reads ServerStatus, NamespaceArray, and the value of every variable", async () => {
    await withSession(async (session) => {
        const status = await session.read({ nodeId: "i=2256", attributeId: AttributeIds.Value });
        assert.equal(status.statusCode.value, StatusCodes.Good.value);
        assert.equal(status.value.value.state, 0, "ServerState Running");
        assert.equal(status.value.value.buildInfo.productName, "SortLine OPC UA Server");
        const state = await session.read({ nodeId: "i=2259", attributeId: AttributeIds.Value });
        assert.equal(state.value.value, 0);
        const namespaces = await session.readNamespaceArray();
        assert.equal(namespaces[0], "http://opcfoundation.org/UA/");
        assert.ok(namespaces.includes(sampleNamespace));

        // every variable under Objects: Value plus the attributes a generic client asks for
        const variables = [];
        const queue = [resolveNodeId("ObjectsFolder")];
        const seen = new Set();
        while (queue.length > 0) {
            const nodeId = queue.shift();
            for (const ref of await browseAll(session, nodeId)) {
                const id = ref.nodeId.toString();
                if (seen.has(id)) continue;
                seen.add(id);
                if (ref.nodeClass === NodeClass.Variable) variables.push(ref.nodeId);
                queue.push(ref.nodeId);
            }
        }
        assert.ok(variables.length > 40, `found ${variables.length} variables`);
        const attributes = [AttributeIds.Value, AttributeIds.DataType, AttributeIds.ValueRank, AttributeIds.AccessLevel,
            AttributeIds.UserAccessLevel, AttributeIds.MinimumSamplingInterval, AttributeIds.Historizing, AttributeIds.DisplayName,
            AttributeIds.BrowseName, AttributeIds.NodeClass, AttributeIds.Description, AttributeIds.WriteMask];
        const results = await session.read(variables.flatMap((nodeId) => attributes.map((attributeId) => ({ nodeId, attributeId }))));
        results.forEach((dv, i) => {
            assert.equal(dv.statusCode.value, StatusCodes.Good.value,
                `${variables[Math.floor(i / attributes.length)]} attribute ${attributes[i % attributes.length]}: ${dv.statusCode}`);
        });
        const wrong = await session.read({ nodeId: "i=85", attributeId: AttributeIds.Value });
        assert.equal(wrong.statusCode.value, StatusCodes.BadAttributeIdInvalid.value, "Objects has no Value attribute");
        const unknown = await session.read({ nodeId: "ns=1;i=999999", attributeId: AttributeIds.Value });
        assert.equal(unknown.statusCode.value, StatusCodes.BadNodeIdUnknown.value);
    });
});

test("translates browse paths", async () => {
    await withSession(async (session) => {
        const result = await session.translateBrowsePath(makeBrowsePath("RootFolder", "/Objects/Server.ServerStatus.BuildInfo.ProductName"));
        assert.equal(result.statusCode.value, StatusCodes.Good.value);
        assert.equal(result.targets[0].targetId.toString(), "ns=0;i=2261");
        const missing = await session.translateBrowsePath(makeBrowsePath("RootFolder", "/Objects/NoSuchNode"));
        assert.equal(missing.statusCode.value, StatusCodes.BadNoMatch.value);
    });
});

test("writes a valid value, and refuses out-of-range, wrong-type and read-only writes", async () => {
    await withSession(async (session) => {
        const ns = (await session.readNamespaceArray()).indexOf(sampleNamespace);
        const speed = `ns=${ns};s=Line1.BeltSpeed`;
        const ok = await session.write({ nodeId: speed, attributeId: AttributeIds.Value, value: { value: { dataType: DataType.Double, value: 2.5 } } });
        assert.equal(ok.value, StatusCodes.Good.value);
        assert.equal((await session.read({ nodeId: speed, attributeId: AttributeIds.Value })).value.value, 2.5);

        const outOfRange = await session.write({ nodeId: speed, attributeId: AttributeIds.Value, value: { value: { dataType: DataType.Double, value: 99 } } });
        assert.equal(outOfRange.value, StatusCodes.BadOutOfRange.value);
        assert.equal((await session.read({ nodeId: speed, attributeId: AttributeIds.Value })).value.value, 2.5, "rejected write changes nothing");

        const wrongType = await session.write({ nodeId: speed, attributeId: AttributeIds.Value, value: { value: { dataType: DataType.String, value: "fast" } } });
        assert.equal(wrongType.value, StatusCodes.BadTypeMismatch.value);

        const readOnly = await session.write({ nodeId: `ns=${ns};s=Line1.Throughput`, attributeId: AttributeIds.Value, value: { value: { dataType: DataType.Double, value: 1 } } });
        assert.equal(readOnly.value, StatusCodes.BadNotWritable.value);

        // a write without a data type makes node-opcua read DataType and follow HasSubtype to a built-in type
        const inferred = await session.writeSingleNode(speed, { dataType: DataType.Double, value: 1.25 });
        assert.equal(inferred.value, StatusCodes.Good.value);
    }, { identity: { type: UserTokenType.UserName, userName: user, password } });

    await withSession(async (session) => {
        const ns = (await session.readNamespaceArray()).indexOf(sampleNamespace);
        const denied = await session.write({ nodeId: `ns=${ns};s=Line1.BeltSpeed`, attributeId: AttributeIds.Value, value: { value: { dataType: DataType.Double, value: 2 } } });
        assert.equal(denied.value, StatusCodes.BadUserAccessDenied.value, "anonymous sessions read but do not write");
    });
});

test("user name and password: right password works, wrong one is refused", async () => {
    await withSession(async (session) => {
        const dv = await session.read({ nodeId: "i=2259", attributeId: AttributeIds.Value });
        assert.equal(dv.statusCode.value, StatusCodes.Good.value);
    }, { identity: { type: UserTokenType.UserName, userName: user, password } });

    const client = createClient();
    await client.connect(url);
    try {
        await assert.rejects(
            client.createSession({ type: UserTokenType.UserName, userName: user, password: password + "x" }),
            /BadIdentityTokenRejected|BadUserAccessDenied/);
    } finally {
        await client.disconnect();
    }
});

test("anonymous is refused when switched off", async () => {
    const client = createClient();
    await client.connect(urlNoAnonymous);
    try {
        const endpoints = await client.getEndpoints();
        assert.deepEqual(endpoints[0].userIdentityTokens.map((t) => t.tokenType), [UserTokenType.UserName]);
        await assert.rejects(client.createSession());
    } finally {
        await client.disconnect();
    }
    await withSession(async (session) => {
        const dv = await session.read({ nodeId: "i=2259", attributeId: AttributeIds.Value });
        assert.equal(dv.statusCode.value, StatusCodes.Good.value);
    }, { identity: { type: UserTokenType.UserName, userName: user, password }, target: urlNoAnonymous });
});

test("survives secure channel token renewals", async () => {
    await withSession(async (session, client) => {
        let renewals = 0;
        client.on("security_token_renewed", () => { renewals++; });
        const deadline = Date.now() + 4000;
        while (renewals < 2 && Date.now() < deadline) {
            const dv = await session.read({ nodeId: "i=2258", attributeId: AttributeIds.Value });
            assert.equal(dv.statusCode.value, StatusCodes.Good.value);
            await new Promise((r) => setTimeout(r, 50));
        }
        assert.ok(renewals >= 2, `renewals: ${renewals}`);
        const dv = await session.read({ nodeId: "i=2258", attributeId: AttributeIds.Value });
        assert.equal(dv.statusCode.value, StatusCodes.Good.value);
    }, { clientOptions: { defaultSecureTokenLifetime: 1000, tokenRenewalInterval: 400 } });
});

test("FindServers describes this server (no session needed) and honours the serverUris filter", async () => {
    const client = createClient();
    await client.connect(url);
    try {
        const servers = await client.findServers();
        assert.equal(servers.length, 1);
        const [server] = servers;
        assert.equal(server.applicationUri, applicationUri);
        assert.equal(server.productUri, productUri);
        assert.equal(server.applicationName.text, applicationName);
        assert.equal(server.applicationType, ApplicationType.Server);
        assert.deepEqual(server.discoveryUrls, [url], "the URL the client dialled");

        const named = await client.findServers({ serverUris: ["urn:somewhere:else", applicationUri] });
        assert.deepEqual(named.map((s) => s.applicationUri), [applicationUri]);
        assert.deepEqual(await client.findServers({ serverUris: ["urn:somewhere:else"] }), []);
    } finally {
        await client.disconnect();
    }

    const closed = createClient();
    await closed.connect(urlNoAnonymous);
    try {
        assert.equal((await closed.findServers()).length, 1, "anonymous off: FindServers still answers without a session");
    } finally {
        await closed.disconnect();
    }
});

test("ModifySubscription, ModifyMonitoredItems and SetMonitoringMode change what the client receives", async () => {
    await withSession(async (session) => {
        const ns = (await session.readNamespaceArray()).indexOf(sampleNamespace);
        const speed = `ns=${ns};s=Line1.BeltSpeed`;
        const setSpeed = async (value) => {
            const status = await session.write({ nodeId: speed, attributeId: AttributeIds.Value, value: { value: { dataType: DataType.Double, value } } });
            assert.equal(status.value, StatusCodes.Good.value, `write ${value}`);
        };
        await setSpeed(1);
        const subscription = await session.createSubscription2({
            requestedPublishingInterval: 50, requestedLifetimeCount: 600, requestedMaxKeepAliveCount: 10,
            maxNotificationsPerPublish: 0, publishingEnabled: true, priority: 1,
        });
        try {
            // ModifySubscription: revised values (lifetime raised to 3 x keep-alive), and the client follows them
            const modified = await subscription.modify({ requestedPublishingInterval: 100, requestedLifetimeCount: 60, requestedMaxKeepAliveCount: 30 });
            assert.equal(modified.revisedPublishingInterval, 100);
            assert.equal(modified.revisedMaxKeepAliveCount, 30);
            assert.equal(modified.revisedLifetimeCount, 90, "lifetime count raised to three keep-alive counts");
            assert.equal(subscription.publishingInterval, 100);
            await assert.rejects(session.modifySubscription({
                subscriptionId: 999999, requestedPublishingInterval: 100, requestedLifetimeCount: 60, requestedMaxKeepAliveCount: 10,
                maxNotificationsPerPublish: 0, priority: 1,
            }), /BadSubscriptionIdInvalid/);

            const values = [];
            const item = ClientMonitoredItem.create(subscription, { nodeId: speed, attributeId: AttributeIds.Value },
                { samplingInterval: 0, queueSize: 10, discardOldest: true }, TimestampsToReturn.Both);
            item.on("changed", (dv) => values.push(dv.value.value));
            await new Promise((resolve, reject) => { item.once("initialized", resolve); item.once("err", reject); });
            await until(() => values.length === 1, "the initial value");
            assert.deepEqual(values, [1]);

            // ModifyMonitoredItems: -1 → the publishing interval; queue size 0 → 1
            const timed = await item.modify({ samplingInterval: -1, queueSize: 0, discardOldest: true });
            assert.equal(timed.statusCode.value, StatusCodes.Good.value);
            assert.equal(timed.revisedSamplingInterval, 100);
            assert.equal(timed.revisedQueueSize, 1);
            const single = await item.modify({ samplingInterval: 0, queueSize: 1, discardOldest: true });
            assert.equal(single.revisedSamplingInterval, 0, "every change");
            assert.equal(single.revisedQueueSize, 1);

            // SetMonitoringMode Sampling: changes queue (one slot: the newest) but are not reported until Reporting
            assert.equal((await item.setMonitoringMode(MonitoringMode.Sampling)).value, StatusCodes.Good.value);
            const beforeReporting = values.length;
            await setSpeed(2);
            await setSpeed(3);
            await new Promise((r) => setTimeout(r, 500)); // five publishing intervals: Reporting would have sent 3 by now
            assert.equal(values.length, beforeReporting, "Sampling reports nothing");
            assert.equal((await item.setMonitoringMode(MonitoringMode.Reporting)).value, StatusCodes.Good.value);
            await until(() => values.length > beforeReporting, "the sampled value");
            assert.deepEqual(values.slice(beforeReporting), [3], "a queue of 1 kept only the newest sample");

            // back to a queue of 10; Disabled: changes are not even sampled; Reporting again: the current value
            const wide = await item.modify({ samplingInterval: 0, queueSize: 10, discardOldest: true });
            assert.equal(wide.revisedQueueSize, 10);
            assert.equal((await item.setMonitoringMode(MonitoringMode.Disabled)).value, StatusCodes.Good.value);
            const beforeDisabled = values.length;
            await setSpeed(4);
            await setSpeed(5);
            assert.equal((await item.setMonitoringMode(MonitoringMode.Reporting)).value, StatusCodes.Good.value);
            await until(() => values.length > beforeDisabled, "the current value after Disabled");
            await setSpeed(1.5);
            await until(() => values.at(-1) === 1.5, "a change after Reporting resumed");
            assert.deepEqual(values.slice(beforeDisabled), [5, 1.5], "nothing from while Disabled, then the current value, then every change");

            // unknown ids: per-item results
            const modes = await session.setMonitoringMode({
                subscriptionId: subscription.subscriptionId, monitoringMode: MonitoringMode.Reporting, monitoredItemIds: [item.monitoredItemId, 999999],
            });
            assert.deepEqual(modes.results.map((s) => s.value), [StatusCodes.Good.value, StatusCodes.BadMonitoredItemIdInvalid.value]);
            const changes = await session.modifyMonitoredItems({
                subscriptionId: subscription.subscriptionId, timestampsToReturn: TimestampsToReturn.Both,
                itemsToModify: [
                    { monitoredItemId: 999999, requestedParameters: { clientHandle: 1, samplingInterval: 0, queueSize: 1, discardOldest: true } },
                    { monitoredItemId: item.monitoredItemId, requestedParameters: { clientHandle: item.monitoringParameters.clientHandle, samplingInterval: 0, queueSize: 5, discardOldest: true } },
                ],
            });
            assert.deepEqual(changes.results.map((r) => r.statusCode.value), [StatusCodes.BadMonitoredItemIdInvalid.value, StatusCodes.Good.value]);
            assert.equal(changes.results[1].revisedQueueSize, 5);
        } finally {
            await subscription.terminate();
        }
    }, { identity: operator });
});
