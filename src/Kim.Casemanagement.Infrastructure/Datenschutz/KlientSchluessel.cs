using System.Security.Cryptography;
using Kim.Casemanagement.Application.Abstractions;
using Npgsql;

namespace Kim.Casemanagement.Infrastructure.Datenschutz;

/// <summary>
/// Client keys in table <c>klient_schluessel</c> (migration 0013, deleted with the client's row by ON DELETE CASCADE):
/// AES-256-GCM, a random 96-bit nonce per text, the client's id as associated data (a text moved to another client's
/// row does not decrypt). Format: <c>v1:</c> + base64(nonce | ciphertext | tag).
/// </summary>
public sealed class KlientSchluessel(NpgsqlDataSource dataSource) : IKlientSchluessel
{
    private const string Praefix = "v1:";
    private const int NonceLaenge = 12;
    private const int TagLaenge = 16;

    private const string AnlegenSql = """
        INSERT INTO klient_schluessel (klient_id, schluessel, erstellt_am) VALUES ($1, $2, now()) ON CONFLICT (klient_id) DO NOTHING;
        """;

    private const string LesenSql = "SELECT schluessel FROM klient_schluessel WHERE klient_id = $1";

    public async Task<string> VerschluesselnAsync(Guid klientId, string klartext, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(klartext);
        var schluessel = await LesenAsync(klientId, ct).ConfigureAwait(false);
        if (schluessel is null)
        {
            await using (var anlegen = dataSource.CreateCommand(AnlegenSql))
            {
                anlegen.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = klientId });
                anlegen.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = RandomNumberGenerator.GetBytes(32) });
                await anlegen.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }

            schluessel = await LesenAsync(klientId, ct).ConfigureAwait(false)
                ?? throw new InvalidOperationException("Der Schlüssel der Klient*in wurde nicht angelegt.");
        }

        var klar = System.Text.Encoding.UTF8.GetBytes(klartext);
        var ergebnis = new byte[NonceLaenge + klar.Length + TagLaenge];
        var nonce = ergebnis.AsSpan(0, NonceLaenge);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(schluessel, TagLaenge);
        aes.Encrypt(nonce, klar, ergebnis.AsSpan(NonceLaenge, klar.Length), ergebnis.AsSpan(NonceLaenge + klar.Length), klientId.ToByteArray());
        return Praefix + Convert.ToBase64String(ergebnis);
    }

    public async Task<string?> EntschluesselnAsync(Guid klientId, string geheimtext, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(geheimtext);
        return geheimtext.StartsWith(Praefix, StringComparison.Ordinal) && await LesenAsync(klientId, ct).ConfigureAwait(false) is { } schluessel
            ? Entschluesseln(schluessel, klientId, geheimtext)
            : null;
    }

    /// <summary>Decrypts with a key already read (e.g. in the Art. 15 copy's snapshot); null when it does not open.</summary>
    public static string? Entschluesseln(byte[] schluessel, Guid klientId, string geheimtext)
    {
        ArgumentNullException.ThrowIfNull(schluessel);
        ArgumentNullException.ThrowIfNull(geheimtext);
        byte[] daten;
        try
        {
            daten = geheimtext.StartsWith(Praefix, StringComparison.Ordinal) ? Convert.FromBase64String(geheimtext[Praefix.Length..]) : [];
        }
        catch (FormatException)
        {
            return null;
        }

        if (daten.Length < NonceLaenge + TagLaenge)
        {
            return null;
        }

        var klar = new byte[daten.Length - NonceLaenge - TagLaenge];
        try
        {
            using var aes = new AesGcm(schluessel, TagLaenge);
            aes.Decrypt(daten.AsSpan(0, NonceLaenge), daten.AsSpan(NonceLaenge, klar.Length), daten.AsSpan(NonceLaenge + klar.Length), klar, klientId.ToByteArray());
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }

        return System.Text.Encoding.UTF8.GetString(klar);
    }

    private async Task<byte[]?> LesenAsync(Guid klientId, CancellationToken ct)
    {
        await using var befehl = dataSource.CreateCommand(LesenSql);
        befehl.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = klientId });
        return await befehl.ExecuteScalarAsync(ct).ConfigureAwait(false) as byte[];
    }
}
