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
    private static readonly byte[] Schluessel = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    private static Ereignislog Log()
    {
        var log = new Ereignislog();
        for (var i = 0; i < 6; i++)
        {
            log.Fall(D(2025, 1, 1), geburtsdatum: D(2000, 1, 1), einreise: D(2024, 1, 1))
                .Spur(Spur.Prozess, ("Anfrage", D(2025, 1, 1)), ("Klaerung", D(2025, 1, 10 + i)))
                .Spur(Spur.Aufenthalt, ("Duldung", D(2024, 6, 1)), ("Ausbildungsduldung", D(2025, 3, 1)))
                .Spur(Spur.Bildung, ("SprachstandFestgestellt", D(2025, 1, 5)));
        }

        // A Fall alone in its cohort (another status at intake): its trace must not carry the cohort attributes.
        log.Fall(D(2025, 2, 1), geburtsdatum: D(1970, 1, 1))
            .Spur(Spur.Prozess, ("Anfrage", D(2025, 2, 1)))
            .Spur(Spur.Aufenthalt, ("Schutzstatus", D(2025, 1, 15)))
            .Ueberleitung("Jobcenter", ("Angefragt", D(2025, 2, 3)), ("Angenommen", D(2025, 2, 20)));
        return log;
    }

    private static async Task<string> ExportAsync(AnalysenUmgebung u, bool mitNamensraum)
    {
        using var ziel = new MemoryStream();
        await u.Xes.SchreibenAsync(ziel, u.Abfrage(), new XesEinstellungen(Schluessel, 5, mitNamensraum), default);
        return Encoding.UTF8.GetString(ziel.ToArray());
    }

    [Fact]
    public async Task SchreibenAsync_WithoutNamespace_ValidatesAgainstTheIeeeSchemaAsPublished()
    {
        await using var u = await AnalysenUmgebung.MitAsync(Log());

        var xes = await ExportAsync(u, mitNamensraum: false);

        Validieren(xes, Schema(targetNamespace: null)).ShouldBeEmpty();
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

        Validieren(OhneVersion, Schema(null)).ShouldNotBeEmpty();
        Validieren(FalschesDatum, Schema(null)).ShouldNotBeEmpty();
        Validieren(MitNamensraum, Schema(null)).ShouldNotBeEmpty("a namespaced document is not covered by the no-namespace schema");
    }

    [Fact]
    public async Task SchreibenAsync_WritesOneTracePerFallUnderAPseudonym_WithoutPersonalData()
    {
        var log = Log();
        await using var u = await AnalysenUmgebung.MitAsync(log);

        var xes = await ExportAsync(u, mitNamensraum: false);
        var doc = XDocument.Parse(xes);

        var traces = doc.Root!.Elements("trace").ToList();
        traces.Count.ShouldBe(7);
        doc.Descendants("event").Count().ShouldBe(log.Faelle.Sum(f => f.Ereignisse.Count));
        var pseudonyme = traces.Select(t => Wert(t, "concept:name")).ToList();
        pseudonyme.ShouldBe(log.Faelle.Select(f => XesExport.Pseudonym(Schluessel, f.Id)), ignoreOrder: true);
        pseudonyme.ShouldAllBe(p => p.Length == 32);
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
    }

    [Fact]
    public async Task SchreibenAsync_GivesCohortAttributesOnlyToTracesWhoseCohortIsLargeEnough()
    {
        await using var u = await AnalysenUmgebung.MitAsync(Log());

        var doc = XDocument.Parse(await ExportAsync(u, mitNamensraum: false));

        var mitKohorte = doc.Root!.Elements("trace").Where(t => t.Elements("string").Any(a => (string?)a.Attribute("key") == "aufenthaltsstatusBeiAufnahme")).ToList();
        mitKohorte.Count.ShouldBe(6);
        mitKohorte.ShouldAllBe(t => Wert(t, "aufenthaltsstatusBeiAufnahme") == "Duldung" && Wert(t, "altersgruppe") == "JungeErwachsene");
    }

    [Fact]
    public async Task SchreibenAsync_DescribesEachEventByTrackStateDateAndAuthority()
    {
        await using var u = await AnalysenUmgebung.MitAsync(Log());

        var doc = XDocument.Parse(await ExportAsync(u, mitNamensraum: false));

        var ereignis = doc.Descendants("event").First(e => Wert(e, "zustand") == "Ausbildungsduldung");
        Wert(ereignis, "concept:name").ShouldStartWith("Aufenthalt: ");
        Wert(ereignis, "org:group").ShouldBe("Ausländerbehörde");
        Wert(ereignis, "lifecycle:transition").ShouldBe("complete");
        Wert(ereignis, "time:timestamp").ShouldBe("2025-03-01T00:00:00.000+01:00");
        var ueberleitung = doc.Descendants("event").First(e => Wert(e, "spur") == "Ueberleitung");
        Wert(ueberleitung, "org:group").ShouldBe("Jobcenter");
        XesExport.Zeitstempel(D(2025, 7, 1)).ShouldBe("2025-07-01T00:00:00.000+02:00");
    }

    [Fact]
    public async Task SchreibenAsync_WithAFilter_ExportsOnlyTheSelection()
    {
        await using var u = await AnalysenUmgebung.MitAsync(Log());
        using var ziel = new MemoryStream();

        await u.Xes.SchreibenAsync(ziel, u.Abfrage(new AnalyseFilter(Von: D(2025, 2, 1))), new XesEinstellungen(Schluessel, 5, false), default);

        XDocument.Parse(Encoding.UTF8.GetString(ziel.ToArray())).Root!.Elements("trace").Count().ShouldBe(1);
    }

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
