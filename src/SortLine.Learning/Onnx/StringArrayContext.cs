using System.Text.Json.Serialization;

namespace SortLine.Learning.Onnx;

/// <summary>Source-generated JSON for the string arrays in ONNX metadata (no reflection).</summary>
[JsonSerializable(typeof(string[]))]
internal sealed partial class StringArrayContext : JsonSerializerContext;
