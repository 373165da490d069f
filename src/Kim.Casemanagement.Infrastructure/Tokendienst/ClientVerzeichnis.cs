using System.Security.Cryptography;
using System.Text;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Infrastructure.Mandanten;
using Npgsql;
using NpgsqlTypes;

namespace Kim.Casemanagement.Infrastructure.Tokendienst;

/// <summary>
/// The token service's clients in table <c>tokendienst_clients</c> (migration 0014): applications (from configuration)
/// and partner systems (registered, rotated and disabled by the administration). Secrets are random 256-bit values,
/// shown once and stored as SHA-256 only. The administration's paths (list, register, rotate, disable) run under the
/// request's Mandant (row-level security, ADR 0014); the token service's own lookups (a client, is it active) run
/// installation-wide, since a token request has no signed-in user.
/// </summary>
public sealed class ClientVerzeichnis(NpgsqlDataSource dataSource, TimeProvider zeit)
{
    private const string Spalten = "client_id, art, anzeigename, mandant, behoerde, scopes, redirect_uris, abmelde_uris, aktiv, geheimnis_sha256, vorheriges_sha256, vorheriges_bis, erstellt_am, geaendert_am";

    /// <summary>
    /// A partner system of a disabled Mandant (ADR 0014) counts as inactive: no token is issued, none it holds is
    /// accepted, while its own flag stays as its Kommune set it (so enabling the Mandant restores it).
    /// </summary>
    private const string AktivMitMandant = "aktiv AND (art <> 'Partnersystem' OR NOT EXISTS (SELECT 1 FROM mandanten m WHERE m.schluessel = tokendienst_clients.mandant AND m.status = 'deaktiviert'))";

