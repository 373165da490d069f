using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using Kim.Casemanagement.Application.Analysen;
using Kim.Casemanagement.Domain.Common;
using Npgsql;
using NpgsqlTypes;

namespace Kim.Casemanagement.Infrastructure.Analysen;

/// <summary>
/// The event log as XES (IEEE 1849-2016) for process-mining tools, k-anonymous for the Lenkungsgruppe
/// (<see cref="XesAnonymisierung"/>; method in <c>docs/datenschutz-exporte.md</c>). The steps of the selected Fälle are read
/// once (per Fall: activity ids and day offsets, a few bytes a step), anonymised, and written with an
/// <see cref="XmlWriter"/> straight into the response (no DOM).
/// <list type="bullet">
/// <item>Only variants (sequences of activities) with at least the minimum group size of Fälle; the log states how many
/// Fälle in how many variants were left out (0 or at least the minimum size). Every written trace is identical to at least
/// k − 1 others apart from its id.</item>
/// <item>Trace ids (<c>concept:name</c>) are 128 random bits, new for every export: nothing derived from the Fall, nothing
/// that links two exports. Traces are written grouped, not in the order of the Fälle.</item>
/// <item>No date of a Fall: <c>time:timestamp</c> lies on a fictitious time axis whose week 0 is the intake
/// (<see cref="Bezugstag"/> + 7 × the group's median week since intake); <c>wocheSeitAufnahme</c> carries the week itself.</item>
/// <item>No personal attributes: no names, ids, actors, notes, step parameters or triggers. Cohort attributes (residence
/// status at intake, age group, Zieldimension I) only as far as the group has the minimum size.</item>
/// <item>Events: <c>concept:name</c> = track and German state label, <c>lifecycle:transition</c> = complete,
/// <c>org:group</c> = the authority owning the track (for referrals: the receiving authority), <c>spur</c>, <c>zustand</c>.</item>
/// <item>Namespace: the IEEE schema declares no target namespace, so by default the document has none and validates
/// against it as published. With <see cref="XesEinstellungen.MitNamensraum"/> the elements are in
/// <c>http://www.xes-standard.org/</c>, as OpenXES writes them.</item>
/// </list>
/// </summary>
public sealed class XesExport(NpgsqlDataSource dataSource) : IXesExport
{
    public const string Namensraum = "http://www.xes-standard.org/";

    /// <summary>Week 0 of the fictitious time axis (a Monday, long before any KIM Fall): the week of intake.</summary>
    public static readonly DateOnly Bezugstag = new(2000, 1, 3);

    public async Task SchreibenAsync(Stream ziel, AnalyseAbfrage abfrage, XesEinstellungen einstellungen, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ziel);
        ArgumentNullException.ThrowIfNull(einstellungen);
        var (aktivitaeten, verlaeufe) = await LesenAsync(abfrage, einstellungen.Spur, ct);
        var log = XesAnonymisierung.Bilden(verlaeufe, einstellungen.Mindestgroesse);
        verlaeufe.Clear();

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
        var k = einstellungen.Mindestgroesse;
        await Attribut(xml, ns, "string", "concept:name", string.Create(CultureInfo.InvariantCulture, $"KIM Modul 2: Fallverläufe (anonymisiert, mindestens {k} gleiche Verläufe)"));
        await Attribut(xml, ns, "string", "lifecycle:model", "standard");
        await Attribut(xml, ns, "int", "mindestgruppengroesse", k.ToString(CultureInfo.InvariantCulture));
        if (log.AusgelasseneFaelle is { } faelle && log.AusgelasseneVarianten is { } varianten)
        {
            await Attribut(xml, ns, "int", "ausgelasseneFaelle", faelle.ToString(CultureInfo.InvariantCulture));
            await Attribut(xml, ns, "int", "ausgelasseneVarianten", varianten.ToString(CultureInfo.InvariantCulture));
        }

        if (einstellungen.Spur is { } spur)
        {
            await Attribut(xml, ns, "string", "spur", spur.ToString());
        }

        await Attribut(xml, ns, "string", "hinweis", Hinweis(log, k));

