using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using Kim.Casemanagement.Application.Analysen;
using Kim.Casemanagement.Domain.Common;
using Npgsql;

namespace Kim.Casemanagement.Infrastructure.Analysen;

/// <summary>
/// The event log as XES (IEEE 1849-2016) for process-mining tools, streamed row by row from the database into an
/// <see cref="XmlWriter"/> (no DOM: memory stays flat for a million events).
/// <list type="bullet">
/// <item>One trace per Fall; its <c>concept:name</c> is a pseudonym: HMAC-SHA256 of the Fall id under a key the reader
/// never sees (configured, or random per export), so there is no way back to the Fall.</item>
/// <item>No personal attributes: no names, ids, actors, notes or step parameters (they may hold free text). A trace
/// carries the cohort attributes (residence status at intake, age group, Zieldimension I) only when at least the minimum
/// group size of traces in the export share all three.</item>
/// <item>Events: <c>concept:name</c> = track and German state label, <c>time:timestamp</c> = the fachliches Datum at
/// midnight in Europe/Berlin, <c>lifecycle:transition</c> = complete, <c>org:group</c> = the authority owning the track
/// (for referrals: the receiving authority), plus <c>spur</c>, <c>zustand</c> and <c>trigger</c> (enum names).</item>
/// <item>Namespace: the IEEE schema declares no target namespace, so by default the document has none and validates
/// against it as published. With <see cref="XesEinstellungen.MitNamensraum"/> the elements are in
/// <c>http://www.xes-standard.org/</c>, as OpenXES writes them.</item>
/// </list>
/// </summary>
public sealed class XesExport(NpgsqlDataSource dataSource) : IXesExport
{
    public const string Namensraum = "http://www.xes-standard.org/";

    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public async Task SchreibenAsync(Stream ziel, AnalyseAbfrage abfrage, XesEinstellungen einstellungen, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ziel);
        ArgumentNullException.ThrowIfNull(einstellungen);
        await using var befehl = dataSource.CreateCommand();
        befehl.CommandTimeout = AnalysenDaten.ZeitlimitSekunden;
        var kohorte = KohortenSql.Mit(abfrage, befehl, mitZeitraum: true, mitMerkmalen: true);
        befehl.CommandText = $"""
            {kohorte},
            gruppen AS (
              SELECT fall_id, status_aufnahme, altersgruppe, zieldimension_i,
                     count(*) OVER (PARTITION BY status_aufnahme, altersgruppe, zieldimension_i) AS n
              FROM kohorte
            )
            SELECT e.fall_id, g.status_aufnahme, g.altersgruppe, g.zieldimension_i, g.n, e.spur, e.trigger, e.nach_zustand, e.fachliches_datum, u.empfaenger
            FROM fall_ereignisse e
            JOIN gruppen g ON g.fall_id = e.fall_id
            LEFT JOIN ueberleitungen u ON u.id = e.ueberleitung_id
            ORDER BY e.fall_id, e.fachliches_datum, e.nr
            """;

