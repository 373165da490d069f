using System.Text;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Kim.Casemanagement.Application.Analysen;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Infrastructure.Analysen;
using static Kim.Casemanagement.Infrastructure.Tests.Analysen.Ereignislog;

namespace Kim.Casemanagement.Infrastructure.Tests.Analysen;

/// <summary>
/// The XES export against the IEEE 1849-2016 schema (<c>xes-ieee-1849-2016.xsd</c> next to this file, embedded in the test assembly as a resource; a faithful copy of the
/// schema published with the standard), with the
/// standard validator (XmlSchemaSet + validating XmlReader), warnings counted as errors: a document whose elements the
/// schema does not cover would otherwise pass "laxly" with only a warning.
/// <para>
/// The schema declares no target namespace. The default export has none either and is validated against the schema as
/// published. The export with <c>xmlns="http://www.xes-standard.org/"</c> (as OpenXES writes it) is validated against the
/// same schema with that namespace set as its target namespace (and as the default namespace of the schema's own
/// references), which is the only change.
/// </para>
/// </summary>
public sealed class XesExportTests
{
    private const int K = 5;

    private static readonly string[] Seltene = ["Schutzstatus", "Aufenthaltsgestattung", "Asylgesuch", "Ankunftsnachweis", "AufenthaltserlaubnisSonstige"];

    /// <summary>
    /// Variant A: 11 Fälle on every track (6 young adults, 5 older: two attribute groups of at least k); variant B: 5 Fälle
    /// taken in a month later (4 young adults, 1 older: too few per age group, so written without attributes); 5 Fälle
    /// each on a path of its own (left out).
    /// </summary>
    private static Ereignislog Log()
    {
        var log = new Ereignislog();
        for (var i = 0; i < 11; i++)
        {
            log.Fall(D(2025, 1, 1), geburtsdatum: i < 6 ? D(2000, 1, 1) : D(1971, 3, 3), einreise: D(2024, 1, 1))
                .Spur(Spur.Prozess, ("Anfrage", D(2025, 1, 1)), ("Klaerung", D(2025, 1, 10 + i)))
                .Spur(Spur.Aufenthalt, ("Duldung", D(2024, 6, 1)), ("Ausbildungsduldung", D(2025, 3, 1)))
                .Spur(Spur.Bildung, ("SprachstandFestgestellt", D(2025, 1, 5)))
                .Ueberleitung("Jobcenter", ("Angefragt", D(2025, 2, 3)), ("Angenommen", D(2025, 2, 20)));
        }

        for (var i = 0; i < 5; i++)
        {
            log.Fall(D(2025, 2, 1), geburtsdatum: i < 4 ? D(2001, 5, 5) : D(1960, 5, 5), einreise: D(2024, 1, 1))
                .Spur(Spur.Prozess, ("Anfrage", D(2025, 2, 1)))
                .Spur(Spur.Aufenthalt, ("Duldung", D(2024, 11, 1 + i)));
        }

        foreach (var status in Seltene)
        {
            log.Fall(D(2025, 1, 15), geburtsdatum: D(1968, 8, 8))
                .Spur(Spur.Prozess, ("Anfrage", D(2025, 1, 15)))
                .Spur(Spur.Aufenthalt, (status, D(2025, 1, 10)));
        }

        return log;
    }

    private static async Task<string> ExportAsync(AnalysenUmgebung u, bool mitNamensraum, Spur? spur = null, AnalyseFilter? filter = null)
    {
        using var ziel = new MemoryStream();
        await u.Xes.SchreibenAsync(ziel, u.Abfrage(filter), new XesEinstellungen(K, spur, mitNamensraum), default);
        return Encoding.UTF8.GetString(ziel.ToArray());
    }

    [Fact]
    public async Task SchreibenAsync_WithoutNamespace_ValidatesAgainstTheIeeeSchemaAsPublished()
    {
        await using var u = await AnalysenUmgebung.MitAsync(Log());

        var xes = await ExportAsync(u, mitNamensraum: false);

        Validieren(xes, Schema(targetNamespace: null)).ShouldBeEmpty();
        XDocument.Parse(xes).Root!.Elements("trace").ShouldNotBeEmpty("the schema is checked on a log with traces");
    }

    [Fact]
    public async Task SchreibenAsync_WithTheXesNamespace_ValidatesAgainstTheSchemaWithThatTargetNamespace()
    {
        await using var u = await AnalysenUmgebung.MitAsync(Log());

        var xes = await ExportAsync(u, mitNamensraum: true);

        XDocument.Parse(xes).Root!.Name.NamespaceName.ShouldBe(XesExport.Namensraum);
        Validieren(xes, Schema(XesExport.Namensraum)).ShouldBeEmpty();
    }

