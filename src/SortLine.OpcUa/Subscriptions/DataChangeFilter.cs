// Wire layout (OPC 10000-4 §7.22.2), ExtensionObject TypeId 724 (DataChangeFilter_Encoding_DefaultBinary):
//
//   Trigger  enum:DataChangeTrigger (Int32)
//   DeadbandType  UInt32 (0 None, 1 Absolute, 2 Percent)
//   DeadbandValue  Double
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Subscriptions;

/// <summary>A parsed DataChangeFilter. Deadband None and Absolute are supported; Percent needs an EURange SortLine variables do not have.</summary>
/// <param name="Trigger">What counts as a change.</param>
/// <param name="AbsoluteDeadband">The absolute deadband (0 = none): a numeric value must move by more than this.</param>
internal readonly record struct DataChangeFilter(DataChangeTrigger Trigger, double AbsoluteDeadband)
{
    /// <summary>DataChangeFilter_Encoding_DefaultBinary.</summary>
    public const uint EncodingId = 724;

    private const uint EventFilterEncodingId = 727;
    private const uint AggregateFilterEncodingId = 730;

    /// <summary>No filter: StatusValue, no deadband.</summary>
    public static DataChangeFilter Default => new(DataChangeTrigger.StatusValue, 0);

    /// <summary>
    /// Parses a MonitoringParameters.Filter: null → <see cref="Default"/>; an EventFilter or AggregateFilter →
    /// Bad_MonitoredItemFilterUnsupported; an undecodable body or bad trigger → Bad_MonitoredItemFilterInvalid; a negative
    /// or undefined deadband → Bad_DeadbandFilterInvalid; Percent → Bad_MonitoredItemFilterUnsupported.
    /// </summary>
    public static StatusCode TryParse(ExtensionObject filter, out DataChangeFilter result)
    {
        result = Default;
        if (filter.IsNull || filter.TypeId.IsNull)
        {
            return StatusCode.Good;
        }

        if (filter.TypeId.NamespaceIndex != 0 || filter.TypeId.IdType != NodeIdType.Numeric)
        {
            return StatusCode.BadMonitoredItemFilterInvalid;
        }

        if (filter.TypeId.NumericIdentifier is EventFilterEncodingId or AggregateFilterEncodingId)
        {
            return StatusCode.BadMonitoredItemFilterUnsupported;
        }

        if (filter.TypeId.NumericIdentifier != EncodingId || filter.Encoding != ExtensionObjectEncoding.Binary || filter.Body is null)
        {
            return StatusCode.BadMonitoredItemFilterInvalid;
        }

        int trigger;
        uint deadbandType;
        double deadband;
        try
        {
            var reader = new UaBinaryReader(filter.Body);
            trigger = reader.ReadInt32();
            deadbandType = reader.ReadUInt32();
            deadband = reader.ReadDouble();
        }
        catch (UaDecodingException)
        {
            return StatusCode.BadMonitoredItemFilterInvalid;
        }

        if (trigger is < 0 or > 2)
        {
            return StatusCode.BadMonitoredItemFilterInvalid;
        }

        switch (deadbandType)
        {
            case 0:
                result = new DataChangeFilter((DataChangeTrigger)trigger, 0);
                return StatusCode.Good;
            case 1 when deadband >= 0 && double.IsFinite(deadband):
                result = new DataChangeFilter((DataChangeTrigger)trigger, deadband);
                return StatusCode.Good;
            case 2:
                return StatusCode.BadMonitoredItemFilterUnsupported;
            default:
                return StatusCode.BadDeadbandFilterInvalid;
        }
    }

    /// <summary>Encodes a filter body (tests and clients).</summary>
    public ExtensionObject ToExtensionObject()
    {
        var body = new byte[16];
        var writer = new UaBinaryWriter(body);
        writer.WriteInt32((int)Trigger);
        writer.WriteUInt32(AbsoluteDeadband > 0 ? 1u : 0u);
        writer.WriteDouble(AbsoluteDeadband);
        return ExtensionObject.FromBinary(new NodeId(EncodingId), body);
    }

    /// <summary>True when <paramref name="current"/> differs from <paramref name="last"/> under this filter.</summary>
    public bool IsChange(DataValue last, DataValue current)
    {
        if (last.Status != current.Status)
        {
            return true;
        }

        if (Trigger == DataChangeTrigger.Status)
        {
            return false;
        }

        bool valueChanged = AbsoluteDeadband > 0 ? ExceedsDeadband(last.Value, current.Value, AbsoluteDeadband) : last.Value != current.Value;
        if (valueChanged)
        {
            return true;
        }

        return Trigger == DataChangeTrigger.StatusValueTimestamp &&
            (last.SourceTimestamp != current.SourceTimestamp || last.SourcePicoseconds != current.SourcePicoseconds);
    }

    /// <summary>True when a value is numeric (a deadband can apply to it).</summary>
    public static bool IsNumeric(BuiltInType type) => type is >= BuiltInType.SByte and <= BuiltInType.Double;

    private static bool ExceedsDeadband(Variant last, Variant current, double deadband)
    {
        if (last.Type != current.Type || last.IsArray != current.IsArray || !IsNumeric(current.Type))
        {
            return last != current;
        }

        if (!current.IsArray)
        {
            return Math.Abs(ToDouble(current.Value) - ToDouble(last.Value)) > deadband;
        }

        var a = (Array)last.Value!;
        var b = (Array)current.Value!;
        if (a.Length != b.Length)
        {
            return true;
        }

        for (int i = 0; i < a.Length; i++)
        {
            if (Math.Abs(ToDouble(b.GetValue(i)) - ToDouble(a.GetValue(i))) > deadband)
            {
                return true;
            }
        }

        return false;
    }

    private static double ToDouble(object? value) => Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
}
