using Kim.Casemanagement.Application.Analysen;
using Kim.Casemanagement.Application.Analysen.Rohdaten;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Faelle.Aufenthalt;

namespace Kim.Casemanagement.Application.Tests.Analysen;

public sealed class AnalysenHandlerTests
{
    [Theory]
    [InlineData(Rolle.Fallmanagement)]
    [InlineData(Rolle.Teamleitung)]
    [InlineData(Rolle.Partner)]
    [InlineData(Rolle.Datenschutz)]
    [InlineData(Rolle.Administration)]
    public async Task ProzesslandkarteAsync_WhenTheCallerIsNotTheLenkungsgruppe_IsForbiddenBeforeAnyQuery(Rolle rolle)
    {
        var daten = new FakeDaten();
        var handler = Handler.Erstellen(daten, new FakeBenutzer(rolle));

        await Should.ThrowAsync<ZugriffVerweigertException>(() => handler.ProzesslandkarteAsync(AnalyseFilter.Keiner, null, default));

        daten.Aufrufe.ShouldBeEmpty();
    }

    [Fact]
    public async Task ProzesslandkarteAsync_WhenTheSelectionHasFewerFaelleThanTheMinimum_ShowsNothing()
    {
        var daten = new FakeDaten { Population = new Population(4, []) };

        var karte = await Handler.Erstellen(daten).ProzesslandkarteAsync(AnalyseFilter.Keiner, Spur.Prozess, default);

        karte.Gesperrt.ShouldBeTrue();
        karte.Knoten.ShouldBeEmpty();
        karte.Hinweis!.ShouldContain("weniger als 5");
        daten.Aufrufe.ShouldNotContain(nameof(FakeDaten.LandkarteAsync));
    }

    [Theory]
    [InlineData(22, true)]
    [InlineData(24, true)]
    [InlineData(20, false)]
    [InlineData(25, false)]
    [InlineData(40, false)]
    public async Task ProzesslandkarteAsync_WhenAFilterRemovesOnlyAFewFaelle_ShowsNothing(long ohneFilter, bool gesperrt)
    {
        // 20 Fälle with the filter; without it: 22 would mean the other two could be computed by difference.
        var daten = new FakeDaten { Population = new Population(20, [ohneFilter]) };
        var filter = new AnalyseFilter(Aufenthaltsstatus: AufenthaltZustand.Duldung);

        var karte = await Handler.Erstellen(daten).ProzesslandkarteAsync(filter, Spur.Prozess, default);

        karte.Gesperrt.ShouldBe(gesperrt);
    }

    [Fact]
    public async Task ProzesslandkarteAsync_Always_NotesTheAccessWithoutAFall()
    {
        var audit = new FakeAudit();
        var filter = new AnalyseFilter(Von: new DateOnly(2025, 1, 1), Altersgruppe: Altersgruppe.JungeErwachsene);

        await Handler.Erstellen(new FakeDaten(), audit: audit).ProzesslandkarteAsync(filter, Spur.Bildung, default);

        var eintrag = audit.Offen.ShouldHaveSingleItem();
        eintrag.Aktion.ShouldBe("Analysen.Prozesslandkarte");
        eintrag.FallId.ShouldBeNull();
        eintrag.KlientId.ShouldBeNull();
        eintrag.Detail.ShouldBe("Bildung;von=2025-01-01;altersgruppe=JungeErwachsene");
    }

    [Fact]
    public async Task ProzesslandkarteAsync_PassesTheCallersTenantAndTheDatedCohortRules()
    {
        var daten = new FakeDaten();

        await Handler.Erstellen(daten).ProzesslandkarteAsync(AnalyseFilter.Keiner, null, default);

        daten.LetzteAbfrage!.Mandant.ShouldBe("Musterstadt");
        daten.LetzteAbfrage.Heute.ShouldBe(new DateOnly(2025, 12, 31));
        daten.LetzteAbfrage.Regeln.ShouldHaveSingleItem().ZieldimensionIJahre.ShouldBe(3);
    }

    [Fact]
    public async Task DauernAsync_WhenTheMilestoneIsUnknown_IsABadRequest()
    {
        await Should.ThrowAsync<DomainException>(() => Handler.Erstellen(new FakeDaten()).DauernAsync(AnalyseFilter.Keiner, "gibt-es-nicht", default));
    }

    [Fact]
    public async Task XesAsync_WritesTheLogKAnonymousWithThePagesMinimumGroupSizeAndTheTrack()
    {
        var xes = new FakeXes();
        var handler = Handler.Erstellen(new FakeDaten(), xes: xes, optionen: o => o.Mindestgroesse = 7);

        await (await handler.XesAsync(AnalyseFilter.Keiner, Spur.Bildung, false, default))(Stream.Null, default);

        xes.Einstellungen.ShouldBe(new XesEinstellungen(7, Spur.Bildung, false));
    }

    [Fact]
    public async Task XesAsync_WhenTheSelectionIsTooSmall_RefusesBeforeStreaming()
    {
        var handler = Handler.Erstellen(new FakeDaten { Population = new Population(3, []) });

        await Should.ThrowAsync<DomainException>(() => handler.XesAsync(AnalyseFilter.Keiner, null, false, default));
    }

