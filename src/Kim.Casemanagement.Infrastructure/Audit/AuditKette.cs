using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Kim.Casemanagement.Infrastructure.Audit;

/// <summary>The hash arithmetic of the audit chain: canonical row content, row hash, link hash.</summary>
public static class AuditKette
{
    /// <summary>The hash that precedes the first link.</summary>
    public static readonly byte[] Anfang = new byte[32];

    /// <summary>
    /// Canonical text of an audit row: every field, in a fixed order, unambiguously delimited (lengths prefixed),
    /// timestamps in UTC with microseconds (what PostgreSQL stores). The writing transaction (<see cref="AuditEintrag.Xid"/>)
    /// is part of it: it fixes the row's place in the chain, so changing it is a change of the row.
    /// </summary>
    public static string Kanonisch(AuditEintrag e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var sb = new StringBuilder();
        void Feld(string? wert)
        {
            if (wert is null)
            {
                sb.Append("-1:;");
                return;
            }

            sb.Append(wert.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(wert).Append(';');
        }

        Feld(e.Id.ToString(CultureInfo.InvariantCulture));
        Feld(e.Xid.ToString(CultureInfo.InvariantCulture));
        Feld(e.Zeitpunkt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture));
        Feld(e.BenutzerId);
        Feld(e.Rollen);
        Feld(e.Aktion);
        Feld(e.Detail);
        Feld(e.FallId?.ToString("D"));
        Feld(e.KlientId?.ToString("D"));
        Feld(e.Ergebnis.ToString(CultureInfo.InvariantCulture));
        Feld(e.Herkunft);
        Feld(e.TraceId);
        return sb.ToString();
    }

    public static byte[] ZeilenHash(AuditEintrag e) => SHA256.HashData(Encoding.UTF8.GetBytes(Kanonisch(e)));

    public static byte[] Verketten(byte[] vorgaenger, byte[] zeilenHash)
    {
        ArgumentNullException.ThrowIfNull(vorgaenger);
        ArgumentNullException.ThrowIfNull(zeilenHash);
        var buffer = new byte[vorgaenger.Length + zeilenHash.Length];
        vorgaenger.CopyTo(buffer, 0);
        zeilenHash.CopyTo(buffer, vorgaenger.Length);
        return SHA256.HashData(buffer);
    }
}
