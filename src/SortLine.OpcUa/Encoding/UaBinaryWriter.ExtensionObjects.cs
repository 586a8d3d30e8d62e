using SortLine.OpcUa.Internal;

namespace SortLine.OpcUa.Encoding;

/// <content>ExtensionObject: TypeId, encoding byte, then the Int32-prefixed body for Binary and Xml.</content>
internal ref partial struct UaBinaryWriter
{
    /// <summary>Writes an ExtensionObject with its body bytes as they are.</summary>
    /// <exception cref="UaEncodingException">Over the limits or no room.</exception>
    public void WriteExtensionObject(ExtensionObject value)
    {
        EnterNested();
        WriteNodeId(value.TypeId);
        WriteByte((byte)value.Encoding);
        if (value.Encoding == ExtensionObjectEncoding.Binary)
        {
            WriteByteString(value.Body);
        }
        else if (value.Encoding == ExtensionObjectEncoding.Xml)
        {
            byte[]? body = value.Body;
            if (body is not null && body.Length > _limits.MaxStringLength)
            {
                ThrowHelper.ThrowEncodingLimit(_position, "ExtensionObject XML body length", body.Length, _limits.MaxStringLength);
            }

            WriteInt32(body is null ? -1 : body.Length);
            WriteBytes(body);
        }

        ExitNested();
    }
}
