using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Analysen;
using Kim.Casemanagement.Application.Einstellungen;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Rechtsregeln;
using Kim.Casemanagement.Infrastructure.Analysen;
using Kim.Casemanagement.Infrastructure.Mandanten;
using Microsoft.Extensions.Options;
using Npgsql;
using static Kim.Casemanagement.Infrastructure.Tests.Analysen.Ereignislog;

namespace Kim.Casemanagement.Infrastructure.Tests.Analysen;

/// <summary>
/// Two Kommunen with the same six Fälle and different settings (migration 0022): each Kommune's analyses use its own
/// minimum group size k, FTE and ideal flow. Installation: k = 2, no FTE. „Teststadt“: FTE 2,5 and an ideal flow of the
/// process track without the assessment; „nachbarkreis“: k = 3. Per Kommune: four Fälle Anfrage → Klärung → Assessment,
/// two Anfrage → Klärung → Verweisung.
/// </summary>
public sealed class EinstellungenJeMandantTests
{
    private const string Nachbar = "nachbarkreis";

    [Fact]
    public async Task Analysen_OfTwoKommunenWithOwnSettings_EachUseTheirOwnKFteAndIdealFlow()
    {
        await using var u = await UmgebungAsync();
        var (_, stadt, nachbar) = await HandlerAsync(u);

        // k: the variant of two Fälle is shown in the Kommune with k = 2, withheld in the one with k = 3.
        var vStadt = await stadt.VariantenAsync(AnalyseFilter.Keiner, Spur.Prozess, default);
        var vNachbar = await nachbar.VariantenAsync(AnalyseFilter.Keiner, Spur.Prozess, default);
        vStadt.Varianten.Select(v => (v.Zustaende[^1], v.Faelle)).ShouldBe([("Assessment", 4L), ("Verweisung", 2L)], ignoreOrder: true);
        vNachbar.Varianten.ShouldNotContain(v => v.Faelle == 2, "k = 3 of the Kommune withholds the variant of two Fälle");

        // FTE: the configured 2,5 in one, the counted case managers (one) in the other.
        var kStadt = await stadt.KennzahlenAsync(AnalyseFilter.Keiner, default);
        var kNachbar = await nachbar.KennzahlenAsync(AnalyseFilter.Keiner, default);
        kStadt.Quartale.Single(q => q.Quartal == "2025-Q1").Vollzeitstellen.ShouldBe(2.5);
        kStadt.Vollzeitgrundlage.ShouldContain("2,5");
        kNachbar.Quartale.Single(q => q.Quartal == "2025-Q1").Vollzeitstellen.ShouldBe(1);

        // Ideal flow: Klärung → Assessment is a deviation only where the Kommune's ideal flow leaves it out.
        var aStadt = await stadt.AbweichungenAsync(AnalyseFilter.Keiner, default);
        var aNachbar = await nachbar.AbweichungenAsync(AnalyseFilter.Keiner, default);
        aStadt.Abweichungen.ShouldContain(a => a.Spur == Spur.Prozess && a.Von == "Klaerung" && a.Nach == "Assessment" && a.Faelle == 4);
        aNachbar.Abweichungen.ShouldNotContain(a => a.Von == "Klaerung" && a.Nach == "Assessment");

        // The pages say which k applies.
        (await stadt.EinstellungenAsync(default)).Mindestgroesse.ShouldBe(2);
        (await nachbar.EinstellungenAsync(default)).Mindestgroesse.ShouldBe(3);
    }

    [Fact]
    public async Task StoredReport_WhenTheKommuneChangesItsK_IsRecomputedUnderTheNewSettingsAndTheOtherKommuneKeepsItsOwn()
    {
        await using var u = await UmgebungAsync();
        var (dienst, stadt, nachbar) = await HandlerAsync(u);
        var vorher = await nachbar.BerichtAsync(AnalyseFilter.Keiner, null, BerichtTeile.Alle, default);
        (await nachbar.BerichtAsync(AnalyseFilter.Keiner, null, BerichtTeile.Alle, default)).Gespeichert.ShouldBeTrue();
        var stadtVorher = await stadt.BerichtAsync(AnalyseFilter.Keiner, null, BerichtTeile.Alle, default);
        vorher.Varianten!.Varianten.ShouldNotContain(v => v.Faelle == 2);

        await dienst.AendernAsync(Nachbar, MandantUeberschreibungen.Keine, "ad.nachbar", null, default);

        var nachher = await nachbar.BerichtAsync(AnalyseFilter.Keiner, null, BerichtTeile.Alle, default);
        nachher.Gespeichert.ShouldBeFalse("the report stored under k = 3 is not shown once the Kommune's settings changed");
        nachher.Varianten!.Varianten.ShouldContain(v => v.Faelle == 2);
        (await nachbar.BerichtAsync(AnalyseFilter.Keiner, null, BerichtTeile.Alle, default)).Gespeichert.ShouldBeTrue();
        (await nachbar.StandErneuernAsync(Nachbar, default)).ShouldBeFalse("stored under the current settings, nothing changed");

        var stadtNachher = await stadt.BerichtAsync(AnalyseFilter.Keiner, null, BerichtTeile.Alle, default);
        stadtNachher.Gespeichert.ShouldBeTrue("another Kommune's change does not touch this Kommune's stored report");
        stadtNachher.Varianten!.Varianten.Count.ShouldBe(stadtVorher.Varianten!.Varianten.Count);
    }

