using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.Transport;

namespace SortLine.OpcUa.Tests.Transport;

public sealed class ErrorMessageTests
{
    [Fact]
    public void Create_LongMultibyteReason_CutsToAtMost4096BytesOnCharBoundary()
    {
        string reason = string.Concat(Enumerable.Repeat("€𝄞", 2000));

        ErrorMessage message = ErrorMessage.Create(StatusCode.BadTcpInternalError, reason);

        int bytes = System.Text.Encoding.UTF8.GetByteCount(message.Reason!);
        Assert.InRange(bytes, 4096 - 3, 4096);
        Assert.StartsWith(message.Reason!, reason, StringComparison.Ordinal);
        Assert.False(char.IsHighSurrogate(message.Reason![^1]));
    }

    [Fact]
    public void Reason_Over4096Bytes_Throws() =>
        Assert.Throws<ArgumentException>(() => new ErrorMessage { Reason = new string('x', 4097) });

    [Fact]
    public void Decode_ReasonOver4096Bytes_ThrowsDecodingError()
    {
        byte[] body = [0x00, 0x00, 0x80, 0x80, .. BitConverter.GetBytes(4097), .. new byte[4097].Select(_ => (byte)'x')];

        var ex = Assert.Throws<UaDecodingException>(() =>
        {
            var reader = new UaBinaryReader(body);
            ErrorMessage.Decode(ref reader);
        });

        Assert.Equal(StatusCode.BadDecodingError, ex.StatusCode);
    }
}
