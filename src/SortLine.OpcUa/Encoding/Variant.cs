using System.Globalization;
using SortLine.OpcUa.Internal;

namespace SortLine.OpcUa.Encoding;

/// <summary>
/// A value of any built-in type: a scalar, a one-dimensional array or a multi-dimensional array stored
/// flattened with its <see cref="ArrayDimensions"/> (OPC 10000-6 §5.2.2.16; the last index varies fastest).
/// <c>default</c> is the null Variant.
/// </summary>
/// <remarks>
/// CLR representation: scalars box the matching CLR type (bool, sbyte, ..., <see cref="string"/>,
/// <see cref="DateTime"/> (UTC), <see cref="Guid"/>, byte[] for ByteString, <see cref="XmlElement"/>,
/// <see cref="NodeId"/>, ..., <see cref="DiagnosticInfo"/>); arrays are typed CLR arrays of that type
/// (byte[][] for ByteString arrays, <see cref="Variant"/>[] for Variant arrays). A Variant never holds a
/// Variant scalar. Arrays are shared, not copied: callers must not mutate them after construction.
/// </remarks>
public readonly struct Variant : IEquatable<Variant>
{
    private readonly int[]? _arrayDimensions;

    internal Variant(BuiltInType type, object? value, bool isArray, int[]? arrayDimensions)
    {
        Type = type;
        Value = value;
        IsArray = isArray;
        _arrayDimensions = arrayDimensions;
    }

    /// <summary>Wraps a Boolean.</summary>
    public Variant(bool value) : this(BuiltInType.Boolean, value, false, null) { }

    /// <summary>Wraps an SByte.</summary>
    public Variant(sbyte value) : this(BuiltInType.SByte, value, false, null) { }

    /// <summary>Wraps a Byte.</summary>
    public Variant(byte value) : this(BuiltInType.Byte, value, false, null) { }

    /// <summary>Wraps an Int16.</summary>
    public Variant(short value) : this(BuiltInType.Int16, value, false, null) { }

    /// <summary>Wraps a UInt16.</summary>
    public Variant(ushort value) : this(BuiltInType.UInt16, value, false, null) { }

    /// <summary>Wraps an Int32.</summary>
    public Variant(int value) : this(BuiltInType.Int32, value, false, null) { }

    /// <summary>Wraps a UInt32.</summary>
    public Variant(uint value) : this(BuiltInType.UInt32, value, false, null) { }

    /// <summary>Wraps an Int64.</summary>
    public Variant(long value) : this(BuiltInType.Int64, value, false, null) { }

    /// <summary>Wraps a UInt64.</summary>
    public Variant(ulong value) : this(BuiltInType.UInt64, value, false, null) { }

    /// <summary>Wraps a Float.</summary>
    public Variant(float value) : this(BuiltInType.Float, value, false, null) { }

    /// <summary>Wraps a Double.</summary>
    public Variant(double value) : this(BuiltInType.Double, value, false, null) { }

    /// <summary>Wraps a String (null is a null String, not a null Variant).</summary>
    public Variant(string? value) : this(BuiltInType.String, value, false, null) { }

    /// <summary>Wraps a DateTime.</summary>
    public Variant(DateTime value) : this(BuiltInType.DateTime, value, false, null) { }

    /// <summary>Wraps a Guid.</summary>
    public Variant(Guid value) : this(BuiltInType.Guid, value, false, null) { }

    /// <summary>Wraps an XmlElement.</summary>
    public Variant(XmlElement value) : this(BuiltInType.XmlElement, value, false, null) { }

    /// <summary>Wraps a NodeId.</summary>
    public Variant(NodeId value) : this(BuiltInType.NodeId, value, false, null) { }

    /// <summary>Wraps an ExpandedNodeId.</summary>
    public Variant(ExpandedNodeId value) : this(BuiltInType.ExpandedNodeId, value, false, null) { }

    /// <summary>Wraps a StatusCode.</summary>
    public Variant(StatusCode value) : this(BuiltInType.StatusCode, value, false, null) { }

    /// <summary>Wraps a QualifiedName.</summary>
    public Variant(QualifiedName value) : this(BuiltInType.QualifiedName, value, false, null) { }

    /// <summary>Wraps a LocalizedText.</summary>
    public Variant(LocalizedText value) : this(BuiltInType.LocalizedText, value, false, null) { }

    /// <summary>Wraps an ExtensionObject.</summary>
    public Variant(ExtensionObject value) : this(BuiltInType.ExtensionObject, value, false, null) { }

    /// <summary>Wraps a DataValue.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public Variant(DataValue value) : this(BuiltInType.DataValue, value ?? throw new ArgumentNullException(nameof(value)), false, null) { }

    /// <summary>Wraps a DiagnosticInfo.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public Variant(DiagnosticInfo value) : this(BuiltInType.DiagnosticInfo, value ?? throw new ArgumentNullException(nameof(value)), false, null) { }

    /// <summary>The null Variant.</summary>
    public static Variant Null => default;

    /// <summary>The built-in type of the value (or of each array element).</summary>
    public BuiltInType Type { get; }

    /// <summary>True when <see cref="Value"/> is an array.</summary>
    public bool IsArray { get; }

    /// <summary>The boxed scalar or typed array (see the type remarks).</summary>
    public object? Value { get; }

    /// <summary>The dimension lengths of a multi-dimensional array; null for scalars and plain arrays.</summary>
    public ReadOnlySpan<int> ArrayDimensions => _arrayDimensions;

    /// <summary>True when <see cref="ArrayDimensions"/> were given.</summary>
    public bool HasArrayDimensions => _arrayDimensions is not null;

    /// <summary>True for the null Variant.</summary>
    public bool IsNull => Type == BuiltInType.Null;

    /// <summary>Wraps a ByteString (a byte[] scalar, as opposed to a Byte array).</summary>
    public static Variant FromByteString(byte[]? value) => new(BuiltInType.ByteString, value, false, null);

    /// <summary>Creates a scalar Variant after checking that <paramref name="value"/> has the CLR type of <paramref name="type"/>.</summary>
    /// <exception cref="ArgumentException">The value does not match the type, or <paramref name="type"/> is Variant.</exception>
    public static Variant FromScalar(BuiltInType type, object? value)
    {
        if (type == BuiltInType.Null)
        {
            if (value is not null)
            {
                ThrowHelper.ThrowArgument("A null Variant cannot carry a value", nameof(value));
            }

            return default;
        }

        if (type == BuiltInType.Variant || type > BuiltInType.DiagnosticInfo)
        {
            ThrowHelper.ThrowArgument("A Variant scalar cannot be of type " + type.ToString(), nameof(type));
        }

        bool nullable = type is BuiltInType.String or BuiltInType.ByteString;
        if (value is null ? !nullable : value.GetType() != ScalarClrType(type))
        {
            ThrowHelper.ThrowArgument("Value of CLR type " + (value?.GetType().Name ?? "null") + " does not match " + type.ToString(), nameof(value));
        }

        return new Variant(type, value, false, null);
    }

    /// <summary>Creates an array Variant; the element type must be the CLR type of <paramref name="type"/>.</summary>
    /// <param name="type">The element type (not Null).</param>
    /// <param name="values">The flattened elements.</param>
    /// <param name="arrayDimensions">Null for a one-dimensional array; otherwise each length (≥ 0) with a product equal to the element count.</param>
    /// <exception cref="ArgumentException">The array type or dimensions do not match.</exception>
    public static Variant FromArray(BuiltInType type, Array values, int[]? arrayDimensions = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (type is BuiltInType.Null or > BuiltInType.DiagnosticInfo)
        {
            ThrowHelper.ThrowArgument("No array of type " + type.ToString(), nameof(type));
        }

        if (values.GetType() != ScalarClrType(type).MakeArrayType())
        {
            ThrowHelper.ThrowArgument("Array of CLR type " + values.GetType().Name + " does not match " + type.ToString(), nameof(values));
        }

        if (arrayDimensions is not null && !DimensionsMatch(arrayDimensions, values.Length))
        {
            ThrowHelper.ThrowArgument("Array dimensions do not match the element count " + values.Length.ToString(CultureInfo.InvariantCulture), nameof(arrayDimensions));
        }

        return new Variant(type, values, true, arrayDimensions);
    }

    /// <summary>Creates an array Variant, inferring the built-in type from <typeparamref name="T"/>.</summary>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is not a built-in CLR type, or the dimensions do not match.</exception>
    public static Variant FromArray<T>(T[] values, int[]? arrayDimensions = null)
    {
        if (!TryGetBuiltInType(typeof(T), out BuiltInType type))
        {
            ThrowHelper.ThrowArgument("No built-in type for CLR type " + typeof(T).Name, nameof(values));
        }

        return FromArray(type, values, arrayDimensions);
    }

    /// <summary>Equality.</summary>
    public static bool operator ==(Variant left, Variant right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Variant left, Variant right) => !left.Equals(right);

    /// <summary>The CLR type a scalar of <paramref name="type"/> has (array elements have the same type).</summary>
    public static Type ScalarClrType(BuiltInType type) => type switch
    {
        BuiltInType.Boolean => typeof(bool),
        BuiltInType.SByte => typeof(sbyte),
        BuiltInType.Byte => typeof(byte),
        BuiltInType.Int16 => typeof(short),
        BuiltInType.UInt16 => typeof(ushort),
        BuiltInType.Int32 => typeof(int),
        BuiltInType.UInt32 => typeof(uint),
        BuiltInType.Int64 => typeof(long),
        BuiltInType.UInt64 => typeof(ulong),
        BuiltInType.Float => typeof(float),
        BuiltInType.Double => typeof(double),
        BuiltInType.String => typeof(string),
        BuiltInType.DateTime => typeof(DateTime),
        BuiltInType.Guid => typeof(Guid),
        BuiltInType.ByteString => typeof(byte[]),
        BuiltInType.XmlElement => typeof(XmlElement),
        BuiltInType.NodeId => typeof(NodeId),
        BuiltInType.ExpandedNodeId => typeof(ExpandedNodeId),
        BuiltInType.StatusCode => typeof(StatusCode),
        BuiltInType.QualifiedName => typeof(QualifiedName),
        BuiltInType.LocalizedText => typeof(LocalizedText),
        BuiltInType.ExtensionObject => typeof(ExtensionObject),
        BuiltInType.DataValue => typeof(DataValue),
        BuiltInType.Variant => typeof(Variant),
        BuiltInType.DiagnosticInfo => typeof(DiagnosticInfo),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a built-in type with a CLR representation"),
    };

    /// <summary>Maps a CLR element type back to its built-in type.</summary>
    public static bool TryGetBuiltInType(Type clrType, out BuiltInType type)
    {
        ArgumentNullException.ThrowIfNull(clrType);
        for (var candidate = BuiltInType.Boolean; candidate <= BuiltInType.DiagnosticInfo; candidate++)
        {
            if (ScalarClrType(candidate) == clrType)
            {
                type = candidate;
                return true;
            }
        }

        type = BuiltInType.Null;
        return false;
    }

    /// <summary>True when every dimension is ≥ 0 and their product is <paramref name="length"/>.</summary>
    internal static bool DimensionsMatch(ReadOnlySpan<int> dimensions, int length)
    {
        if (dimensions.Length == 0)
        {
            return false;
        }

        long product = 1;
        foreach (int dimension in dimensions)
        {
            if (dimension < 0)
            {
                return false;
            }

            // Once the product exceeds the length it can only match if a later dimension is 0.
            product = Math.Min(product * dimension, (long)int.MaxValue + 1);
        }

        return product == length;
    }

    /// <inheritdoc/>
    public bool Equals(Variant other) =>
        Type == other.Type &&
        IsArray == other.IsArray &&
        ArrayDimensions.SequenceEqual(other.ArrayDimensions) &&
        HasArrayDimensions == other.HasArrayDimensions &&
        ValueEquality.AreEqual(Value, other.Value);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Variant other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Type, IsArray, ValueEquality.GetHashCode(Value));

    /// <inheritdoc/>
    public override string ToString()
    {
        if (IsNull)
        {
            return "Variant(Null)";
        }

        if (IsArray)
        {
            return "Variant(" + Type.ToString() + "[" + ((Array?)Value)?.Length.ToString(CultureInfo.InvariantCulture) + "]" +
                (HasArrayDimensions ? " dims " + string.Join('x', _arrayDimensions!) : string.Empty) + ")";
        }

        return "Variant(" + Type.ToString() + " " + Convert.ToString(Value, CultureInfo.InvariantCulture) + ")";
    }
}
