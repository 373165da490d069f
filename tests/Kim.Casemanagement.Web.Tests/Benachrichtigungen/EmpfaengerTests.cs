using System.Net;
using System.Net.Http.Json;
using Kim.Casemanagement.Web.Tests.Infrastruktur;

namespace Kim.Casemanagement.Web.Tests.Benachrichtigungen;

/// <summary>
/// Who is notified of which change, read from the recipients' inboxes in the database: exactly the people involved,
/// never the person who made the change, partners only while a consent names their authority.
/// </summary>
public sealed class EmpfaengerTests(BenachrichtigungsFixture f) : IClassFixture<BenachrichtigungsFixture>
{
    [Fact]
    public async Task Aufnahme_ByACaseManager_NotifiesTheTeamLeadOfTheTeamOnly()
    {
        var id = await f.Client.NeuerFallAsync();

        (await f.EmpfaengerAsync(id)).ShouldBe([("tl.a", "Aufnahme")]);
    }

    [Fact]
    public async Task Aufnahme_ByTheTeamLeadForACaseManager_NotifiesTheAssignedCaseManagerButNotTheTeamLead()
    {
        var aufnahme = Infrastruktur.Api.Aufnahme();
        var mitZuweisung = System.Text.Json.JsonSerializer.SerializeToNode(aufnahme, Infrastruktur.Api.Json)!.AsObject();
        mitZuweisung["fallmanagerId"] = f.Kollegin.Id;

        var id = await f.TeamleitungClient.NeuerFallAsync(mitZuweisung);

        (await f.EmpfaengerAsync(id)).ShouldBe([("fm.kollegin", "Zuweisung")]);
    }

    [Fact]
    public async Task Schritt_OnTheBenefitsTrack_NotifiesTheDeputyAndTheConsentedJobcenterButNotTheActorOrOtherAuthorities()
    {
        var id = await f.Client.NeuerFallAsync();
        await f.EinwilligungAsync(id, "Jobcenter", "Stammdaten", "Leistungen");
        await f.VertretungAsync(id);
        var marke = await f.MarkeAsync();

        (await f.Client.SchrittAsync(id, "Leistungen", "AsylbLGBewilligen", "2026-11-05")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await f.EmpfaengerAsync(id, marke)).ShouldBe([("fm.kollegin", "Schritt"), ("jc.kontakt", "Schritt")], ignoreOrder: true);
    }

    [Fact]
    public async Task Schritt_ByTheDeputy_NotifiesTheLeadCaseManagerAndNotTheDeputy()
    {
        var id = await f.Client.NeuerFallAsync();
        await f.VertretungAsync(id);
        var marke = await f.MarkeAsync();

        (await f.KolleginClient.SchrittAsync(id, "Aufenthalt", "AsylSuchen", "2026-11-05")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await f.EmpfaengerAsync(id, marke)).ShouldBe([("fm.test", "Schritt")]);
    }

    [Fact]
    public async Task Schritt_OnTheResidenceTrack_NotifiesOnlyTheAuthorityOfThatTrackAndOnlyWithItsConsent()
    {
        var id = await f.Client.NeuerFallAsync();
        await f.EinwilligungAsync(id, "Jobcenter", "Stammdaten", "Aufenthalt", "Leistungen");
        var marke = await f.MarkeAsync();

        // The Jobcenter's consent does not make it a party to the residence track; the Ausländerbehörde has none.
        (await f.Client.SchrittAsync(id, "Aufenthalt", "AsylSuchen", "2026-11-05")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await f.EmpfaengerAsync(id, marke)).ShouldBeEmpty();

        await f.EinwilligungAsync(id, "Auslaenderbehoerde", "Aufenthalt");
        marke = await f.MarkeAsync();
        (await f.Client.SchrittAsync(id, "Aufenthalt", "AnkunftsnachweisAusstellen", "2026-11-06")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await f.EmpfaengerAsync(id, marke)).ShouldBe([("abh.kontakt", "Schritt")]);
    }

