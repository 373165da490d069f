using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Application.Faelle.FaelleSuchen;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Domain.Faelle.Aufenthalt;
using Kim.Casemanagement.Domain.Faelle.Bildung;
using Kim.Casemanagement.Domain.Faelle.Leistungen;
using Kim.Casemanagement.Domain.Faelle.Prozess;
using Kim.Casemanagement.Testing;
using static Kim.Casemanagement.Infrastructure.Tests.Persistence.Testfaelle;

namespace Kim.Casemanagement.Infrastructure.Tests.Persistence;

/// <summary>
/// The caseload search (<c>IFallAbfragen.SuchenAsync</c>) as the application role runs it. The tests share one database;
/// each gives its Fälle a case manager of its own and searches within that case manager's Fälle only.
/// </summary>
public sealed class FallAbfragenTests(PostgresDatabaseFixture fixture) : IClassFixture<PostgresDatabaseFixture>, IAsyncLifetime
{
    private readonly KimDienste _dienste = new(fixture.AppConnectionString, fixture.OwnerConnectionString);
    private readonly string _fallmanager = "fm." + Guid.NewGuid().ToString("N")[..12];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _dienste.DisposeAsync();

    [Theory]
    [InlineData("hadd", "Haddad")]
    [InlineData("HADDAD", "Haddad")]
    [InlineData("mina Hadd", "Haddad")]
    [InlineData("  haddad  ", "Haddad")]
    [InlineData("MÜLLER", "Müller")]
    [InlineData("шевч", "Шевченко")]
    [InlineData("ОЛЕНА ШЕВЧЕНКО", "Шевченко")]
    [InlineData("الأحمد", "الأحمد")]
    [InlineData("محم", "الأحمد")]
    [InlineData("ገብረ", "ገብረመድህን")]
    public async Task SuchenAsync_WhenTheTextIsPartOfAName_FindsThatFallCaseInsensitivelyInAnyScript(string text, string nachname)
    {
        await NamenAnlegenAsync();

        var seite = await SuchenAsync(new FallSuche(Suche: text));

        seite.Eintraege.Select(z => z.Nachname).ShouldBe([nachname]);
        seite.Gesamt.ShouldBe(1);
    }

    [Fact]
    public async Task SuchenAsync_WhenTheTextIsTheFileNumberOrPartOfIt_FindsThatFall()
    {
        var faelle = await NamenAnlegenAsync();
        var gesucht = faelle[2];

        (await SuchenAsync(new FallSuche(Suche: gesucht.Aktenzeichen))).Eintraege.Select(z => z.Id).ShouldBe([gesucht.Id]);
        (await SuchenAsync(new FallSuche(Suche: gesucht.Aktenzeichen[^6..]))).Eintraege.Select(z => z.Id).ShouldBe([gesucht.Id]);
        (await SuchenAsync(new FallSuche(Suche: gesucht.Aktenzeichen.ToLowerInvariant()))).Eintraege.Select(z => z.Id).ShouldBe([gesucht.Id]);
    }

    [Theory]
    [InlineData("%", true)]
    [InlineData("_", true)]
    [InlineData("50%_", true)]
    [InlineData("Ha%ad", false)]
    [InlineData("H_ddad", false)]
    [InlineData("KIM_2026", false)]
    [InlineData("%%", false)]
    [InlineData("\\", false)]
    [InlineData("50\\%", false)]
    public async Task SuchenAsync_WhenTheTextContainsLikeWildcards_TreatsThemAsPlainCharacters(string text, bool findetNurDasAktenzeichenMitProzent)
    {
        await NamenAnlegenAsync();
        var mitProzent = await AnlegenAsync("Paula", "Prozent", aktenzeichen: "TEST-50%_" + Guid.NewGuid().ToString("N")[..8]);

        var seite = await SuchenAsync(new FallSuche(Suche: text));

        seite.Eintraege.Select(z => z.Id).ShouldBe(findetNurDasAktenzeichenMitProzent ? [mitProzent.Id] : []);
    }

