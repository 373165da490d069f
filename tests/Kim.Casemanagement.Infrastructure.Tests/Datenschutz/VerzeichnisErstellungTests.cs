using Kim.Casemanagement.Application.Analysen;
using Kim.Casemanagement.Domain.Rechtsregeln;
using Kim.Casemanagement.Infrastructure.Datenschutz;
using Kim.Casemanagement.Infrastructure.Identitaet;
using Microsoft.Extensions.Options;

namespace Kim.Casemanagement.Infrastructure.Tests.Datenschutz;

/// <summary>
/// The Art. 30 record is generated: every personal table and kind of data of the catalogue appears, the periods are the
/// rule table's rows valid on the record's day (a Kommune's dated override included), the settings it describes are the
/// deployment's, and what only the Kommune knows is configuration with a visible placeholder.
/// </summary>
public sealed class VerzeichnisErstellungTests
{
    private static readonly DateTimeOffset Jetzt = new(2027, 3, 15, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Verzeichnis_NamesEveryPersonalTableAndEveryKindOfDataOfTheCatalogue()
    {
        var v = Erstellen(Rechtsregeltabelle.Standard, new DatenschutzOptionen());

        var personenbezogen = Datenkatalog.Tabellen.Where(t => t.Personenbezogen).ToArray();
        v.Tabellen.Select(t => t.Tabelle).ShouldBe(personenbezogen.Select(t => t.Name));
        v.Fristen.Select(f => f.Tabelle).ShouldBe(personenbezogen.Select(t => t.Name));
        v.Tabellen.Single(t => t.Tabelle == "klienten").Spalten.Select(s => s.Bezeichnung).ShouldBe(Datenkatalog.Tabelle("klienten").Spalten.Select(s => s.Name));
        v.Zwecke.SelectMany(z => z.Tabellen).Count().ShouldBe(personenbezogen.Length);
        v.Betroffene.Select(b => b.Bezeichnung).ShouldBe(personenbezogen.Select(t => t.Betroffene).Distinct().Order().Select(b => b.Bezeichnung()));
        v.Datenarten.Select(d => d.Bezeichnung).ShouldBe(personenbezogen.SelectMany(t => t.Spalten).Select(s => s.Art).Distinct().Order().Select(a => a.Bezeichnung()));

        // Every column of a personal table is listed under its kind of data.
        var gelistet = v.Datenarten.SelectMany(d => d.Tabellen).ToArray();
        foreach (var t in personenbezogen)
        {
            foreach (var s in t.Spalten)
            {
                gelistet.ShouldContain(g => g.StartsWith($"{t.Bezeichnung} ({t.Name}): ", StringComparison.Ordinal) && g.Split(": ", 2)[1].Split(", ").Contains(s.Name), $"{t.Name}.{s.Name}");
            }
        }
    }

    [Fact]
    public void Verzeichnis_TakesThePeriodsValidOnItsDayFromTheRuleTable_IncludingAKommunesDatedOverride()
    {
        var regeln = Rechtsregeltabelle.Standard.MitErsetzten(
        [
            new Rechtsregel("Aufbewahrung.FallakteNachAbschluss", new DateOnly(2020, 1, 1), new DateOnly(2026, 12, 31), "P3Y", "Produktstandard"),
            new Rechtsregel("Aufbewahrung.FallakteNachAbschluss", new DateOnly(2027, 1, 1), null, "P5Y6M", "Kreistagsbeschluss vom 10.12.2026"),
        ]);

        var vorher = Erstellen(regeln, new DatenschutzOptionen(), new DateOnly(2026, 12, 31));
        var nachher = Erstellen(regeln, new DatenschutzOptionen(), new DateOnly(2027, 1, 1));

        vorher.Fristen.Single(f => f.Tabelle == "notizen").IsoFrist.ShouldBe("P3Y");
        var notizen = nachher.Fristen.Single(f => f.Tabelle == "notizen");
        notizen.IsoFrist.ShouldBe("P5Y6M");
        notizen.Frist.ShouldBe("5 Jahre und 6 Monate nach Abschluss, Abbruch oder Verweisung des Falls");
        notizen.GueltigAb.ShouldBe(new DateOnly(2027, 1, 1));
        notizen.Quelle.ShouldBe("Kreistagsbeschluss vom 10.12.2026");
        foreach (var t in Datenkatalog.Tabellen.Where(t => t.Personenbezogen && t.Aufbewahrung is not null))
        {
            nachher.Fristen.Single(f => f.Tabelle == t.Name).IsoFrist.ShouldBe(regeln.Wert(t.Aufbewahrung!, new DateOnly(2027, 1, 1)).ToString(), t.Name);
        }

        VerzeichnisDarstellung.Markdown(nachher).ShouldContain("| Notizen (notizen) | 5 Jahre und 6 Monate nach Abschluss, Abbruch oder Verweisung des Falls (P5Y6M) |");
    }

    [Fact]
    public void Verzeichnis_NamesTheKommunesControllerAndMarksWhatItLeftOut_AndDescribesTheDeploymentsSettings()
    {
        var o = new DatenschutzOptionen();
        o.Verantwortlicher.Name = "Stadt Musterstadt – Der Oberbürgermeister";
        o.Datenschutzbeauftragter.Kontakt = "datenschutz@musterstadt.de";
        var v = new VerzeichnisErstellung(
            Rechtsregeltabelle.Standard,
            Options.Create(o),
            Options.Create(new SitzungsOptionen { Leerlauf = TimeSpan.FromMinutes(20), Hoechstdauer = TimeSpan.FromHours(8) }),
            Options.Create(new AnalysenOptionen { Mindestgroesse = 7 })).Erstellen(Jetzt, new DateOnly(2027, 3, 15), "standard", 7);

        v.Verantwortlicher.Single(a => a.Bezeichnung == "Name").Wert.ShouldBe("Stadt Musterstadt – Der Oberbürgermeister");
        v.Verantwortlicher.Single(a => a.Bezeichnung == "Anschrift").Wert.ShouldBe(DatenschutzOptionen.Platzhalter("Verantwortlicher:Anschrift"));
        v.Datenschutzbeauftragter.Single(a => a.Bezeichnung == "Kontakt").Wert.ShouldBe("datenschutz@musterstadt.de");
        v.Auftragsverarbeiter.ShouldBe(DatenschutzOptionen.Platzhalter("Auftragsverarbeiter"));
        v.Massnahmen.Single(m => m.Bereich == "Sitzungen").Beschreibung.ShouldContain("nach 20 Minuten ohne Aktivität und spätestens 8 Stunden nach der Anmeldung");
        v.Massnahmen.Single(m => m.Bereich == "Datenminimierung und Trennung").Beschreibung.ShouldContain("Mindestgruppengröße 7");
        v.Empfaenger.Select(e => e.Empfaenger).ShouldBe(["Ausländerbehörde", "Jobcenter", "Bildungsberatung", Datenschutztexte.EigeneStelle, "Lenkungsgruppe"]);
        v.Empfaenger.Single(e => e.Empfaenger == "Jobcenter").Daten.ShouldContain(d => d.StartsWith("Kompetenzprofil (faelle.kompetenzprofil, kompetenzprofil_uebergaben.profil", StringComparison.Ordinal));
    }

    [Fact]
    public void Erstellen_ForAKommuneOtherThanTheDefault_NamesOnlyItsOwnControllerAndOfficerAndItsK()
    {
        var o = new DatenschutzOptionen();
        o.Verantwortlicher.Name = "Stadt Musterstadt – Der Oberbürgermeister";
        o.Verantwortlicher.Anschrift = "Rathaus, Markt 1, 40000 Musterstadt";
        o.Datenschutzbeauftragter.Kontakt = "datenschutz@musterstadt.de";
        o.Kommunen["kreis-b"] = new KommuneDatenschutz { Verantwortlicher = new Kontaktangabe { Name = "Kreis B – Der Landrat" }, AuskunftNenntBeschaeftigte = true };
        var erstellung = new VerzeichnisErstellung(Rechtsregeltabelle.Standard, Options.Create(o), Options.Create(new SitzungsOptionen()), Options.Create(new AnalysenOptionen { Mindestgroesse = 5 }));

        var b = erstellung.Erstellen(Jetzt, new DateOnly(2027, 3, 15), "kreis-b", 9);
        b.Verantwortlicher.Single(a => a.Bezeichnung == "Name").Wert.ShouldBe("Kreis B – Der Landrat");
        // The block is replaced as a whole: Kreis B's controller never gets the city's address.
        b.Verantwortlicher.Single(a => a.Bezeichnung == "Anschrift").Wert.ShouldBe(DatenschutzOptionen.Platzhalter("Kommunen:kreis-b:Verantwortlicher:Anschrift"));
        // The installation's officer is the default Kommune's: Kreis B, which names none, gets a placeholder.
        b.Datenschutzbeauftragter.Single(a => a.Bezeichnung == "Kontakt").Wert.ShouldBe(DatenschutzOptionen.Platzhalter("Kommunen:kreis-b:Datenschutzbeauftragter:Kontakt"));
        b.Auftragsverarbeiter.ShouldBe(DatenschutzOptionen.Platzhalter("Auftragsverarbeiter"));
        b.Massnahmen.Single(m => m.Bereich == "Datenminimierung und Trennung").Beschreibung.ShouldContain("Mindestgruppengröße 9");
        b.Empfaenger.Single(e => e.Empfaenger == "Lenkungsgruppe").Grundlage.ShouldContain("weniger als 9 Fällen");
        o.Fuer("kreis-b").AuskunftNenntBeschaeftigte.ShouldBeTrue();
        o.Fuer("KREIS-B").Verantwortlicher.Name.ShouldBe("Kreis B – Der Landrat");

        var standard = erstellung.Erstellen(Jetzt, new DateOnly(2027, 3, 15), "standard", 5);
        standard.Verantwortlicher.Single(a => a.Bezeichnung == "Name").Wert.ShouldBe("Stadt Musterstadt – Der Oberbürgermeister");
        standard.Datenschutzbeauftragter.Single(a => a.Bezeichnung == "Kontakt").Wert.ShouldBe("datenschutz@musterstadt.de");
        o.Fuer("standard").AuskunftNenntBeschaeftigte.ShouldBeFalse();

        // A Kommune without any entry never gets the city's controller: marked placeholders naming its own keys.
        var c = erstellung.Erstellen(Jetzt, new DateOnly(2027, 3, 15), "kreis-c", 5);
        c.Verantwortlicher.Single(a => a.Bezeichnung == "Name").Wert.ShouldBe(DatenschutzOptionen.Platzhalter("Kommunen:kreis-c:Verantwortlicher:Name"));
        c.Verantwortlicher.ShouldAllBe(a => !a.Wert.Contains("Musterstadt"));
        o.Fuer("kreis-c").Aufsichtsbehoerde.ShouldBe(o.Aufsichtsbehoerde);

        // A k below the installation's floor is a programming error, never a record.
        Should.Throw<ArgumentOutOfRangeException>(() => erstellung.Erstellen(Jetzt, new DateOnly(2027, 3, 15), "kreis-b", 4));
    }

    [Fact]
    public void Darstellung_InMarkdownAndHtml_EscapesWhatTheKommuneConfigured()
    {
        var o = new DatenschutzOptionen();
        o.Verantwortlicher.Name = "Kreis <script>alert(1)</script> *Test*";

        var v = Erstellen(Rechtsregeltabelle.Standard, o);

        VerzeichnisDarstellung.Fragment(v).ShouldNotContain("<script>");
        VerzeichnisDarstellung.Dokument(v).ShouldNotContain("<script>");
        VerzeichnisDarstellung.Markdown(v).ShouldContain(@"Kreis \<script\>alert(1)\</script\> \*Test\*");
    }

    [Theory]
    [InlineData("P3Y", "3 Jahre")]
    [InlineData("P1Y", "1 Jahr")]
    [InlineData("P1Y6M", "1 Jahr und 6 Monate")]
    [InlineData("P90D", "90 Tage")]
    [InlineData("PT24H", "24 Stunden")]
    [InlineData("P2Y1M1DT1H", "2 Jahre, 1 Monat, 1 Tag und 1 Stunde")]
    public void Frist_InWords(string iso, string text) => Frist.Parse(iso).Text().ShouldBe(text);

    private static Verarbeitungsverzeichnis Erstellen(Rechtsregeltabelle regeln, DatenschutzOptionen optionen, DateOnly? heute = null) =>
        new VerzeichnisErstellung(regeln, Options.Create(optionen), Options.Create(new SitzungsOptionen()), Options.Create(new AnalysenOptionen()))
            .Erstellen(Jetzt, heute ?? new DateOnly(2027, 3, 15), "standard", new AnalysenOptionen().Mindestgroesse);
}