    [Fact]
    public async Task KennzahlenAsync_WithoutSuppression_AddsUpStocksAndPicksTheQuartersOfThePeriod()
    {
        var q1 = new DateOnly(2025, 1, 1);
        var q2 = new DateOnly(2025, 4, 1);
        var daten = new FakeDaten
        {
            Kennzahlen =
            [
                new(q1, "Neu", 10, 10), new(q1, "Bestand:Aktiv", 9, 10), new(q1, "Beendet", 1, 1), new(q1, "Beendet:Verweisung", 1, 1), new(q1, "Fallmanager", 3, 3),
                new(q2, "Neu", 4, 4), new(q2, "Bestand:Aktiv", -2, 6), new(q2, "Bestand:Ruhend", 3, 3), new(q2, "Beendet", 3, 3),
                new(q2, "Beendet:Abschluss:ZieleErreicht", 2, 2), new(q2, "Beendet:Abbruch:Wegzug", 1, 1), new(q2, "Fallmanager", 2, 2),
            ],
        };
        var handler = Handler.Erstellen(daten, optionen: o => o.Mindestgroesse = 1);

        var k = await handler.KennzahlenAsync(new AnalyseFilter(Von: new DateOnly(2025, 4, 1), Bis: new DateOnly(2025, 9, 30)), default);

        k.Quartale.Select(q => q.Quartal).ShouldBe(["2025-Q2", "2025-Q3"]);
        var zwei = k.Quartale[0];
        zwei.Neu.Wert.ShouldBe(4);
        zwei.Aktiv.Wert.ShouldBe(7);
        zwei.Ruhend.Wert.ShouldBe(3);
        zwei.Offen.Wert.ShouldBe(10);
        zwei.Beendet.Wert.ShouldBe(3);
        zwei.Gruende.Single(g => g.Grund == "ZieleErreicht").Anzahl.Wert.ShouldBe(2);
        zwei.Gruende.Single(g => g.Grund == "Wegzug").Anzahl.Wert.ShouldBe(1);
        zwei.Vollzeitstellen.ShouldBeNull("fewer than three case managers would describe a person's work");
        k.Quartale[1].Offen.Wert.ShouldBe(10);
        k.Quartale[1].Bezeichnung.ShouldBe("3. Quartal 2025");
    }

    [Fact]
    public async Task KennzahlenAsync_WithEnoughCaseManagers_GivesOpenFaellePerFte_ButNotForACohort()
    {
        var q1 = new DateOnly(2025, 1, 1);
        var daten = new FakeDaten { Kennzahlen = [new(q1, "Neu", 30, 30), new(q1, "Bestand:Aktiv", 30, 30), new(q1, "Fallmanager", 4, 4)] };
        var handler = Handler.Erstellen(daten);

        var alle = await handler.KennzahlenAsync(AnalyseFilter.Keiner, default);
        var kohorte = await handler.KennzahlenAsync(new AnalyseFilter(ZieldimensionI: true), default);

        alle.Quartale[0].Vollzeitstellen.ShouldBe(4);
        alle.Quartale[0].FaelleJeVollzeitstelle.ShouldBe(7.5);
        kohorte.Quartale[0].FaelleJeVollzeitstelle.ShouldBeNull();
    }

    [Fact]
    public async Task KennzahlenAsync_WithConfiguredFte_UsesThem()
    {
        var q1 = new DateOnly(2025, 1, 1);
        var daten = new FakeDaten { Kennzahlen = [new(q1, "Neu", 30, 30), new(q1, "Bestand:Aktiv", 30, 30), new(q1, "Fallmanager", 1, 1)] };

        var k = await Handler.Erstellen(daten, optionen: o => o.Vollzeitstellen = 2.5m).KennzahlenAsync(AnalyseFilter.Keiner, default);

        k.Quartale[0].FaelleJeVollzeitstelle.ShouldBe(12);
        k.Vollzeitgrundlage.ShouldContain("2,5");
    }

    [Fact]
    public void AnalyseEingaben_WhenANameIsUnknown_IsABadRequestNamingTheField()
    {
        Should.Throw<DomainException>(() => AnalyseEingaben.Filter(null, null, "duldung", null, null, null)).Errors.Keys.ShouldContain("aufenthaltsstatus");
        Should.Throw<DomainException>(() => AnalyseEingaben.Filter(new DateOnly(2025, 2, 1), new DateOnly(2025, 1, 1), null, null, null, null)).Errors.Keys.ShouldContain("bis");
        Should.Throw<DomainException>(() => AnalyseEingaben.Spur("7", erforderlich: false));
        Should.Throw<DomainException>(() => AnalyseEingaben.Spur(null, erforderlich: true));
        AnalyseEingaben.Filter(null, null, "Duldung", "JungeErwachsene", true, null).Altersgruppe.ShouldBe(Altersgruppe.JungeErwachsene);
    }
}