    [Fact]
    public async Task SuchenAsync_WhenTheTextIsInDecomposedUnicode_FindsTheNameStoredComposed()
    {
        await NamenAnlegenAsync();
        var zerlegt = "Mu\u0308ller"; // "Müller" as macOS and many PDFs deliver it (NFD); names are stored in NFC.

        var seite = await SuchenAsync(new FallSuche(Suche: zerlegt));

        seite.Eintraege.Select(z => z.Nachname).ShouldBe(["Müller"], "the search text is not normalised (NFC) like every stored text");
    }

    [Fact]
    public async Task SuchenAsync_WhenFilteredByPhase_ReturnsOnlyFaelleInThatPhase()
    {
        var anfrage = await AnlegenAsync("Anna", "Anfrage");
        var klaerung = await AnlegenAsync("Karl", "Klaerung", f => f.Ausfuehren(Spur.Prozess, nameof(ProzessTrigger.Klaeren), Aufnahmetag));
        var verweisung = await AnlegenAsync("Vera", "Verweisung", f =>
        {
            f.Ausfuehren(Spur.Prozess, nameof(ProzessTrigger.Klaeren), Aufnahmetag);
            f.Ausfuehren(Spur.Prozess, nameof(ProzessTrigger.Verweisen), Aufnahmetag, new() { [ParameterNamen.Grund] = "Migrationsberatung zuständig" });
        });

        (await SuchenAsync(new FallSuche(Phase: "Anfrage"))).Eintraege.Select(z => z.Id).ShouldBe([anfrage.Id]);
        (await SuchenAsync(new FallSuche(Phase: "Klaerung"))).Eintraege.Select(z => z.Id).ShouldBe([klaerung.Id]);
        var seite = await SuchenAsync(new FallSuche(Phase: "Verweisung"));
        seite.Eintraege.Select(z => (z.Id, z.Prozess)).ShouldBe([(verweisung.Id, "Verweisung")]);
        (await SuchenAsync(new FallSuche(Phase: "Evaluation"))).Gesamt.ShouldBe(0);
    }

    [Theory]
    [InlineData("Aufenthalt", "Duldung", "Geduldete")]
    [InlineData("Aufenthalt", "Aufenthaltsgestattung", "Gestattete")]
    [InlineData("Aufenthalt", "Niederlassungserlaubnis", null)]
    [InlineData("Leistungen", "AsylbLG", "Geduldete")]
    [InlineData("Leistungen", "KeinLeistungsbezug", "Gestattete")]
    [InlineData("Bildung", "IntegrationskursLaeuft", "Geduldete")]
    [InlineData("Bildung", "Erstberatung", "Gestattete")]
    [InlineData("Prozess", "Klaerung", "Gestattete")]
    public async Task SuchenAsync_WhenFilteredByTheStateOfATrack_ReturnsOnlyFaelleInThatState(string spur, string zustand, string? nachname)
    {
        await AnlegenAsync("Dana", "Geduldete", angaben: new Aufnahmeangaben(
            AufenthaltZustand.Duldung, new DateOnly(2025, 6, 1), null, new DateOnly(2026, 6, 1), null,
            LeistungenZustand.AsylbLG, new DateOnly(2025, 6, 1), BildungZustand.IntegrationskursLaeuft, new DateOnly(2025, 10, 1), Sprachniveau.A1));
        await AnlegenAsync(
            "Gabi",
            "Gestattete",
            f => f.Ausfuehren(Spur.Prozess, nameof(ProzessTrigger.Klaeren), Aufnahmetag),
            angaben: new Aufnahmeangaben(
                AufenthaltZustand.Aufenthaltsgestattung, new DateOnly(2025, 11, 3), null, null, null,
                LeistungenZustand.KeinLeistungsbezug, null, BildungZustand.Erstberatung, null, null));

        var seite = await SuchenAsync(new FallSuche(Spur: spur, Zustand: zustand));

        seite.Eintraege.Select(z => z.Nachname).ShouldBe(nachname is null ? [] : [nachname]);
    }

