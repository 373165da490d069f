using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace Kim.Casemanagement.Infrastructure.Identitaet;

/// <summary>RFC 6238 TOTP (SHA-1, 6 digits, 30 s), as authenticator apps use it; Base32 keys as ASP.NET Core Identity stores them.</summary>
public static class Totp
{
    public const int Schrittlaenge = 30;

    public static long Zeitschritt(DateTimeOffset zeitpunkt) => zeitpunkt.ToUnixTimeSeconds() / Schrittlaenge;

    public static string Code(byte[] schluessel, long zeitschritt)
    {
        ArgumentNullException.ThrowIfNull(schluessel);
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, zeitschritt);
        Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // RFC 6238 TOTP as authenticator apps implement it is HMAC-SHA-1; collision attacks on SHA-1 do not apply to HMAC.
        HMACSHA1.HashData(schluessel, counter, hash);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binaer = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binaer % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    public static byte[] Base32Dekodieren(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bereinigt = text.Trim().TrimEnd('=').Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        var bytes = new List<byte>(bereinigt.Length * 5 / 8);
        int puffer = 0, bits = 0;
        foreach (var c in bereinigt)
        {
            var wert = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (wert < 0)
            {
                throw new FormatException("Kein Base32-Text.");
            }

            puffer = (puffer << 5) | wert;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(puffer >> bits));
                puffer &= (1 << bits) - 1;
            }
        }

        return [.. bytes];
    }
}