    [Fact]
    public void Validieren_IsStrict_ForADocumentOutsideTheSchemaOrBrokenAgainstIt()
    {
        const string OhneVersion = "<log><trace><string key=\"concept:name\" value=\"x\"/></trace></log>";
        const string FalschesDatum = "<log xes.version=\"1.0\"><trace><event><date key=\"time:timestamp\" value=\"gestern\"/></event></trace></log>";
        const string MitNamensraum = "<log xmlns=\"http://www.xes-standard.org/\" xes.version=\"1.0\"/>";
        const string AttributNachVerlauf = "<log xes.version=\"1.0\"><trace/><int key=\"ausgelasseneFaelle\" value=\"5\"/></log>";

        Validieren(OhneVersion, Schema(null)).ShouldNotBeEmpty();
        Validieren(FalschesDatum, Schema(null)).ShouldNotBeEmpty();
        Validieren(MitNamensraum, Schema(null)).ShouldNotBeEmpty("a namespaced document is not covered by the no-namespace schema");
        Validieren(AttributNachVerlauf, Schema(null)).ShouldNotBeEmpty("log attributes come before the traces");
    }

    [Fact]
    public async Task SchreibenAsync_WritesOneTracePerFallOfAFrequentVariantUnderARandomId_WithoutPersonalData()
    {
        var log = Log();
        await using var u = await AnalysenUmgebung.MitAsync(log);

        var xes = await ExportAsync(u, mitNamensraum: false);
        var doc = XDocument.Parse(xes);

        var traces = doc.Root!.Elements("trace").ToList();
        traces.Count.ShouldBe(16, "variants A (11 Fälle) and B (5); the 5 Fälle on paths of their own are left out");
        doc.Descendants("event").Count().ShouldBe(log.Faelle.Where(f => f.Ereignisse.Count > 2).Sum(f => f.Ereignisse.Count) + (5 * 2));
        Wert(doc.Root, "ausgelasseneFaelle").ShouldBe("5");
        Wert(doc.Root, "ausgelasseneVarianten").ShouldBe("5");
        Wert(doc.Root, "mindestgruppengroesse").ShouldBe("5");
        Wert(doc.Root, "hinweis").ShouldContain("Ausgelassen: 5 Fälle in 5 Varianten mit weniger als 5 Fällen.");
        var ids = traces.Select(t => Wert(t, "concept:name")).ToList();
        ids.ShouldBeUnique();
        ids.ShouldAllBe(p => System.Text.RegularExpressions.Regex.IsMatch(p, "^[0-9a-f]{32}$"));
        foreach (var fall in log.Faelle)
        {
            xes.ShouldNotContain(fall.Id.ToString());
            xes.ShouldNotContain(fall.Id.ToString("N"));
            xes.ShouldNotContain(fall.KlientId.ToString());
        }

        xes.ShouldNotContain("Notiz");
        xes.ShouldNotContain("Test");
        xes.ShouldNotContain("fm.a");
        xes.ShouldNotContain("2000-01-01", Case.Sensitive, "no birth dates");
        foreach (var status in Seltene)
        {
            xes.ShouldNotContain($"\"{status}\"", Case.Sensitive, "a path taken by one Fall only is left out");
        }
    }

    [Fact]
    public async Task SchreibenAsync_WritesNoDateOfAFall_OnlyWeeksSinceIntakeOnAFictitiousAxis()
    {
        var log = Log();
        await using var u = await AnalysenUmgebung.MitAsync(log);

        var xes = await ExportAsync(u, mitNamensraum: false);
        var doc = XDocument.Parse(xes);

        // Before: the fachliches Datum at midnight in Europe/Berlin ("2025-03-01T00:00:00.000+01:00"). Now no date of any
        // Fall, intake or step, appears in any form.
        var daten = log.Faelle.SelectMany(f => f.Ereignisse.Select(e => e.Datum).Append(f.AufgenommenAm).Append(f.Geburtsdatum)).Distinct().ToList();
        foreach (var datum in daten)
        {
            xes.ShouldNotContain(datum.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            xes.ShouldNotContain(datum.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture));
        }

        foreach (var ereignis in doc.Descendants("event"))
        {
            var woche = int.Parse(Wert(ereignis, "wocheSeitAufnahme"), System.Globalization.CultureInfo.InvariantCulture);
            Wert(ereignis, "time:timestamp").ShouldBe(XesExport.Zeitstempel(woche));
            var zeit = DateTimeOffset.Parse(Wert(ereignis, "time:timestamp"), System.Globalization.CultureInfo.InvariantCulture);
            (zeit - new DateTimeOffset(XesExport.Bezugstag.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)).TotalDays.ShouldBe(7 * woche);
        }
    }

