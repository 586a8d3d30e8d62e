#!/usr/bin/env node
// Writes the OPC UA Binary golden files that SortLine.OpcUa.Tests compares byte for byte
// (tests/golden/opcua/<case>.bin plus a hex <case>.txt beside it), using node-opcua's own encoders
// as the reference implementation. The C# tests build the same values independently; keep the two
// lists in step (case names are the contract).
//
// Usage (from tests/interop):   npm ci && node golden/encode.js ../golden/opcua
// The .NET test run never needs Node: the outputs are committed.
"use strict";

const fs = require("fs");
const path = require("path");

const { BinaryStream } = require("node-opcua-binary-stream");
const bt = require("node-opcua-basic-types");
const { NodeId, NodeIdType, ExpandedNodeId } = require("node-opcua-nodeid");
const { Variant, DataType, VariantArrayType, encodeVariant } = require("node-opcua-variant");
const { DataValue, encodeDataValue } = require("node-opcua-data-value");
const { StatusCodes } = require("node-opcua-status-code");
const {
    LocalizedText, encodeLocalizedText, QualifiedName, encodeQualifiedName,
    DiagnosticInfo, encodeDiagnosticInfo,
} = require("node-opcua-data-model");
const { OpaqueStructure, encodeExtensionObject } = require("node-opcua-extension-object");
const { HelloMessage, AcknowledgeMessage, TCPErrorMessage, packTcpMessage } = require("node-opcua-transport");

const outDir = path.resolve(process.argv[2] || path.join(__dirname, "..", "..", "golden", "opcua"));
fs.mkdirSync(outDir, { recursive: true });

/** Splits a BigInt into node-opcua's [high, low] UInt32 pair used for Int64/UInt64. */
function hiLo(big) {
    const u = BigInt.asUintN(64, big);
    return [Number(u >> 32n), Number(u & 0xffffffffn)];
}

function encodeWith(fn) {
    const stream = new BinaryStream(1 << 16);
    fn(stream);
    return Buffer.from(stream.buffer.subarray(0, stream.length));
}

const guidText = "72962B91-FA75-4AE6-8D28-B404DC7DAF63";
const t2024 = new Date(Date.UTC(2024, 0, 1, 12, 34, 56, 789));
const t2025 = new Date(Date.UTC(2025, 5, 30, 23, 59, 58, 1));

