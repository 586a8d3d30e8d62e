using FsCheck;
using FsCheck.Fluent;
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Tests.Encoding;

/// <summary>FsCheck generators for every built-in type, restricted to values that have exactly one encoding.</summary>
internal static class UaGen
{
    private static readonly char[] Chars = ['a', 'Z', '0', ' ', 'ä', 'ß', '€', '☃', '\u0000', '漢'];

    public static Gen<bool> Bool => Gen.Elements(true, false);

    public static Gen<int> Int32 => Gen.Frequency(
        (3, Gen.Choose(-1000, 1000)),
        (3, Gen.Choose(int.MinValue, int.MaxValue)),
        (1, Gen.Elements(int.MinValue, int.MaxValue, 0, -1)));

    public static Gen<uint> UInt32 => Int32.Select(i => unchecked((uint)i));

    public static Gen<long> Int64 => Gen.Zip(Int32, Int32, (hi, lo) => ((long)hi << 32) | (uint)lo);

    public static Gen<ulong> UInt64 => Int64.Select(l => unchecked((ulong)l));

    public static Gen<ushort> UInt16 => Gen.Choose(0, ushort.MaxValue).Select(i => (ushort)i);

    public static Gen<byte> Byte => Gen.Choose(0, 255).Select(i => (byte)i);

    public static Gen<double> Double => Gen.Frequency(
        (3, Int64.Select(BitConverter.Int64BitsToDouble)),
        (1, Gen.Elements(0.0, -0.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, 1.5)));

    public static Gen<float> Float => Int32.Select(BitConverter.Int32BitsToSingle);

    public static Gen<string> NonNullString =>
        Gen.Sized(size => Gen.Choose(0, Math.Min(size, 24)).SelectMany(n =>
            Gen.OneOf(Gen.Elements(Chars).Select(c => c.ToString()), Gen.Constant("𝄞")).ArrayOf(n).Select(string.Concat)));

    public static Gen<string?> String => Gen.Frequency((1, Gen.Constant<string?>(null)), (6, NonNullString.Select(s => (string?)s)));

    public static Gen<byte[]> NonNullBytes => Gen.Sized(size => Gen.Choose(0, Math.Min(size, 32)).SelectMany(n => Byte.ArrayOf(n)));

    public static Gen<byte[]?> ByteString => Gen.Frequency((1, Gen.Constant<byte[]?>(null)), (6, NonNullBytes.Select(b => (byte[]?)b)));

    /// <summary>UTC DateTimes strictly inside the encodable range, plus the clamped sentinels MinValue/MaxValue.</summary>
    public static Gen<DateTime> DateTime => Gen.Frequency(
        (8, Gen.Zip(Gen.Choose(0, int.MaxValue), Gen.Choose(0, int.MaxValue), (hi, lo) =>
            new DateTime(UaDateTime.EpochTicks + 1 + ((((long)hi << 31) | (uint)lo) % (UaDateTime.MaxEncodable.Ticks - UaDateTime.EpochTicks - 2)), DateTimeKind.Utc))),
        (1, Gen.Elements(UaDateTime.MinValue, UaDateTime.MaxValue)));

    public static Gen<Guid> Guid => Byte.ArrayOf(16).Select(b => new Guid(b));

    public static Gen<NodeId> NodeId => Gen.OneOf(
        Gen.Choose(0, 255).Select(i => new NodeId((uint)i)),
        Gen.Zip(Gen.Choose(0, 255), UInt16, (ns, id) => new NodeId(id, (ushort)ns)),
        Gen.Zip(UInt16, UInt32, (ns, id) => new NodeId(id, ns)),
        Gen.Zip(UInt16, String, (ns, s) => SortLine.OpcUa.Encoding.NodeId.FromString(ns, s)),
        Gen.Zip(UInt16, Guid, (ns, g) => SortLine.OpcUa.Encoding.NodeId.FromGuid(ns, g)),
        Gen.Zip(UInt16, ByteString, (ns, b) => SortLine.OpcUa.Encoding.NodeId.FromOpaque(ns, b)));