        foreach (var klasse in log.Klassen)
        {
            for (var n = 0; n < klasse.Faelle; n++)
            {
                ct.ThrowIfCancellationRequested();
                await xml.WriteStartElementAsync(null, "trace", ns);
                await Attribut(xml, ns, "string", "concept:name", Verlaufskennung());
                var m = klasse.Merkmale;
                if (m.AufenthaltsstatusBeiAufnahme is { } status)
                {
                    await Attribut(xml, ns, "string", "aufenthaltsstatusBeiAufnahme", status);
                }

                if (m.Altersgruppe is { } alter)
                {
                    await Attribut(xml, ns, "string", "altersgruppe", alter);
                }

                if (m.ZieldimensionI is { } zd)
                {
                    await Attribut(xml, ns, "boolean", "zieldimensionI", zd ? "true" : "false");
                }

                for (var i = 0; i < klasse.Aktivitaeten.Count; i++)
                {
                    var a = aktivitaeten[klasse.Aktivitaeten[i]];
                    var woche = klasse.WochenSeitAufnahme[i];
                    await xml.WriteStartElementAsync(null, "event", ns);
                    await Attribut(xml, ns, "string", "concept:name", a.Name);
                    await Attribut(xml, ns, "string", "lifecycle:transition", "complete");
                    await Attribut(xml, ns, "date", "time:timestamp", Zeitstempel(woche));
                    await Attribut(xml, ns, "int", "wocheSeitAufnahme", woche.ToString(CultureInfo.InvariantCulture));
                    await Attribut(xml, ns, "string", "org:group", a.Gruppe);
                    await Attribut(xml, ns, "string", "spur", a.Spur);
                    await Attribut(xml, ns, "string", "zustand", a.Zustand);
                    await xml.WriteEndElementAsync();
                }

                await xml.WriteEndElementAsync();
            }
        }

        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
        await xml.FlushAsync();
    }

    /// <summary>A trace id: 128 bits from the system's cryptographic random generator, hex.</summary>
    public static string Verlaufskennung() => RandomNumberGenerator.GetHexString(32, lowercase: true);

    /// <summary>A week since intake as xs:dateTime on the fictitious axis: midnight UTC of <see cref="Bezugstag"/> + 7 × week.</summary>
    public static string Zeitstempel(int wocheSeitAufnahme) =>
        Bezugstag.AddDays(7 * wocheSeitAufnahme).ToString("yyyy-MM-dd'T00:00:00.000+00:00'", CultureInfo.InvariantCulture);

    private static string Hinweis(XesAnonymisiert log, int k)
    {
        var text = string.Create(
            CultureInfo.GetCultureInfo("de-DE"),
            $"Anonymisiert: jeder Verlauf ist mit mindestens {k - 1} weiteren identisch; Zeiten in Wochen seit Aufnahme (fiktive Zeitachse, Woche 0 = {Bezugstag:dd.MM.yyyy}), kein Datum eines Falls; Verlaufskennungen zufällig je Export.");
        return log.AusgelasseneFaelle switch
        {
            0 => text,
            null => text + string.Create(CultureInfo.GetCultureInfo("de-DE"), $" Die Auswahl umfasst weniger als {k} Fälle mit Ereignissen; es wird kein Verlauf ausgegeben."),
            var n => text + string.Create(CultureInfo.GetCultureInfo("de-DE"), $" Ausgelassen: {n} Fälle in {log.AusgelasseneVarianten} Varianten mit weniger als {k} Fällen."),
        };
    }

    /// <summary>
    /// The steps of the selected Fälle (of one track, if given), each Fall as activity ids (into the returned table of
    /// distinct published activities) with the days since intake, in the order of fachliches Datum and recording.
    /// </summary>
    private async Task<(List<Aktivitaet> Aktivitaeten, List<XesRohverlauf> Verlaeufe)> LesenAsync(AnalyseAbfrage abfrage, Spur? spur, CancellationToken ct)
    {
        await using var befehl = dataSource.CreateCommand();
        befehl.CommandTimeout = AnalysenDaten.ZeitlimitSekunden;
        var kohorte = KohortenSql.Mit(abfrage, befehl, mitZeitraum: true, mitMerkmalen: true);
        var nurSpur = string.Empty;
        if (spur is { } s)
        {
            befehl.Parameters.Add(new NpgsqlParameter("xes_spur", NpgsqlDbType.Text) { Value = s.ToString() });
            nurSpur = "\n            WHERE e.spur = @xes_spur";
        }

        befehl.CommandText = $"""
            {kohorte}
            SELECT k.fall_id, k.status_aufnahme, k.altersgruppe, k.zieldimension_i, e.spur, e.nach_zustand, e.fachliches_datum - k.aufgenommen_am, u.empfaenger
            FROM kohorte k
            JOIN fall_ereignisse e ON e.fall_id = k.fall_id
            LEFT JOIN ueberleitungen u ON u.id = e.ueberleitung_id{nurSpur}
            ORDER BY k.fall_id, e.fachliches_datum, e.nr
            """;

        var tabelle = new List<Aktivitaet>();
        var ids = new Dictionary<Aktivitaet, int>();
        var bekannt = new Dictionary<(string Spur, string Zustand, string? Empfaenger), int>();
        var verlaeufe = new List<XesRohverlauf>();
        Guid? aktuell = null;
        List<int> schritte = [], tage = [];
        XesMerkmale merkmale = XesMerkmale.Keine;
        await using (var leser = await befehl.ExecuteReaderAsync(ct))
        {
            while (await leser.ReadAsync(ct))
            {
                var fallId = leser.GetGuid(0);
                if (fallId != aktuell)
                {
                    if (aktuell is not null)
                    {
                        verlaeufe.Add(new XesRohverlauf(schritte, tage, merkmale));
                    }

                    aktuell = fallId;
                    schritte = [];
                    tage = [];
                    merkmale = new XesMerkmale(leser.IsDBNull(1) ? null : leser.GetString(1), leser.IsDBNull(2) ? null : leser.GetString(2), leser.GetBoolean(3));
                }

                var schluessel = (leser.GetString(4), leser.GetString(5), leser.IsDBNull(7) ? null : leser.GetString(7));
                if (!bekannt.TryGetValue(schluessel, out var id))
                {
                    var (name, gruppe) = Bezeichnung(schluessel.Item1, schluessel.Item2, schluessel.Item3);
                    var aktivitaet = new Aktivitaet(name, gruppe, schluessel.Item1, schluessel.Item2);
                    if (!ids.TryGetValue(aktivitaet, out id))
                    {
                        id = tabelle.Count;
                        tabelle.Add(aktivitaet);
                        ids[aktivitaet] = id;
                    }

                    bekannt[schluessel] = id;
                }

                schritte.Add(id);
                tage.Add(leser.GetInt32(6));
            }
        }

        if (aktuell is not null)
        {
            verlaeufe.Add(new XesRohverlauf(schritte, tage, merkmale));
        }

        return (tabelle, verlaeufe);
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

    /// <summary>An activity as published: what two steps must share to count as the same.</summary>
    private sealed record Aktivitaet(string Name, string Gruppe, string Spur, string Zustand);
}