    [Fact]
    public async Task Schritt_WhenThePartnersConsentLacksTheTracksCategory_DoesNotNotifyThePartner()
    {
        var id = await f.Client.NeuerFallAsync();
        await f.EinwilligungAsync(id, "Jobcenter", "Stammdaten", "Kompetenzprofil");
        var marke = await f.MarkeAsync();

        (await f.Client.SchrittAsync(id, "Leistungen", "AsylbLGBewilligen", "2026-11-05")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await f.EmpfaengerAsync(id, marke)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Ueberleitung_ToAConsentedAuthority_NotifiesItsContacts()
    {
        var id = await f.Client.NeuerFallAsync();
        await f.EinwilligungAsync(id, "Bildungsberatung", "Stammdaten", "Bildung");
        var marke = await f.MarkeAsync();

        await f.Client.PostAsJsonAsync($"/api/faelle/{id}/ueberleitungen", new { empfaenger = "Bildungsberatung", anliegen = "Bitte Beratung zum Integrationskurs.", fachlichesDatum = "2026-11-05" }).OkAsync();

        (await f.EmpfaengerAsync(id, marke)).ShouldBe([("bb.kontakt", "Ueberleitung")]);
    }

    [Fact]
    public async Task Zuweisung_ByTheTeamLead_NotifiesTheNewAndThePreviousLeadButNotTheTeamLead()
    {
        var id = await f.Client.NeuerFallAsync();
        var marke = await f.MarkeAsync();

        await f.TeamleitungClient.PostAsJsonAsync($"/api/faelle/{id}/zuweisung", new { fallmanagerId = f.Kollegin.Id }).OkAsync();

        (await f.EmpfaengerAsync(id, marke)).ShouldBe([("fm.kollegin", "Zuweisung"), ("fm.test", "Zuweisung")], ignoreOrder: true);
    }

    [Fact]
    public async Task Vertretung_WhenSetUp_NotifiesTheDeputy()
    {
        var id = await f.Client.NeuerFallAsync();
        var marke = await f.MarkeAsync();

        await f.VertretungAsync(id);

        (await f.EmpfaengerAsync(id, marke)).ShouldBe([("fm.kollegin", "Vertretung")]);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(30, false)]
    public async Task Vertretung_TheDeputysNotice_LinksToTheFallOnlyOnceThePeriodHasBegun(int beginntInTagen, bool verlinkt)
    {
        var id = await f.Client.NeuerFallAsync();
        var von = BenachrichtigungsFixture.HeuteInBerlin().AddDays(beginntInTagen);
        var vorher = await f.KolleginClient.GetAsync("/api/benachrichtigungen/stand").OkAsync();

        await f.Client.PostAsJsonAsync($"/api/faelle/{id}/vertretungen", new { benutzerId = f.Kollegin.Id, von, bis = von.AddDays(14) }).OkAsync();

        var notiz = (await f.KolleginClient.GetAsync($"/api/benachrichtigungen?nachSeq={vorher["letzteSeq"]!.GetValue<long>()}").OkAsync()).AsArray().Single()!;
        notiz["art"]!.GetValue<string>().ShouldBe("Vertretung");
        notiz["fallId"]!.GetValue<Guid>().ShouldBe(id);
        if (verlinkt)
        {
            notiz["link"]!.GetValue<string>().ShouldBe($"/Faelle/{id}");
            (await f.KolleginClient.GetAsync($"/Faelle/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        else
        {
            notiz["link"].ShouldBeNull();
            notiz["text"]!.GetValue<string>().ShouldContain("ab dem ersten Tag der Vertretung sichtbar");
            (await f.KolleginClient.GetAsync($"/Faelle/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task Widerruf_OfThePartnersConsent_StopsTheirNoticesWithTheVeryNextChange()
    {
        var id = await f.Client.NeuerFallAsync();
        var einwilligung = await f.EinwilligungAsync(id, "Jobcenter", "Stammdaten", "Leistungen");
        var marke = await f.MarkeAsync();
        (await f.Client.SchrittAsync(id, "Leistungen", "AsylbLGBewilligen", "2026-11-05")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await f.EmpfaengerAsync(id, marke)).ShouldBe([("jc.kontakt", "Schritt")]);

        (await f.Client.PostAsync($"/api/faelle/{id}/einwilligungen/{einwilligung}/widerruf", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        marke = await f.MarkeAsync();
        (await f.Client.SchrittAsync(id, "Leistungen", "LeistungsbezugBeenden", "2026-11-06")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await f.EmpfaengerAsync(id, marke)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Benachrichtigung_SaysWhatHappenedInGermanLinksToTheFallAndNamesNoClient()
    {
        var id = await f.Client.NeuerFallAsync(Infrastruktur.Api.Aufnahme(vorname: "Yara", nachname: "Mansour"));
        await f.EinwilligungAsync(id, "Jobcenter", "Leistungen");
        var aktenzeichen = (await f.Client.FallAsync(id))["aktenzeichen"]!.GetValue<string>();
        var marke = await f.MarkeAsync();

        (await f.Client.SchrittAsync(id, "Leistungen", "AsylbLGBewilligen", "2026-11-05")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var meldung = (await f.MeldungenAsync(id, marke)).ShouldHaveSingleItem();
        meldung.Titel.ShouldBe($"Neuer Schritt im Fall {aktenzeichen}");
        meldung.Text.ShouldBe("Leistungen (Jobcenter/Sozialamt): Leistungen nach dem AsylbLG (Sozialamt) (05.11.2026)");
        meldung.Link.ShouldBe($"/Faelle/{id}");
        foreach (var teil in new[] { meldung.Titel, meldung.Text })
        {
            teil.ShouldNotContain("Yara");
            teil.ShouldNotContain("Mansour");
        }
    }

    [Fact]
    public async Task Posteingang_OverHttp_ListsTheCallersOwnNoticesCountsUnreadAndMarksRead()
    {
        var id = await f.Client.NeuerFallAsync();
        await f.EinwilligungAsync(id, "Bildungsberatung", "Bildung");
        using var bildung = await f.Factory.AngemeldetAsync(f.Bildungsberatung);
        var vorher = await bildung.GetAsync("/api/benachrichtigungen/stand").OkAsync();

        (await f.Client.SchrittAsync(id, "Bildung", "ErstberatungDurchfuehren", "2026-11-05")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await f.Client.SchrittAsync(id, "Bildung", "SprachstandFeststellen", "2026-11-06", new Dictionary<string, string?> { ["sprachniveau"] = "A1", ["alphabetisierungNoetig"] = "false" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var stand = await bildung.GetAsync("/api/benachrichtigungen/stand").OkAsync();
        stand["ungelesen"]!.GetValue<int>().ShouldBe(vorher["ungelesen"]!.GetValue<int>() + 2);
        var letzte = stand["letzteSeq"]!.GetValue<long>();
        var neue = (await bildung.GetAsync($"/api/benachrichtigungen?nachSeq={letzte - 2}").OkAsync()).AsArray();
        neue.Select(b => b!["seq"]!.GetValue<long>()).ShouldBe([letzte - 1, letzte]);
        neue.ShouldAllBe(b => b!["fallId"]!.GetValue<Guid>() == id && !b["gelesen"]!.GetValue<bool>());

        var nachEinem = await bildung.PostAsync($"/api/benachrichtigungen/{letzte}/gelesen", null).OkAsync();
        nachEinem["ungelesen"]!.GetValue<int>().ShouldBe(stand["ungelesen"]!.GetValue<int>() - 1);
        var nachAllen = await bildung.PostAsync("/api/benachrichtigungen/gelesen", null).OkAsync();
        nachAllen["ungelesen"]!.GetValue<int>().ShouldBe(0);

        // Another user's inbox is untouched by this one's mark-as-read.
        var fremd = await f.JobcenterClient.GetAsync("/api/benachrichtigungen?nachSeq=0&anzahl=500").OkAsync();
        fremd.AsArray().ShouldAllBe(b => b!["fallId"]!.GetValue<Guid>() != id);
    }
}
