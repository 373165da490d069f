using Kim.Casemanagement.Application.Analysen;
using Kim.Casemanagement.Application.Einstellungen;
using Kim.Casemanagement.Domain.Common;
using Microsoft.Extensions.Options;

namespace Kim.Casemanagement.Application.Tests.Einstellungen;

/// <summary>The effective settings per Mandant: fallback to the installation, the k floor, the rules, the cache.</summary>
public sealed class MandantEinstellungenTests
{
    [Fact]
    public async Task WirksamAsync_WithoutARow_GivesTheInstallationDefaults()
    {
        var (dienst, _) = Dienst();

        var e = await dienst.WirksamAsync("kreis-a", default);

        e.Mindestgroesse.ShouldBe(5);
        e.Vollzeitstellen.ShouldBe(3.5m);
        e.TitelVorlaufWochen.ShouldBe(8);
        e.EinwilligungVorlaufTage.ShouldBe(28);
        e.KooperationsplanVorlaufTage.ShouldBe(14);
        e.ChancenaufenthaltsrechtVorlaufWochen.ShouldBe(8);
        e.Idealverlauf[Spur.Prozess].Pfade.ShouldBe(AnalysenStandards.Idealverlauf(Spur.Prozess).Pfade);
        e.Version.ShouldBe(MandantEinstellungen.StandardVersion);
        e.Ueberschreibungen.ShouldBe(MandantUeberschreibungen.Keine);
    }

    [Fact]
    public async Task WirksamAsync_WithSomeOverrides_TakesThemAndTheDefaultForTheRest()
    {
        var (dienst, speicher) = Dienst();
        await speicher.SpeichernAsync("kreis-a", MandantUeberschreibungen.Keine with { Mindestgroesse = 9, EinwilligungVorlaufTage = 40 }, DateTimeOffset.UnixEpoch, "ad", null, default);

        var e = await dienst.WirksamAsync("kreis-a", default);
        var andere = await dienst.WirksamAsync("kreis-b", default);

        (e.Mindestgroesse, e.EinwilligungVorlaufTage, e.Vollzeitstellen, e.TitelVorlaufWochen).ShouldBe((9, 40, 3.5m, 8));
        e.Version.ShouldNotBe(MandantEinstellungen.StandardVersion);
        (andere.Mindestgroesse, andere.EinwilligungVorlaufTage).ShouldBe((5, 28));
    }

    [Fact]
    public async Task AendernAsync_WithKBelowTheFloor_RefusesInGermanAndStoresNothing()
    {
        var (dienst, speicher) = Dienst();

        var fehler = await Should.ThrowAsync<DomainException>(() => dienst.AendernAsync("kreis-a", MandantUeberschreibungen.Keine with { Mindestgroesse = 4 }, "ad", null, default));

        fehler.Errors["mindestgroesse"].Single().ShouldContain("nicht unter 5");
        speicher.Zeilen.ShouldBeEmpty();
    }

    [Fact]
    public void Pruefen_NamesEveryWrongFieldAndAcceptsTheBounds()
    {
        var (dienst, _) = Dienst();

        var fehler = dienst.Pruefen(new MandantUeberschreibungen(
            1001, -1m, new Dictionary<Spur, IdealverlaufSpur> { [Spur.Aufenthalt] = new() { Pfade = ["Klaerung>Assessment"], Wartezustaende = ["Nirgends"] } },
            0, 366, 0, 53));

        fehler.Keys.ShouldBe(["mindestgroesse", "vollzeitstellen", "idealverlauf.Aufenthalt", "titelVorlaufWochen", "einwilligungVorlaufTage", "kooperationsplanVorlaufTage", "chancenaufenthaltsrechtVorlaufWochen"], ignoreOrder: true);
        dienst.Pruefen(new MandantUeberschreibungen(5, 0.5m, null, 1, 365, 1, 52)).ShouldBeEmpty();
        dienst.Pruefen(new MandantUeberschreibungen(1000, 100_000m, new Dictionary<Spur, IdealverlaufSpur> { [Spur.Prozess] = new() { Pfade = ["Anfrage>Klaerung"] } }, 52, 1, 365, 1)).ShouldBeEmpty();
    }

    [Fact]
    public async Task AendernAsync_DropsTheCachedEntryAndAuditTextNamesOldAndNew()
    {
        var (dienst, _) = Dienst();
        (await dienst.WirksamAsync("kreis-a", default)).Mindestgroesse.ShouldBe(5);

        var (vorher, nachher) = await dienst.AendernAsync("kreis-a", MandantUeberschreibungen.Keine with { Mindestgroesse = 7, TitelVorlaufWochen = 12 }, "ad", null, default);

        (await dienst.WirksamAsync("kreis-a", default)).Mindestgroesse.ShouldBe(7);
        MandantEinstellungen.Aenderungen(vorher, nachher).ShouldBe("Mindestgroesse: Standard (5) -> 7; TitelVorlaufWochen: Standard (8) -> 12");
    }

    private static (MandantEinstellungen Dienst, Speicher Speicher) Dienst()
    {
        var analysen = new AnalysenOptionen { Mindestgroesse = 5, Vollzeitstellen = 3.5m };
        new AnalysenOptionenPruefung().PostConfigure(null, analysen);
        var speicher = new Speicher();
        return (new MandantEinstellungen(speicher, Options.Create(analysen), Options.Create(new TerminVorlaufOptionen()), TimeProvider.System), speicher);
    }

    private sealed class Speicher : IMandantEinstellungenSpeicher
    {
        public Dictionary<string, GespeicherteUeberschreibungen> Zeilen { get; } = [];

        public Task<GespeicherteUeberschreibungen?> LesenAsync(string mandant, CancellationToken ct) => Task.FromResult(Zeilen.GetValueOrDefault(mandant));

        public Task<IReadOnlyList<GespeicherteUeberschreibungen>> AlleAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<GespeicherteUeberschreibungen>>([.. Zeilen.Values]);

        public Task<bool> SpeichernAsync(string mandant, MandantUeberschreibungen werte, DateTimeOffset am, string von, Versionserwartung? erwartet, CancellationToken ct)
        {
            if (erwartet is not null && Zeilen.GetValueOrDefault(mandant)?.GeaendertAm != erwartet.GeaendertAm)
            {
                return Task.FromResult(false);
            }

            Zeilen[mandant] = new GespeicherteUeberschreibungen(mandant, werte, am, von);
            return Task.FromResult(true);
        }
    }
}