    [Theory]
    [InlineData("Beratung", null, null, "phase")]
    [InlineData("1", null, null, "phase")]
    [InlineData("anfrage", null, null, "phase")]
    [InlineData(null, "Aufenthalt", "Duldet", "zustand")]
    [InlineData(null, "Leistungen", "Anfrage", "zustand")]
    [InlineData(null, "Bildung", "3", "zustand")]
    [InlineData(null, "Ueberleitung", "Angefragt", "spur")]
    public async Task SuchenAsync_WhenAStateNameIsUnknown_ThrowsDomainExceptionNamingTheField(string? phase, string? spur, string? zustand, string feld)
    {
        await AnlegenAsync("Anna", "Anfrage");

        var fehler = await Should.ThrowAsync<DomainException>(() => SuchenAsync(new FallSuche(Phase: phase, Spur: spur, Zustand: zustand)));

        fehler.Errors.Keys.ShouldBe([feld]);
    }

    [Fact]
    public async Task SuchenAsync_WhenFilteredByDueFollowUps_ReturnsFaelleWithAnOpenFollowUpDueTodayOrEarlier()
    {
        var heuteFaellig = await AnlegenAsync("Hanna", "HeuteFaellig", f => Wiedervorlage(f, Heute));
        var morgen = await AnlegenAsync("Moritz", "Morgen", f => Wiedervorlage(f, Heute.AddDays(1)));
        var erledigt = await AnlegenAsync("Erik", "Erledigt", f => f.WiedervorlageErledigen(Wiedervorlage(f, Heute.AddDays(-10)), Fallmanagerin, Jetzt));
        await AnlegenAsync("Olga", "Ohne");
        var ueberfaellig = await AnlegenAsync("Udo", "Ueberfaellig", f =>
        {
            Wiedervorlage(f, Heute.AddDays(-3));
            Wiedervorlage(f, Heute.AddDays(7));
        });

        var faellig = await SuchenAsync(new FallSuche(FaelligeWiedervorlagen: true, Sortierung: "name", Absteigend: false));
        var alle = await SuchenAsync(new FallSuche(Sortierung: "name", Absteigend: false));

        faellig.Eintraege.Select(z => (z.Id, z.NaechsteWiedervorlage, z.FaelligeWiedervorlagen)).ShouldBe(
        [
            (heuteFaellig.Id, (DateOnly?)Heute, 1),
            (ueberfaellig.Id, Heute.AddDays(-3), 1),
        ]);
        faellig.Gesamt.ShouldBe(2);
        alle.Eintraege.Single(z => z.Id == morgen.Id).ShouldSatisfyAllConditions(
            z => z.NaechsteWiedervorlage.ShouldBe(Heute.AddDays(1)),
            z => z.FaelligeWiedervorlagen.ShouldBe(0));
        alle.Eintraege.Single(z => z.Id == erledigt.Id).ShouldSatisfyAllConditions(
            z => z.NaechsteWiedervorlage.ShouldBeNull(),
            z => z.FaelligeWiedervorlagen.ShouldBe(0));
    }

    [Fact]
    public async Task SuchenAsync_WhenFilteredByDaysWithoutContact_ReturnsFaelleWhoseLastContactOrIntakeIsAtLeastThatOld()
    {
        // Heute is 2026-03-02, so 30 days without contact means the last contact (or the intake) is on 2026-01-31 or earlier.
        var nieKontakt = await AnlegenAsync("Nina", "NieKontakt");
        await AnlegenAsync("Kurt", "KuerzlichKontakt", f => Kontakt(f, new DateOnly(2026, 2, 20)));
        await AnlegenAsync("Nele", "NeuAufgenommen", aufgenommenAm: new DateOnly(2026, 2, 15));
        var genau30 = await AnlegenAsync("Gerd", "GenauDreissig", f => Kontakt(f, new DateOnly(2026, 1, 31)));
        await AnlegenAsync("Nora", "NeunundzwanzigTage", f => Kontakt(f, new DateOnly(2026, 2, 1)));

        var seite = await SuchenAsync(new FallSuche(OhneKontaktSeitTagen: 30, Sortierung: "name", Absteigend: false));

        seite.Eintraege.Select(z => (z.Id, z.LetzterKontaktAm)).ShouldBe([(genau30.Id, (DateOnly?)new DateOnly(2026, 1, 31)), (nieKontakt.Id, null)]);
        (await SuchenAsync(new FallSuche(OhneKontaktSeitTagen: 0))).Gesamt.ShouldBe(5);
    }