    public static Gen<ExpandedNodeId> ExpandedNodeId =>
        from node in NodeId
        from uri in String
        from server in Gen.Frequency((2, Gen.Constant(0u)), (1, UInt32))
        select new ExpandedNodeId(node, uri, server);

    public static Gen<StatusCode> StatusCode => UInt32.Select(c => new StatusCode(c));

    public static Gen<QualifiedName> QualifiedName => Gen.Zip(UInt16, String, (ns, n) => new QualifiedName(ns, n));

    public static Gen<LocalizedText> LocalizedText => Gen.Zip(String, String, (l, t) => new LocalizedText(l, t));

    public static Gen<XmlElement> XmlElement => String.Select(s => new XmlElement(s));

    public static Gen<ExtensionObject> ExtensionObject => Gen.OneOf(
        NodeId.Select(id => new ExtensionObject(id, ExtensionObjectEncoding.None, null)),
        Gen.Zip(NodeId, ByteString, (id, b) => new ExtensionObject(id, ExtensionObjectEncoding.Binary, b)),
        Gen.Zip(NodeId, ByteString, (id, b) => new ExtensionObject(id, ExtensionObjectEncoding.Xml, b)));

    public static Gen<ushort> Picoseconds => Gen.Frequency((1, Gen.Constant((ushort)0)), (2, Gen.Choose(0, 9999).Select(i => (ushort)i)));

    public static Gen<DataValue> DataValueAt(int depth) =>
        from value in VariantAt(depth)
        from status in Gen.Frequency((1, Gen.Constant(SortLine.OpcUa.Encoding.StatusCode.Good)), (1, StatusCode))
        from source in DateTime.Select(d => (DateTime?)d).OrNullable()
        from sourcePs in Picoseconds
        from server in DateTime.Select(d => (DateTime?)d).OrNullable()
        from serverPs in Picoseconds
        select new DataValue
        {
            Value = value,
            Status = status,
            SourceTimestamp = source,
            SourcePicoseconds = sourcePs,
            ServerTimestamp = server,
            ServerPicoseconds = serverPs,
        };

    public static Gen<DataValue> DataValue => DataValueAt(2);

    public static Gen<DiagnosticInfo> DiagnosticInfoAt(int depth) =>
        from symbolicId in Int32.Select(i => (int?)i).OrNullable()
        from namespaceUri in Int32.Select(i => (int?)i).OrNullable()
        from locale in Int32.Select(i => (int?)i).OrNullable()
        from text in Int32.Select(i => (int?)i).OrNullable()
        from info in String
        from inner in StatusCode.Select(s => (StatusCode?)s).OrNullable()
        from innerInfo in depth > 0
            ? Gen.Frequency((1, Gen.Constant<DiagnosticInfo?>(null)), (1, DiagnosticInfoAt(depth - 1).Select(d => (DiagnosticInfo?)d)))
            : Gen.Constant<DiagnosticInfo?>(null)
        select new DiagnosticInfo
        {
            SymbolicId = symbolicId,
            NamespaceUri = namespaceUri,
            Locale = locale,
            LocalizedText = text,
            AdditionalInfo = info,
            InnerStatusCode = inner,
            InnerDiagnosticInfo = innerInfo,
        };

    public static Gen<DiagnosticInfo> DiagnosticInfo => DiagnosticInfoAt(4);