        var ns = einstellungen.MitNamensraum ? Namensraum : string.Empty;
        var settings = new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false), Indent = true, CloseOutput = false };
        await using var xml = XmlWriter.Create(ziel, settings);
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "log", ns);
        await xml.WriteAttributeStringAsync(null, "xes.version", null, "1.0");
        await Erweiterung(xml, ns, "Concept", "concept", "http://www.xes-standard.org/concept.xesext");
        await Erweiterung(xml, ns, "Time", "time", "http://www.xes-standard.org/time.xesext");
        await Erweiterung(xml, ns, "Lifecycle", "lifecycle", "http://www.xes-standard.org/lifecycle.xesext");
        await Erweiterung(xml, ns, "Organizational", "org", "http://www.xes-standard.org/org.xesext");

        await xml.WriteStartElementAsync(null, "global", ns);
        await xml.WriteAttributeStringAsync(null, "scope", null, "trace");
        await Attribut(xml, ns, "string", "concept:name", "__INVALID__");
        await xml.WriteEndElementAsync();
        await xml.WriteStartElementAsync(null, "global", ns);
        await xml.WriteAttributeStringAsync(null, "scope", null, "event");
        await Attribut(xml, ns, "string", "concept:name", "__INVALID__");
        await Attribut(xml, ns, "date", "time:timestamp", "1970-01-01T00:00:00.000+00:00");
        await Attribut(xml, ns, "string", "lifecycle:transition", "complete");
        await xml.WriteEndElementAsync();

        await xml.WriteStartElementAsync(null, "classifier", ns);
        await xml.WriteAttributeStringAsync(null, "name", null, "Aktivitaet");
        await xml.WriteAttributeStringAsync(null, "keys", null, "concept:name lifecycle:transition");
        await xml.WriteEndElementAsync();
        await Attribut(xml, ns, "string", "concept:name", "KIM Modul 2: Fallverläufe (pseudonymisiert)");
        await Attribut(xml, ns, "string", "lifecycle:model", "standard");

        var bezeichnungen = new Dictionary<(string Spur, string Zustand, string? Empfaenger), (string Name, string Gruppe)>();
        Guid? aktuell = null;
        await using (var leser = await befehl.ExecuteReaderAsync(ct))
        {
            while (await leser.ReadAsync(ct))
            {
                var fallId = leser.GetGuid(0);
                if (fallId != aktuell)
                {
                    if (aktuell is not null)
                    {
                        await xml.WriteEndElementAsync();
                    }

                    aktuell = fallId;
                    await xml.WriteStartElementAsync(null, "trace", ns);
                    await Attribut(xml, ns, "string", "concept:name", Pseudonym(einstellungen.PseudonymSchluessel, fallId));
                    if (leser.GetInt64(4) >= einstellungen.Mindestgroesse)
                    {
                        if (!leser.IsDBNull(1))
                        {
                            await Attribut(xml, ns, "string", "aufenthaltsstatusBeiAufnahme", leser.GetString(1));
                        }

                        if (!leser.IsDBNull(2))
                        {
                            await Attribut(xml, ns, "string", "altersgruppe", leser.GetString(2));
                        }

                        await Attribut(xml, ns, "boolean", "zieldimensionI", leser.GetBoolean(3) ? "true" : "false");
                    }
                }

                var spur = leser.GetString(5);
                var zustand = leser.GetString(7);
                var empfaenger = leser.IsDBNull(9) ? null : leser.GetString(9);
                if (!bezeichnungen.TryGetValue((spur, zustand, empfaenger), out var b))
                {
                    b = Bezeichnung(spur, zustand, empfaenger);
                    bezeichnungen[(spur, zustand, empfaenger)] = b;
                }

                await xml.WriteStartElementAsync(null, "event", ns);
                await Attribut(xml, ns, "string", "concept:name", b.Name);
                await Attribut(xml, ns, "string", "lifecycle:transition", "complete");
                await Attribut(xml, ns, "date", "time:timestamp", Zeitstempel(leser.GetFieldValue<DateOnly>(8)));
                await Attribut(xml, ns, "string", "org:group", b.Gruppe);
                await Attribut(xml, ns, "string", "spur", spur);
                await Attribut(xml, ns, "string", "zustand", zustand);
                await Attribut(xml, ns, "string", "trigger", leser.GetString(6));
                await xml.WriteEndElementAsync();
            }
        }

        if (aktuell is not null)
        {
            await xml.WriteEndElementAsync();
        }

        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
        await xml.FlushAsync();
    }

    /// <summary>The trace name of a Fall: the first 128 bits of HMAC-SHA256(key, Fall id), hex.</summary>
    public static string Pseudonym(byte[] schluessel, Guid fallId) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(schluessel, fallId.ToByteArray()).AsSpan(0, 16));

    /// <summary>A fachliches Datum as xs:dateTime: midnight in Europe/Berlin with its offset.</summary>
    public static string Zeitstempel(DateOnly datum)
    {
        var lokal = datum.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(lokal, Berlin.GetUtcOffset(lokal)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
    }

    private static (string Name, string Gruppe) Bezeichnung(string spurText, string zustand, string? empfaenger)
    {
        if (!Enum.TryParse<Spur>(spurText, out var spur))
        {
            return ($"{spurText}: {zustand}", spurText);
        }

        var zustaendig = Spurzustaende.Zustaendig(spur, empfaenger);
        var name = spur == Spur.Ueberleitung
            ? $"{Spurzustaende.Kurzname(spur)} ({zustaendig}): {Spurzustaende.Bezeichnung(spur, zustand)}"
            : $"{Spurzustaende.Kurzname(spur)}: {Spurzustaende.Bezeichnung(spur, zustand)}";
        return (name, zustaendig);
    }

    private static async Task Erweiterung(XmlWriter xml, string ns, string name, string prefix, string uri)
    {
        await xml.WriteStartElementAsync(null, "extension", ns);
        await xml.WriteAttributeStringAsync(null, "name", null, name);
        await xml.WriteAttributeStringAsync(null, "prefix", null, prefix);
        await xml.WriteAttributeStringAsync(null, "uri", null, uri);
        await xml.WriteEndElementAsync();
    }

    private static async Task Attribut(XmlWriter xml, string ns, string typ, string schluessel, string wert)
    {
        await xml.WriteStartElementAsync(null, typ, ns);
        await xml.WriteAttributeStringAsync(null, "key", null, schluessel);
        await xml.WriteAttributeStringAsync(null, "value", null, wert);
        await xml.WriteEndElementAsync();
    }
}
