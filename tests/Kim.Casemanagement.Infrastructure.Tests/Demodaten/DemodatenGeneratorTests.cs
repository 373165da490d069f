using System.Text.Json;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Faelle.Aufenthalt;
using Kim.Casemanagement.Domain.Faelle.Leistungen;
using Kim.Casemanagement.Domain.Faelle.Prozess;
using Kim.Casemanagement.Infrastructure.Demodaten;
using Kim.Casemanagement.Infrastructure.Demodaten.Zeilen;

namespace Kim.Casemanagement.Infrastructure.Tests.Demodaten;

/// <summary>The generator without a database: reproducible, realistic in its mix, and every history accepted by the domain.</summary>
public sealed class DemodatenGeneratorTests : IClassFixture<DemodatenGeneratorTests.Stichprobe>
{
    private static readonly DateOnly Heute = new(2026, 11, 20);
    private readonly Stichprobe _stichprobe;

    public DemodatenGeneratorTests(Stichprobe stichprobe) => _stichprobe = stichprobe;

    private IReadOnlyList<FallDatensatz> Faelle => _stichprobe.Faelle;

    [Fact]
    public void Erzeugen_WhenRunTwiceWithTheSameSeed_ProducesIdenticalData()
    {
        var erster = new DemodatenGenerator(Optionen(400, seed: 11));
        var zweiter = new DemodatenGenerator(Optionen(400, seed: 11));

        // The second run simulates the Fälle in reverse order: each Fall has its own random stream.
        var a = erster.Erzeugen(0, erster.Anzahl);
        var b = Enumerable.Range(0, zweiter.Anzahl).Reverse().Select(i => zweiter.Erzeugen(i)).Reverse().ToList();

        Abbild(b).ShouldBe(Abbild(a));
        Abbild(zweiter.Personal.Konten).ShouldBe(Abbild(erster.Personal.Konten));
    }

    [Fact]
    public void Erzeugen_WhenTheSeedDiffers_ProducesDifferentData()
    {
        var a = new DemodatenGenerator(Optionen(50, seed: 1)).Erzeugen(0, 50);
        var b = new DemodatenGenerator(Optionen(50, seed: 2)).Erzeugen(0, 50);

        a.Select(d => d.Klient.Nachname).ShouldNotBe(b.Select(d => d.Klient.Nachname));
    }

    [Fact]
    public void Pruefen_WhenEveryGeneratedFallIsReplayedThroughTheDomain_FindsNoViolation()
    {
        var ergebnis = DemodatenValidierung.Pruefen(Faelle);

        ergebnis.Beispiele.ShouldBeEmpty();
        ergebnis.VerstoesseGesamt.ShouldBe(0);
        ergebnis.Faelle.ShouldBe(Faelle.Count);
        ergebnis.Nachgespielt.ShouldBe(Faelle.Sum(d => (long)d.Ereignisse.Count));
    }

    [Fact]
    public void Erzeugen_ProducesClientsFromTheCountriesOfOriginSeenInNrwWithAgesFrom18To27()
    {
        var laender = Faelle.Select(d => d.Klient.Herkunftsland).ToHashSet();
        string[] erwartet = ["Syrien", "Afghanistan", "Ukraine", "Irak", "Türkei", "Eritrea", "Guinea", "Iran"];
        erwartet.Where(l => !laender.Contains(l)).ShouldBeEmpty();
        Anteil(d => d.Klient.Herkunftsland == "Syrien").ShouldBeInRange(0.15, 0.35);

        var jungeErwachsene = Anteil(d => d.Klient.Geburtsdatum.AddYears(18) <= d.Fall.AufgenommenAm && d.Fall.AufgenommenAm < d.Klient.Geburtsdatum.AddYears(28));
        jungeErwachsene.ShouldBeInRange(0.2, 0.6);
        Faelle.Count(d => d.Klient.HaushaltId is not null).ShouldBeGreaterThan(Faelle.Count / 10);
        Faelle.Select(d => d.Klient.Vorname).Distinct().Count().ShouldBeGreaterThan(100);
    }