    private static async Task<AnalysenUmgebung> UmgebungAsync()
    {
        var log = new Ereignislog();
        foreach (var mandant in new[] { Ereignislog.Mandant, Nachbar })
        {
            for (var i = 0; i < 6; i++)
            {
                var f = log.Fall(D(2025, 1, 10 + i), mandant: mandant)
                    .Schritt(Spur.Prozess, "Aufnahme", null, "Anfrage", D(2025, 1, 10 + i))
                    .Schritt(Spur.Prozess, "Klaeren", "Anfrage", "Klaerung", D(2025, 2, 1 + i));
                if (i < 4)
                {
                    f.Schritt(Spur.Prozess, "AssessmentBeginnen", "Klaerung", "Assessment", D(2025, 3, 1 + i));
                }
                else
                {
                    f.Schritt(Spur.Prozess, "Verweisen", "Klaerung", "Verweisung", D(2025, 3, 1 + i));
                }
            }
        }

        var u = await AnalysenUmgebung.MitAsync(log);
        await using var verbindung = new NpgsqlConnection(u.Datenbank.OwnerConnectionString);
        await verbindung.OpenAsync();
        await using var befehl = new NpgsqlCommand($"INSERT INTO mandanten (schluessel, name) VALUES ('{Ereignislog.Mandant}', 'Teststadt'), ('{Nachbar}', 'Nachbarkreis') ON CONFLICT DO NOTHING", verbindung);
        await befehl.ExecuteNonQueryAsync();
        return u;
    }

    private static async Task<(MandantEinstellungen Dienst, AnalysenHandler Stadt, AnalysenHandler Nachbar)> HandlerAsync(AnalysenUmgebung u)
    {
        var o = new AnalysenOptionen { Mindestgroesse = 2, MindestzahlFallmanager = 1 };
        new AnalysenOptionenPruefung().PostConfigure(null, o);
        var dienst = new MandantEinstellungen(new MandantEinstellungenSpeicher(u.DataSource), Options.Create(o), Options.Create(new TerminVorlaufOptionen()), TimeProvider.System);
        await dienst.AendernAsync(
            Ereignislog.Mandant,
            MandantUeberschreibungen.Keine with
            {
                Vollzeitstellen = 2.5m,
                Idealverlauf = new Dictionary<Spur, IdealverlaufSpur> { [Spur.Prozess] = new() { Pfade = ["Anfrage>Klaerung>Verweisung"], Wartezustaende = ["Klaerung"] } },
            },
            "ad.stadt",
            null,
            default);
        await dienst.AendernAsync(Nachbar, MandantUeberschreibungen.Keine with { Mindestgroesse = 3 }, "ad.nachbar", null, default);

        AnalysenHandler Handler(string mandant) => new(
            u.Daten, u.Xes, new Lenkungsgruppe(mandant), new FesterKalender(AnalysenUmgebung.Heute), Rechtsregeltabelle.Standard, Options.Create(o),
            new OffenesAudit(), new AnalysenStand(u.DataSource), KeineAnalysenProjektion.Instanz, dienst);
        return (dienst, Handler(Ereignislog.Mandant), Handler(Nachbar));
    }

    private sealed class Lenkungsgruppe(string mandant) : IAktuellerBenutzer
    {
        public string Id => "lg." + mandant;

        public string Mandant => mandant;

        public bool IstAngemeldet => true;

        public IReadOnlySet<Rolle> Rollen { get; } = new HashSet<Rolle> { Rolle.Lenkungsgruppe };

        public Guid? TeamId => null;

        public Behoerde? Behoerde => null;

        public string? Herkunft => null;
    }
}
