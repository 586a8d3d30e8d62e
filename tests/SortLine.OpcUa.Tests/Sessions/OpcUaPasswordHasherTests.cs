using System.Security.Cryptography;
using SortLine.OpcUa.Sessions;

namespace SortLine.OpcUa.Tests.Sessions;

public sealed class OpcUaPasswordHasherTests
{
    [Fact]
    public void Verify_SamePassword_True_OtherPassword_False()
    {
        string hash = OpcUaPasswordHasher.Hash("correct horse", 1000);

        Assert.True(OpcUaPasswordHasher.Verify("correct horse"u8, hash));
        Assert.False(OpcUaPasswordHasher.Verify("correct horsf"u8, hash));
        Assert.False(OpcUaPasswordHasher.Verify([], hash));
    }

    [Fact]
    public void Hash_SamePasswordTwice_DifferentSalts()
    {
        Assert.NotEqual(OpcUaPasswordHasher.Hash("pw", 1000), OpcUaPasswordHasher.Hash("pw", 1000));
    }

    [Fact]
    public void Hash_Format_IsPbkdf2Sha256OfSaltMatchingRfc2898()
    {
        string hash = OpcUaPasswordHasher.Hash("pw", 1234);
        string[] parts = hash.Split('$');
        byte[] salt = Convert.FromBase64String(parts[2]);

        byte[] expected = Rfc2898DeriveBytes.Pbkdf2(System.Text.Encoding.UTF8.GetBytes("pw"), salt, 1234, HashAlgorithmName.SHA256, 32);

        Assert.Equal(("PBKDF2-SHA256", "1234"), (parts[0], parts[1]));
        Assert.Equal(expected, Convert.FromBase64String(parts[3]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain-password")]
    [InlineData("PBKDF2-SHA256$10$AAAAAAAAAAA=$AAAAAAAAAAAAAAAAAAAAAA==")]
    [InlineData("PBKDF2-SHA256$100000$not base64$AAAA")]
    [InlineData("PBKDF2-SHA1$100000$AAAAAAAAAAA=$AAAAAAAAAAAAAAAAAAAAAA==")]
    public void Verify_MalformedHash_FalseAndInvalid(string hash)
    {
        Assert.False(OpcUaPasswordHasher.IsValidHash(hash));
        Assert.False(OpcUaPasswordHasher.Verify("plain-password"u8, hash));
    }

    [Fact]
    public void Hash_TooFewIterations_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OpcUaPasswordHasher.Hash("pw", 999));
    }
}