    /// <summary>A boxed scalar of the given type (never Variant).</summary>
    public static Gen<object?> ScalarOf(BuiltInType type, int depth) => type switch
    {
        BuiltInType.Boolean => Bool.Select(v => (object?)v),
        BuiltInType.SByte => Byte.Select(v => (object?)(sbyte)v),
        BuiltInType.Byte => Byte.Select(v => (object?)v),
        BuiltInType.Int16 => UInt16.Select(v => (object?)(short)v),
        BuiltInType.UInt16 => UInt16.Select(v => (object?)v),
        BuiltInType.Int32 => Int32.Select(v => (object?)v),
        BuiltInType.UInt32 => UInt32.Select(v => (object?)v),
        BuiltInType.Int64 => Int64.Select(v => (object?)v),
        BuiltInType.UInt64 => UInt64.Select(v => (object?)v),
        BuiltInType.Float => Float.Select(v => (object?)v),
        BuiltInType.Double => Double.Select(v => (object?)v),
        BuiltInType.String => String.Select(v => (object?)v),
        BuiltInType.DateTime => DateTime.Select(v => (object?)v),
        BuiltInType.Guid => Guid.Select(v => (object?)v),
        BuiltInType.ByteString => ByteString.Select(v => (object?)v),
        BuiltInType.XmlElement => XmlElement.Select(v => (object?)v),
        BuiltInType.NodeId => NodeId.Select(v => (object?)v),
        BuiltInType.ExpandedNodeId => ExpandedNodeId.Select(v => (object?)v),
        BuiltInType.StatusCode => StatusCode.Select(v => (object?)v),
        BuiltInType.QualifiedName => QualifiedName.Select(v => (object?)v),
        BuiltInType.LocalizedText => LocalizedText.Select(v => (object?)v),
        BuiltInType.ExtensionObject => ExtensionObject.Select(v => (object?)v),
        BuiltInType.DataValue => DataValueAt(depth - 1).Select(v => (object?)v),
        BuiltInType.Variant => VariantAt(depth - 1).Select(v => (object?)v),
        BuiltInType.DiagnosticInfo => DiagnosticInfoAt(2).Select(v => (object?)v),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>Scalars, 1-D arrays, matrices (2-3 dimensions) and null, nesting Variant arrays and DataValues up to <paramref name="depth"/>.</summary>
    public static Gen<Variant> VariantAt(int depth)
    {
        BuiltInType[] scalarTypes = Enumerable.Range(1, 25).Select(i => (BuiltInType)i)
            .Where(t => t != BuiltInType.Variant && (depth > 0 || t != BuiltInType.DataValue)).ToArray();
        BuiltInType[] arrayTypes = Enumerable.Range(1, 25).Select(i => (BuiltInType)i)
            .Where(t => depth > 0 || (t != BuiltInType.DataValue && t != BuiltInType.Variant)).ToArray();

        Gen<Variant> scalar = Gen.Elements(scalarTypes).SelectMany(t => ScalarOf(t, depth).Select(v => SortLine.OpcUa.Encoding.Variant.FromScalar(t, v)));
        Gen<Variant> array =
            from t in Gen.Elements(arrayTypes)
            from n in Gen.Choose(0, 5)
            from items in ScalarOf(t, depth).ArrayOf(n)
            select SortLine.OpcUa.Encoding.Variant.FromArray(t, ToTypedArray(t, items));
        Gen<Variant> matrix =
            from t in Gen.Elements(arrayTypes)
            from dims in Gen.Choose(0, 3).ArrayOf(2).SelectMany(d2 => Gen.Frequency(
                (2, Gen.Constant(d2)),
                (1, Gen.Choose(1, 2).Select(d => new[] { d2[0], d2[1], d }))))
            from items in ScalarOf(t, depth).ArrayOf(dims.Aggregate(1, (a, b) => a * b))
            select SortLine.OpcUa.Encoding.Variant.FromArray(t, ToTypedArray(t, items), dims);
        return Gen.Frequency((1, Gen.Constant(SortLine.OpcUa.Encoding.Variant.Null)), (6, scalar), (3, array), (2, matrix));
    }

    public static Gen<Variant> Variant => VariantAt(2);

    private static Array ToTypedArray(BuiltInType type, object?[] items)
    {
        var array = Array.CreateInstance(SortLine.OpcUa.Encoding.Variant.ScalarClrType(type), items.Length);
        for (int i = 0; i < items.Length; i++)
        {
            array.SetValue(items[i], i);
        }

        return array;
    }

    private static Gen<T?> OrNullable<T>(this Gen<T?> gen)
        where T : struct =>
        Gen.Frequency((1, Gen.Constant<T?>(null)), (2, gen));
}