    [Fact]
    public async Task SuchenAsync_WhenSortedAndPaged_ReturnsThePagesInOrderWithTotalAndPageCount()
    {
        string[] reihenfolge = ["Bauer", "Ahmadi Zahra", "Ahmadi Ali", "Yilmaz", "Chen"]; // creation order = file-number order = change order
        var faelle = new Dictionary<string, Fall>();
        var start = new DateTimeOffset(2026, 2, 1, 10, 0, 0, TimeSpan.Zero);
        faelle["Bauer"] = await AnlegenAsync("Anna", "Bauer", f => Wiedervorlage(f, Heute.AddDays(5), start), jetzt: start);
        faelle["Ahmadi Zahra"] = await AnlegenAsync("Zahra", "Ahmadi", jetzt: start.AddMinutes(1));
        faelle["Ahmadi Ali"] = await AnlegenAsync("Ali", "Ahmadi", jetzt: start.AddMinutes(2));
        faelle["Yilmaz"] = await AnlegenAsync("Can", "Yilmaz", f => Wiedervorlage(f, Heute.AddDays(1), start.AddMinutes(3)), jetzt: start.AddMinutes(3));
        faelle["Chen"] = await AnlegenAsync("Li", "Chen", f => Wiedervorlage(f, Heute.AddDays(-2), start.AddMinutes(4)), jetzt: start.AddMinutes(4));

        async Task<string[]> Reihenfolge(string sortierung, bool absteigend)
        {
            var seite = await SuchenAsync(new FallSuche(Sortierung: sortierung, Absteigend: absteigend, Groesse: 200));
            return seite.Eintraege.Select(z => faelle.Single(f => f.Value.Id == z.Id).Key).ToArray();
        }

        (await Reihenfolge("name", false)).ShouldBe(["Ahmadi Ali", "Ahmadi Zahra", "Bauer", "Chen", "Yilmaz"]);
        (await Reihenfolge("name", true)).ShouldBe(["Yilmaz", "Chen", "Bauer", "Ahmadi Zahra", "Ahmadi Ali"]);
        (await Reihenfolge("aktenzeichen", false)).ShouldBe(reihenfolge);
        (await Reihenfolge("aktenzeichen", true)).ShouldBe(reihenfolge.AsEnumerable().Reverse());
        (await Reihenfolge("geaendert", false)).ShouldBe(reihenfolge);
        (await Reihenfolge("geaendert", true)).ShouldBe(reihenfolge.AsEnumerable().Reverse());
        var wiedervorlageAuf = await Reihenfolge("wiedervorlage", false);
        wiedervorlageAuf[..3].ShouldBe(["Chen", "Yilmaz", "Bauer"]);
        wiedervorlageAuf[3..].ShouldBe(["Ahmadi Zahra", "Ahmadi Ali"], ignoreOrder: true, "Fälle without follow-up come last");
        var wiedervorlageAb = await Reihenfolge("wiedervorlage", true);
        wiedervorlageAb[..3].ShouldBe(["Bauer", "Yilmaz", "Chen"]);
        wiedervorlageAb[3..].ShouldBe(["Ahmadi Zahra", "Ahmadi Ali"], ignoreOrder: true, "Fälle without follow-up come last, also descending");

        var seiten = new List<Seite<FallZeile>>();
        for (var nr = 1; nr <= 4; nr++)
        {
            seiten.Add(await SuchenAsync(new FallSuche(Sortierung: "name", Absteigend: false, Seite: nr, Groesse: 2)));
        }

        seiten.Select(s => string.Join(", ", s.Eintraege.Select(z => z.Nachname + " " + z.Vorname))).ShouldBe(
        [
            "Ahmadi Ali, Ahmadi Zahra",
            "Bauer Anna, Chen Li",
            "Yilmaz Can",
            string.Empty,
        ]);
        seiten.ShouldAllBe(s => s.Gesamt == 5 && s.Seiten == 3 && s.Groesse == 2);
        seiten.Select(s => s.SeiteNr).ShouldBe([1, 2, 3, 4]);
        var leer = await SuchenAsync(new FallSuche(Suche: "niemand heißt so"));
        (leer.Gesamt, leer.Seiten, leer.Eintraege.Count).ShouldBe((0, 0, 0));
    }