    [Fact]
    public async Task SchreibenAsync_EveryTraceIsIdenticalToAtLeastKMinusOneOthers_ApartFromItsId()
    {
        await using var u = await AnalysenUmgebung.MitAsync(Log());

        foreach (var spur in new Spur?[] { null, Spur.Prozess, Spur.Aufenthalt, Spur.Bildung, Spur.Ueberleitung })
        {
            var doc = XDocument.Parse(await ExportAsync(u, mitNamensraum: false, spur));

            var gruppen = doc.Root!.Elements("trace").GroupBy(Inhalt).ToList();
            gruppen.ShouldNotBeEmpty(spur?.ToString());
            gruppen.ShouldAllBe(g => g.Count() >= K, $"Spur {spur}");
        }
    }

    [Fact]
    public async Task SchreibenAsync_TwoExportsOfTheSameData_ShareNoTraceId()
    {
        await using var u = await AnalysenUmgebung.MitAsync(Log());

        var erste = XDocument.Parse(await ExportAsync(u, mitNamensraum: false)).Root!.Elements("trace").Select(t => Wert(t, "concept:name")).ToList();
        var zweite = XDocument.Parse(await ExportAsync(u, mitNamensraum: false)).Root!.Elements("trace").Select(t => Wert(t, "concept:name")).ToList();

        erste.Count.ShouldBe(zweite.Count);
        erste.Intersect(zweite).ShouldBeEmpty();
    }

    [Fact]
    public async Task SchreibenAsync_GivesCohortAttributesOnlyToGroupsOfAtLeastK()
    {
        await using var u = await AnalysenUmgebung.MitAsync(Log());

        var doc = XDocument.Parse(await ExportAsync(u, mitNamensraum: false));

        var mitKohorte = doc.Root!.Elements("trace").Where(t => t.Elements("string").Any(a => (string?)a.Attribute("key") == "aufenthaltsstatusBeiAufnahme")).ToList();
        mitKohorte.Count.ShouldBe(11);
        mitKohorte.ShouldAllBe(t => Wert(t, "aufenthaltsstatusBeiAufnahme") == "Duldung" && Wert(t, "zieldimensionI") == "true");
        mitKohorte.Count(t => Wert(t, "altersgruppe") == "JungeErwachsene").ShouldBe(6);
        mitKohorte.Count(t => Wert(t, "altersgruppe") == "Aeltere").ShouldBe(5);
        var ohne = doc.Root.Elements("trace").Except(mitKohorte).ToList();
        ohne.Count.ShouldBe(5, "variant B: 4 young adults and 1 older are below k per age group");
        ohne.ShouldAllBe(t => t.Elements().Count(a => a.Name.LocalName != "event") == 1, "only the trace id");
    }

    [Fact]
    public async Task SchreibenAsync_DescribesEachEventByTrackStateWeekAndAuthority()
    {
        await using var u = await AnalysenUmgebung.MitAsync(Log());

        var doc = XDocument.Parse(await ExportAsync(u, mitNamensraum: false));

        var ereignis = doc.Descendants("event").First(e => Wert(e, "zustand") == "Ausbildungsduldung");
        Wert(ereignis, "concept:name").ShouldStartWith("Aufenthalt: ");
        Wert(ereignis, "org:group").ShouldBe("Ausländerbehörde");
        Wert(ereignis, "lifecycle:transition").ShouldBe("complete");
        Wert(ereignis, "wocheSeitAufnahme").ShouldBe("8", "1 March is day 59 after intake on 1 January");
        Wert(ereignis, "time:timestamp").ShouldBe("2000-02-28T00:00:00.000+00:00");
        ereignis.Elements().ShouldNotContain(a => (string?)a.Attribute("key") == "trigger");
        var ueberleitung = doc.Descendants("event").First(e => Wert(e, "spur") == "Ueberleitung");
        Wert(ueberleitung, "org:group").ShouldBe("Jobcenter");
        var vorher = doc.Descendants("event").First(e => Wert(e, "zustand") == "Duldung");
        Wert(vorher, "wocheSeitAufnahme").ShouldBe("-31", "1 June 2024 is 214 days before intake");
        XesExport.Zeitstempel(0).ShouldBe("2000-01-03T00:00:00.000+00:00");
        XesExport.Zeitstempel(-1).ShouldBe("1999-12-27T00:00:00.000+00:00");
    }

