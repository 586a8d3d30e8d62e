using System.Globalization;
using System.Security.Cryptography;

namespace SortLine.OpcUa.Sessions;

/// <summary>
/// Password hashes for <see cref="OpcUaUserAccount"/>: PBKDF2 with HMAC-SHA-256 (<see cref="Rfc2898DeriveBytes.Pbkdf2(byte[], byte[], int, HashAlgorithmName, int)"/>),
/// a 16-byte random salt and a 32-byte key, stored as <c>PBKDF2-SHA256$iterations$salt(base64)$key(base64)</c>.
/// </summary>
public static class OpcUaPasswordHasher
{
    /// <summary>The default iteration count.</summary>
    public const int DefaultIterations = 100_000;

    private const string Prefix = "PBKDF2-SHA256";
    private const int SaltSize = 16;
    private const int KeySize = 32;

    // Verifying an unknown user costs as much as a known one, so timing does not reveal which user names exist.
    private static readonly string DummyHash = Hash("dummy-password", DefaultIterations);

    /// <summary>Hashes a password with a fresh random salt.</summary>
    /// <param name="password">The password.</param>
    /// <param name="iterations">PBKDF2 iterations (at least 1000).</param>
    /// <returns>The encoded hash.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="password"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="iterations"/> is below 1000.</exception>
    public static string Hash(string password, int iterations = DefaultIterations)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1000);
        byte[] salt = RandomNumberGenerator.GetBytes(SaltSize);
        byte[] key = Rfc2898DeriveBytes.Pbkdf2(System.Text.Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, KeySize);
        return string.Join('$', Prefix, iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(key));
    }

    /// <summary>Checks a password against a hash in constant time.</summary>
    /// <param name="password">The candidate password (UTF-8 bytes as received).</param>
    /// <param name="hash">The encoded hash.</param>
    /// <returns>True when they match; false for a wrong password or a malformed hash.</returns>
    public static bool Verify(ReadOnlySpan<byte> password, string hash)
    {
        if (!TryParse(hash, out int iterations, out byte[]? salt, out byte[]? expected))
        {
            return false;
        }

        byte[] actual = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>True when <paramref name="hash"/> is in the format <see cref="Hash"/> produces.</summary>
    public static bool IsValidHash(string? hash) => TryParse(hash, out _, out _, out _);

    /// <summary>Spends the time of one verification without a user (unknown user names).</summary>
    internal static void VerifyDummy(ReadOnlySpan<byte> password) => _ = Verify(password, DummyHash);

    private static bool TryParse(string? hash, out int iterations, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out byte[]? salt, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out byte[]? key)
    {
        iterations = 0;
        salt = null;
        key = null;
        string[] parts = hash?.Split('$') ?? [];
        if (parts.Length != 4 || parts[0] != Prefix ||
            !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out iterations) || iterations < 1000)
        {
            return false;
        }

        try
        {
            salt = Convert.FromBase64String(parts[2]);
            key = Convert.FromBase64String(parts[3]);
        }
        catch (FormatException)
        {
            return false;
        }

        return salt.Length >= 8 && key.Length >= 16;
    }
}