const cases = {
    // --- primitives (OPC 10000-6 5.2.2.1 - 5.2.2.5)
    boolean_true: (s) => bt.encodeBoolean(true, s),
    sbyte_min: (s) => bt.encodeSByte(-128, s),
    byte_max: (s) => bt.encodeByte(255, s),
    int16_negative: (s) => bt.encodeInt16(-12345, s),
    uint16_value: (s) => bt.encodeUInt16(54321, s),
    int32_min: (s) => bt.encodeInt32(-2147483648, s),
    uint32_value: (s) => bt.encodeUInt32(4000000000, s),
    int64_negative: (s) => bt.encodeInt64(hiLo(-1234567890123456789n), s),
    uint64_large: (s) => bt.encodeUInt64(hiLo(18000000000000000000n), s),
    float_value: (s) => bt.encodeFloat(3.14159, s),
    double_value: (s) => bt.encodeDouble(-2.5e-300, s),
    // --- strings (5.2.2.4, 5.2.2.7, 5.2.2.8)
    string_utf8: (s) => bt.encodeString("Sortierlinie \u2603 \u00c4\u00d6\u00dc", s),
    string_null: (s) => bt.encodeString(null, s),
    string_empty: (s) => bt.encodeString("", s),
    bytestring_value: (s) => bt.encodeByteString(Buffer.from([0x00, 0x01, 0x02, 0xff]), s),
    bytestring_null: (s) => bt.encodeByteString(null, s),
    xmlelement_value: (s) => bt.encodeString("<a>b</a>", s),
    // --- DateTime, Guid (5.2.2.5, 5.2.2.6)
    datetime_2024: (s) => bt.encodeDateTime(t2024, s),
    guid_value: (s) => bt.encodeGuid(guidText, s),
    // --- NodeId forms (5.2.2.9)
    nodeid_twobyte: (s) => bt.encodeNodeId(new NodeId(NodeIdType.NUMERIC, 85, 0), s),
    nodeid_fourbyte: (s) => bt.encodeNodeId(new NodeId(NodeIdType.NUMERIC, 2258, 0), s),
    nodeid_fourbyte_ns: (s) => bt.encodeNodeId(new NodeId(NodeIdType.NUMERIC, 1025, 5), s),
    nodeid_numeric: (s) => bt.encodeNodeId(new NodeId(NodeIdType.NUMERIC, 70000, 1), s),
    nodeid_string: (s) => bt.encodeNodeId(new NodeId(NodeIdType.STRING, "Line1", 2), s),
    nodeid_guid: (s) => bt.encodeNodeId(new NodeId(NodeIdType.GUID, guidText, 3), s),
    nodeid_bytestring: (s) => bt.encodeNodeId(new NodeId(NodeIdType.BYTESTRING, Buffer.from([0xde, 0xad, 0xbe, 0xef]), 4), s),
    // --- ExpandedNodeId (5.2.2.10)
    expandednodeid_uri_server: (s) => bt.encodeExpandedNodeId(
        new ExpandedNodeId(NodeIdType.NUMERIC, 70000, 0, "urn:sortline:model", 7), s),
    // node-opcua never uses the compact forms once a flag is set; SortLine's encoder does (both are
    // legal), so this case is compared on decode only.
    expandednodeid_server_only: (s) => bt.encodeExpandedNodeId(
        new ExpandedNodeId(NodeIdType.NUMERIC, 85, 0, null, 2), s),
    // --- StatusCode, QualifiedName, LocalizedText (5.2.2.11 - 5.2.2.14)
    statuscode_bad_nodeid_unknown: (s) => bt.encodeStatusCode(StatusCodes.BadNodeIdUnknown, s),
    qualifiedname_value: (s) => encodeQualifiedName(new QualifiedName({ namespaceIndex: 2, name: "Sorter" }), s),
    localizedtext_locale_text: (s) => encodeLocalizedText(new LocalizedText({ locale: "de-DE", text: "F\u00f6rderband" }), s),
    localizedtext_text_only: (s) => encodeLocalizedText(new LocalizedText({ text: "Belt" }), s),
    // --- ExtensionObject (5.2.2.15)
    extensionobject_binary: (s) => encodeExtensionObject(
        new OpaqueStructure(new NodeId(NodeIdType.NUMERIC, 864, 0), Buffer.from([0x01, 0x02, 0x03, 0x04, 0x05])), s),
    extensionobject_none: (s) => encodeExtensionObject(null, s),
    // --- Variant (5.2.2.16)
    variant_null: (s) => encodeVariant(new Variant({ dataType: DataType.Null }), s),
    variant_int32: (s) => encodeVariant(new Variant({ dataType: DataType.Int32, value: 5 }), s),
    variant_string: (s) => encodeVariant(new Variant({ dataType: DataType.String, value: "ore" }), s),
    variant_double_array: (s) => encodeVariant(new Variant({
        dataType: DataType.Double, arrayType: VariantArrayType.Array, value: new Float64Array([1.5, -0.25, 1e10]),
    }), s),
    variant_string_array: (s) => encodeVariant(new Variant({
        dataType: DataType.String, arrayType: VariantArrayType.Array, value: ["a", null, ""],
    }), s),
    variant_int32_matrix: (s) => encodeVariant(new Variant({
        dataType: DataType.Int32, arrayType: VariantArrayType.Matrix, dimensions: [2, 3],
        value: new Int32Array([1, 2, 3, 4, 5, 6]),
    }), s),
    variant_bytestring: (s) => encodeVariant(new Variant({ dataType: DataType.ByteString, value: Buffer.from([9, 8, 7]) }), s),
    variant_localizedtext: (s) => encodeVariant(new Variant({
        dataType: DataType.LocalizedText, value: new LocalizedText({ locale: "en", text: "Quartz" }),
    }), s),
    variant_nodeid: (s) => encodeVariant(new Variant({ dataType: DataType.NodeId, value: new NodeId(NodeIdType.STRING, "Line1", 2) }), s),
    variant_datetime: (s) => encodeVariant(new Variant({ dataType: DataType.DateTime, value: t2024 }), s),
    variant_variant_array: (s) => encodeVariant(new Variant({
        dataType: DataType.Variant, arrayType: VariantArrayType.Array,
        value: [new Variant({ dataType: DataType.Boolean, value: true }), new Variant({ dataType: DataType.UInt16, value: 7 })],
    }), s),
    // --- DataValue (5.2.2.17)
    datavalue_bool_source: (s) => encodeDataValue(new DataValue({
        value: { dataType: DataType.Boolean, value: true }, sourceTimestamp: new Date(Date.UTC(2024, 0, 1)),
    }), s),
    // node-opcua's picosecond fields count picoseconds; on the wire they are (p % 100000) / 10, i.e. 10-ps units.
    datavalue_all_fields: (s) => encodeDataValue(new DataValue({
        value: { dataType: DataType.Double, value: 42.125 },
        statusCode: StatusCodes.UncertainInitialValue,
        sourceTimestamp: t2024, sourcePicoseconds: 12340,
        serverTimestamp: t2025, serverPicoseconds: 99990,
    }), s),
    // --- DiagnosticInfo (5.2.2.12)
    diagnosticinfo_nested: (s) => encodeDiagnosticInfo(new DiagnosticInfo({
        symbolicId: 1, namespaceURI: 2, locale: 3, localizedText: 4,
        additionalInfo: "valve 17 stuck", innerStatusCode: StatusCodes.BadTimeout,
        innerDiagnosticInfo: new DiagnosticInfo({ symbolicId: 5, additionalInfo: "inner" }),
    }), s),
};