    [Fact]
    public async Task SchreibenAsync_WithAFilter_ExportsOnlyTheSelection()
    {
        await using var u = await AnalysenUmgebung.MitAsync(Log());

        var doc = XDocument.Parse(await ExportAsync(u, mitNamensraum: false, filter: new AnalyseFilter(Von: D(2025, 2, 1))));

        doc.Root!.Elements("trace").Count().ShouldBe(5);
        Wert(doc.Root, "ausgelasseneFaelle").ShouldBe("0");
    }

    [Fact]
    public async Task SchreibenAsync_WithATrack_WritesOnlyThatTracksEvents()
    {
        await using var u = await AnalysenUmgebung.MitAsync(Log());

        var doc = XDocument.Parse(await ExportAsync(u, mitNamensraum: false, Spur.Bildung));

        doc.Root!.Elements("trace").Count().ShouldBe(11);
        doc.Descendants("event").ShouldAllBe(e => Wert(e, "spur") == "Bildung");
        Wert(doc.Root, "spur").ShouldBe("Bildung");
    }

    [Fact]
    public async Task SchreibenAsync_WhenTheTrackHasFewerThanKFaelle_WritesNoTraceAndWithholdsTheCount()
    {
        var log = new Ereignislog();
        for (var i = 0; i < 6; i++)
        {
            var fall = log.Fall(D(2025, 1, 1)).Spur(Spur.Prozess, ("Anfrage", D(2025, 1, 1)));
            if (i < 2)
            {
                fall.Spur(Spur.Bildung, ("SprachstandFestgestellt", D(2025, 1, 5)));
            }
        }

        await using var u = await AnalysenUmgebung.MitAsync(log);

        var xes = await ExportAsync(u, mitNamensraum: false, Spur.Bildung);
        var doc = XDocument.Parse(xes);

        doc.Root!.Elements("trace").ShouldBeEmpty();
        doc.Root.Elements("int").ShouldNotContain(a => (string?)a.Attribute("key") == "ausgelasseneFaelle");
        Wert(doc.Root, "hinweis").ShouldContain("weniger als 5 Fälle");
        Validieren(xes, Schema(null)).ShouldBeEmpty();
    }

    /// <summary>Everything a trace says except its id.</summary>
    private static string Inhalt(XElement trace) =>
        string.Join("|", trace.Elements().Where(a => (string?)a.Attribute("key") != "concept:name" || a.Name.LocalName == "event").Select(a => a.ToString(SaveOptions.DisableFormatting)));

    private static string Wert(XElement element, string schluessel) =>
        element.Elements().Single(a => (string?)a.Attribute("key") == schluessel).Attribute("value")!.Value;

    /// <summary>The IEEE schema as published, or with <paramref name="targetNamespace"/> set (and made the default namespace of its type references).</summary>
    private static XmlSchemaSet Schema(string? targetNamespace)
    {
        using var ressource = typeof(XesExportTests).Assembly.GetManifestResourceStream("xes-ieee-1849-2016.xsd")
            ?? throw new InvalidOperationException("Die Ressource xes-ieee-1849-2016.xsd fehlt.");
        var xsd = XDocument.Load(ressource);
        if (targetNamespace is not null)
        {
            xsd.Root!.SetAttributeValue("targetNamespace", targetNamespace);
            xsd.Root.SetAttributeValue("xmlns", targetNamespace);
        }

        var set = new XmlSchemaSet();
        using (var leser = xsd.CreateReader())
        {
            set.Add(XmlSchema.Read(leser, (_, e) => throw e.Exception)!);
        }

        set.Compile();
        return set;
    }

    /// <summary>Every validation error and warning.</summary>
    private static List<string> Validieren(string xml, XmlSchemaSet schema)
    {
        var meldungen = new List<string>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = schema,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings | XmlSchemaValidationFlags.ProcessIdentityConstraints,
            DtdProcessing = DtdProcessing.Prohibit,
        };
        settings.ValidationEventHandler += (_, e) => meldungen.Add($"{e.Severity}: {e.Message} ({e.Exception?.LineNumber}:{e.Exception?.LinePosition})");
        using var leser = XmlReader.Create(new StringReader(xml), settings);
        while (leser.Read())
        {
        }

        return meldungen;
    }
}