    /// <summary>The Duende format of a shared secret's stored value: base64 of SHA-256 over the UTF-8 text.</summary>
    public static string Sha256(string geheimnis) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(geheimnis)));

    /// <summary>A new secret: 32 random bytes, base64url (43 characters).</summary>
    public static string NeuesGeheimnis() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public async Task<TokendienstClientMitGeheimnis?> FindenAsync(string clientId, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand($"SELECT {Spalten.Replace(" aktiv,", $" {AktivMitMandant},", StringComparison.Ordinal)} FROM tokendienst_clients WHERE client_id = $1");
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = clientId });
        await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await r.ReadAsync(ct).ConfigureAwait(false) ? LesenMitGeheimnis(r) : null;
    }

    /// <summary>Is the client registered and active (checked on every request that carries its token)?</summary>
    public async Task<bool> IstAktivAsync(string clientId, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand($"SELECT {AktivMitMandant} FROM tokendienst_clients WHERE client_id = $1");
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = clientId });
        return await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false) is true;
    }

    public async Task<IReadOnlyList<TokendienstClient>> ListeAsync(string mandant, string art, CancellationToken ct)
    {
        await using var batch = MandantKontext.Einzeln(
            dataSource,
            $"SELECT {Spalten} FROM tokendienst_clients WHERE mandant = $1 AND art = $2 ORDER BY client_id",
            new NpgsqlParameter<string> { TypedValue = mandant },
            new NpgsqlParameter<string> { TypedValue = art });
        await using var r = await MandantKontext.LesenAsync(batch, ct).ConfigureAwait(false);
        var liste = new List<TokendienstClient>();
        while (await r.ReadAsync(ct).ConfigureAwait(false))
        {
            liste.Add(LesenMitGeheimnis(r).Client);
        }

        return liste;
    }

    /// <summary>Registers a partner system; returns its secret (shown once). False when the id is taken.</summary>
    public async Task<string?> PartnersystemAnlegenAsync(string clientId, string anzeigename, string mandant, Behoerde behoerde, IReadOnlyList<string> scopes, string von, CancellationToken ct, string? vorgegebenesGeheimnis = null)
    {
        var geheimnis = vorgegebenesGeheimnis ?? NeuesGeheimnis();
        var jetzt = zeit.GetUtcNow();
        await using var batch = MandantKontext.Einzeln(
            dataSource,
            """
                INSERT INTO tokendienst_clients (client_id, art, anzeigename, mandant, behoerde, scopes, geheimnis_sha256, aktiv, erstellt_am, erstellt_von, geaendert_am, geaendert_von)
                VALUES ($1, 'Partnersystem', $2, $3, $4, $5, $6, true, $7, $8, $7, $8) ON CONFLICT (client_id) DO NOTHING
                """,
            new NpgsqlParameter<string> { TypedValue = clientId },
            new NpgsqlParameter<string> { TypedValue = anzeigename },
            new NpgsqlParameter<string> { TypedValue = mandant },
            new NpgsqlParameter<string> { TypedValue = behoerde.ToString() },
            new NpgsqlParameter<string[]> { TypedValue = scopes.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
            new NpgsqlParameter<string> { TypedValue = Sha256(geheimnis) },
            new NpgsqlParameter<DateTimeOffset> { TypedValue = jetzt },
            new NpgsqlParameter<string> { TypedValue = von });
        return await MandantKontext.AendernAsync(batch, ct).ConfigureAwait(false) == 1 ? geheimnis : null;
    }

    /// <summary>
    /// A new secret for a partner system of the Kommune; the previous one stays valid for <paramref name="ueberlappung"/>
    /// (zero: at once invalid). Returns the new secret, or null when there is no such client.
    /// </summary>
    public async Task<string?> GeheimnisErneuernAsync(string clientId, string mandant, TimeSpan ueberlappung, string von, CancellationToken ct)
    {
        var geheimnis = NeuesGeheimnis();
        var jetzt = zeit.GetUtcNow();
        await using var batch = MandantKontext.Einzeln(
            dataSource,
            """
                UPDATE tokendienst_clients
                   SET vorheriges_sha256 = CASE WHEN $4 > interval '0' THEN geheimnis_sha256 END,
                       vorheriges_bis = CASE WHEN $4 > interval '0' THEN $5 + $4 END,
                       geheimnis_sha256 = $3, geaendert_am = $5, geaendert_von = $6
                 WHERE client_id = $1 AND mandant = $2 AND art = 'Partnersystem'
                """,
            new NpgsqlParameter<string> { TypedValue = clientId },
            new NpgsqlParameter<string> { TypedValue = mandant },
            new NpgsqlParameter<string> { TypedValue = Sha256(geheimnis) },
            new NpgsqlParameter<TimeSpan> { TypedValue = ueberlappung },
            new NpgsqlParameter<DateTimeOffset> { TypedValue = jetzt },
            new NpgsqlParameter<string> { TypedValue = von });
        return await MandantKontext.AendernAsync(batch, ct).ConfigureAwait(false) == 1 ? geheimnis : null;
    }

    /// <summary>Disables or enables a partner system of the Kommune; false when there is no such client.</summary>
    public async Task<bool> AktivSetzenAsync(string clientId, string mandant, bool aktiv, string von, CancellationToken ct)
    {
        await using var batch = MandantKontext.Einzeln(
            dataSource,
            """
                UPDATE tokendienst_clients SET aktiv = $3, geaendert_am = $4, geaendert_von = $5
                 WHERE client_id = $1 AND mandant = $2 AND art = 'Partnersystem'
                """,
            new NpgsqlParameter<string> { TypedValue = clientId },
            new NpgsqlParameter<string> { TypedValue = mandant },
            new NpgsqlParameter<bool> { TypedValue = aktiv },
            new NpgsqlParameter<DateTimeOffset> { TypedValue = zeit.GetUtcNow() },
            new NpgsqlParameter<string> { TypedValue = von });
        return await MandantKontext.AendernAsync(batch, ct).ConfigureAwait(false) == 1;
    }

    /// <summary>Creates or updates an application client from configuration (public client: no secret).</summary>
    public async Task AnwendungAbgleichenAsync(string clientId, string anzeigename, string mandant, IReadOnlyList<string> scopes, IReadOnlyList<string> redirectUris, IReadOnlyList<string> abmeldeUris, CancellationToken ct)
    {
        var jetzt = zeit.GetUtcNow();
        await using var cmd = dataSource.CreateCommand("""
            INSERT INTO tokendienst_clients (client_id, art, anzeigename, mandant, scopes, redirect_uris, abmelde_uris, aktiv, erstellt_am, erstellt_von, geaendert_am, geaendert_von)
            VALUES ($1, 'Anwendung', $2, $3, $4, $5, $6, true, $7, 'konfiguration', $7, 'konfiguration')
            ON CONFLICT (client_id) DO UPDATE SET anzeigename = $2, mandant = $3, scopes = $4, redirect_uris = $5, abmelde_uris = $6, geaendert_am = $7, geaendert_von = 'konfiguration'
             WHERE tokendienst_clients.art = 'Anwendung'
            """);
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = clientId });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = anzeigename });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = mandant });
        cmd.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = scopes.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = redirectUris.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = abmeldeUris.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = jetzt });
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static TokendienstClientMitGeheimnis LesenMitGeheimnis(NpgsqlDataReader r)
    {
        var client = new TokendienstClient(
            r.GetString(0),
            r.GetString(1),
            r.GetString(2),
            r.GetString(3),
            r.IsDBNull(4) ? null : Enum.Parse<Behoerde>(r.GetString(4)),
            r.GetFieldValue<string[]>(5),
            r.GetFieldValue<string[]>(6),
            r.GetFieldValue<string[]>(7),
            r.GetBoolean(8),
            !r.IsDBNull(9),
            r.IsDBNull(11) ? null : r.GetFieldValue<DateTimeOffset>(11),
            r.GetFieldValue<DateTimeOffset>(12),
            r.GetFieldValue<DateTimeOffset>(13));
        return new TokendienstClientMitGeheimnis(client, r.IsDBNull(9) ? null : r.GetString(9), r.IsDBNull(10) ? null : r.GetString(10));
    }
}