    [Fact]
    public void Erzeugen_ProducesOpenClosedPausedAndBrokenOffFaelle()
    {
        var zustaende = Faelle.GroupBy(d => d.Fall.Prozess.Zustand).ToDictionary(g => g.Key, g => g.Count());

        (zustaende.GetValueOrDefault(ProzessZustand.Monitoring) + zustaende.GetValueOrDefault(ProzessZustand.Umsetzung)).ShouldBeGreaterThan(Faelle.Count / 5);
        zustaende.GetValueOrDefault(ProzessZustand.Abschluss).ShouldBeGreaterThan(Faelle.Count / 10);
        zustaende.GetValueOrDefault(ProzessZustand.Abbruch).ShouldBeGreaterThan(0);
        zustaende.GetValueOrDefault(ProzessZustand.Ruhend).ShouldBeGreaterThan(0);
        zustaende.GetValueOrDefault(ProzessZustand.Anfrage).ShouldBeGreaterThan(0);
        zustaende.GetValueOrDefault(ProzessZustand.Verweisung).ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Erzeugen_ProducesConsentsOfWhichSomeAreWithdrawnAndSomeExpired()
    {
        var einwilligungen = Faelle.SelectMany(d => d.Einwilligungen).ToList();

        einwilligungen.Count.ShouldBeGreaterThan(Faelle.Count);
        einwilligungen.Count(e => e.WiderrufenAm is not null).ShouldBeGreaterThan(0);
        einwilligungen.Count(e => e.GueltigBis < Heute).ShouldBeGreaterThan(0);
        Faelle.Count(d => d.Ziele.Count > 0).ShouldBeGreaterThan(Faelle.Count / 2);
        Faelle.Count(d => d.Wiedervorlagen.Any(w => w.ErledigtAm is null)).ShouldBeGreaterThan(0);
        Faelle.Count(d => d.Ueberleitungen.Count > 0).ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Erzeugen_DrivesTheResidencePathsFromRecognitionToNaturalisationAndTheDuldungPaths()
    {
        var uebergaenge = Faelle.SelectMany(d => d.Ereignisse).Select(e => (e.Spur, e.Trigger)).ToHashSet();

        uebergaenge.ShouldContain((Spur.Aufenthalt, nameof(AufenthaltTrigger.Anerkennen)));
        uebergaenge.ShouldContain((Spur.Aufenthalt, nameof(AufenthaltTrigger.NiederlassungserlaubnisErteilen)));
        uebergaenge.ShouldContain((Spur.Aufenthalt, nameof(AufenthaltTrigger.Einbuergern)));
        uebergaenge.ShouldContain((Spur.Aufenthalt, nameof(AufenthaltTrigger.DuldungErteilen)));
        uebergaenge.ShouldContain((Spur.Aufenthalt, nameof(AufenthaltTrigger.Paragraph24Erteilen)));
        Faelle.Count(d => d.Fall.Aufenthalt.Zustand is AufenthaltZustand.Duldung or AufenthaltZustand.DuldungUngeklaerteIdentitaet or AufenthaltZustand.Ausbildungsduldung or AufenthaltZustand.Beschaeftigungsduldung)
            .ShouldBeGreaterThan(0);
        Faelle.Count(d => d.Fall.Aufenthalt.Zustand == AufenthaltZustand.Aufenthaltserlaubnis24).ShouldBeGreaterThan(Faelle.Count / 20);

        // Recognition makes the Rechtskreiswechsel due on the benefits track in the same change (a follow-up event).
        var folgen = Faelle
            .SelectMany(d => d.Ereignisse.Where(e => e.Spur == Spur.Leistungen && e.NachZustand == nameof(LeistungenZustand.RechtskreiswechselFaellig) && e.AusgeloestDurch != null)
                .Select(e => d.Ereignisse[e.AusgeloestDurch!.Value - 1]))
            .ToList();
        folgen.Count.ShouldBeGreaterThan(Faelle.Count / 50);
        folgen.ShouldAllBe(ausloeser => ausloeser.Spur == Spur.Aufenthalt);
    }

    private double Anteil(Func<FallDatensatz, bool> bedingung) => Faelle.Count(bedingung) / (double)Faelle.Count;

    private static DemodatenOptionen Optionen(int klienten, int seed) => new() { Klienten = klienten, Jahre = 8, Seed = seed, Heute = Heute };

    private static string Abbild<T>(T wert) => JsonSerializer.Serialize(wert);

    /// <summary>2,000 clients over 8 years, generated once for the class.</summary>
    public sealed class Stichprobe
    {
        public Stichprobe()
        {
            var generator = new DemodatenGenerator(Optionen(2000, seed: 7));
            Faelle = generator.Erzeugen(0, generator.Anzahl);
        }

        public IReadOnlyList<FallDatensatz> Faelle { get; }
    }
}