    [Fact]
    public async Task SuchenAsync_WhenAFallIsFound_ShowsItsCurrentStatesAndClientInTheRow()
    {
        var fall = await AnlegenAsync("Amina", "Haddad", f =>
        {
            f.Ausfuehren(Spur.Prozess, nameof(ProzessTrigger.Klaeren), Aufnahmetag);
            f.NotizVerfassen(Guid.NewGuid(), "Telefonat", new DateOnly(2026, 2, 2), Fallmanagerin, Heute, Jetzt);
        });

        var zeile = (await SuchenAsync(new FallSuche(Suche: "Haddad"))).Eintraege.Single();

        zeile.ShouldBe(new FallZeile(
            fall.Id, fall.Aktenzeichen, "Amina", "Haddad", new DateOnly(1998, 5, 17), "Syrien", _fallmanager,
            nameof(ProzessZustand.Klaerung), nameof(AufenthaltZustand.KeinStatus), nameof(LeistungenZustand.KeinLeistungsbezug), nameof(BildungZustand.KeineBeratung),
            null, 0, new DateOnly(2026, 2, 2), Jetzt));
    }

    private static Guid Wiedervorlage(Fall fall, DateOnly faellig, DateTimeOffset? jetzt = null) =>
        fall.WiedervorlageAnlegen(Guid.NewGuid(), faellig, "Nachfassen", WiedervorlageArt.Manuell, null, null, jetzt ?? Jetzt).Id;

    private static void Kontakt(Fall fall, DateOnly am) => fall.NotizVerfassen(Guid.NewGuid(), "Gespräch", am, Fallmanagerin, Heute, Jetzt);

    /// <summary>Names in Latin (with umlaut), Cyrillic, Arabic and Ethiopic script.</summary>
    private async Task<IReadOnlyList<Fall>> NamenAnlegenAsync() =>
    [
        await AnlegenAsync("Amina", "Haddad"),
        await AnlegenAsync("Jürgen", "Müller"),
        await AnlegenAsync("Олена", "Шевченко"),
        await AnlegenAsync("محمد", "الأحمد"),
        await AnlegenAsync("ተስፋይ", "ገብረመድህን"),
    ];

    private async Task<Fall> AnlegenAsync(
        string vorname,
        string nachname,
        Action<Fall>? danach = null,
        DateOnly? aufgenommenAm = null,
        Aufnahmeangaben? angaben = null,
        DateTimeOffset? jetzt = null,
        string? aktenzeichen = null)
    {
        await using var bereich = _dienste.NeuerBereich();
        aktenzeichen ??= await bereich.Repository.NaechstesAktenzeichenAsync(Heute, default);
        var fall = Eroeffnen(aktenzeichen, NeuerKlient(vorname, nachname, jetzt), _fallmanager, aufgenommenAm, angaben, jetzt);
        danach?.Invoke(fall);
        await bereich.Repository.HinzufuegenAsync(fall, default);
        return fall;
    }

    /// <summary>Searches among this test's Fälle only (its own case manager), as of <see cref="Testfaelle.Heute"/>.</summary>
    private async Task<Seite<FallZeile>> SuchenAsync(FallSuche suche)
    {
        await using var bereich = _dienste.NeuerBereich();
        return await bereich.Abfragen.SuchenAsync(suche with { FallmanagerId = _fallmanager }, new FallListenSicht(Testfaelle.Mandant, _fallmanager, null, null), Heute, default);
    }
}