// --- UA TCP messages (OPC 10000-6 7.1.2), complete with the 8-byte header
const messages = {
    hel_message: () => packTcpMessage("HEL", new HelloMessage({
        protocolVersion: 0, receiveBufferSize: 65536, sendBufferSize: 65536,
        maxMessageSize: 0, maxChunkCount: 0, endpointUrl: "opc.tcp://localhost:4840",
    })),
    ack_message: () => packTcpMessage("ACK", new AcknowledgeMessage({
        protocolVersion: 0, receiveBufferSize: 65536, sendBufferSize: 32768,
        maxMessageSize: 16777216, maxChunkCount: 5000,
    })),
    err_message: () => packTcpMessage("ERR", new TCPErrorMessage({
        statusCode: StatusCodes.BadTcpMessageTooLarge, reason: "chunk too large",
    })),
};

function hex(buf) {
    const lines = [];
    for (let i = 0; i < buf.length; i += 16) {
        lines.push(buf.subarray(i, i + 16).toString("hex").replace(/(..)(?!$)/g, "$1 "));
    }
    return lines.join("\n") + "\n";
}

function write(name, buf) {
    fs.writeFileSync(path.join(outDir, `${name}.bin`), buf);
    fs.writeFileSync(path.join(outDir, `${name}.txt`), hex(buf));
}

for (const [name, fn] of Object.entries(cases)) write(name, encodeWith(fn));
for (const [name, fn] of Object.entries(messages)) write(name, Buffer.from(fn()));

// Status code values as node-opcua defines them, for StatusCodeTests.
const statusNames = [
    "Good", "UncertainInitialValue", "BadDecodingError", "BadEncodingError", "BadEncodingLimitsExceeded",
    "BadTcpMessageTooLarge", "BadTcpMessageTypeInvalid", "BadTcpSecureChannelUnknown",
    "BadSecureChannelIdInvalid", "BadSequenceNumberInvalid", "BadServiceUnsupported", "BadTimeout",
    "BadCommunicationError", "BadProtocolVersionUnsupported", "BadTcpEndpointUrlInvalid",
    "BadTcpNotEnoughResources", "BadTcpInternalError", "BadNodeIdUnknown", "BadAttributeIdInvalid",
    "BadTypeMismatch", "BadOutOfRange", "BadNotWritable", "BadUserAccessDenied", "BadIdentityTokenInvalid",
    "BadIdentityTokenRejected", "BadSessionIdInvalid", "BadSessionNotActivated", "BadSubscriptionIdInvalid",
    "BadMonitoredItemIdInvalid", "BadNothingToDo", "BadTooManyOperations", "BadMethodInvalid",
    "BadArgumentsMissing", "BadInvalidArgument", "BadNoSubscription", "BadSequenceNumberUnknown",
    "BadMessageNotAvailable", "BadTooManyPublishRequests", "GoodSubscriptionTransferred",
    "BadTooManySessions", "BadNoContinuationPoints", "BadContinuationPointInvalid", "BadReferenceTypeIdInvalid", "BadBrowseDirectionInvalid", "BadNoMatch", "BadMaxAgeInvalid", "BadTimestampsToReturnInvalid", "BadSecureChannelClosed", "BadSecureChannelTokenUnknown", "BadIndexRangeInvalid", "BadIndexRangeNoData", "BadNotSupported", "BadSecurityPolicyRejected", "BadSecurityModeRejected", "BadRequestHeaderInvalid", "BadWriteNotSupported", "BadNonceInvalid", "BadSecurityChecksFailed", "BadTcpServerTooBusy", "BadBrowseNameInvalid", "BadDataEncodingInvalid", "BadDataEncodingUnsupported", "BadNodeClassInvalid", "BadServerHalted", "BadShutdown", "BadViewIdUnknown",
    "BadMonitoringModeInvalid", "BadMonitoredItemFilterInvalid", "BadMonitoredItemFilterUnsupported", "BadFilterNotAllowed", "BadDeadbandFilterInvalid", "BadTooManySubscriptions", "BadTooManyMonitoredItems", "BadTooManyArguments", "BadNotExecutable", "BadInvalidState", "BadNotImplemented",
];
const statusValues = {};
for (const n of statusNames) {
    if (!StatusCodes[n]) throw new Error(`node-opcua has no status code ${n}`);
    statusValues[n] = StatusCodes[n].value;
}
fs.writeFileSync(path.join(outDir, "statuscodes.json"), JSON.stringify(statusValues, null, 2) + "\n");

console.log(`wrote ${Object.keys(cases).length + Object.keys(messages).length} cases to ${outDir}`);
