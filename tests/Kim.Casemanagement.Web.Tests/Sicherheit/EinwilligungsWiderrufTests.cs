using System.Net;
using System.Net.Http.Json;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Web.Tests.Infrastruktur;

namespace Kim.Casemanagement.Web.Tests.Sicherheit;

/// <summary>Consent-bound partner access: withdrawal and expiry take effect with the very next request.</summary>
public sealed class EinwilligungsWiderrufTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static object Jobcenter(string gueltigAb = "2026-11-01", string? gueltigBis = null) => new
    {
        empfaenger = "Jobcenter",
        datenkategorien = new[] { "Stammdaten", "Leistungen", "Kompetenzprofil" },
        zweck = "Abstimmung der Eingliederung mit dem Jobcenter",
        gueltigAb,
        gueltigBis,
        formularReferenz = "EW-JC-1",
    };

    [Fact]
    public async Task Widerruf_WhenTheCaseManagerWithdrawsTheConsent_RemovesThePartnersAccessOnTheNextRequest()
    {
        var id = await api.Client.NeuerFallAsync();
        var einwilligung = await api.Client.PostAsJsonAsync($"/api/faelle/{id}/einwilligungen", Jobcenter()).OkAsync();
        var jobcenter = await api.Factory.AngemeldetAsync(await api.Factory.KontoAsync("jc.widerruf", Rolle.Partner, behoerde: Behoerde.Jobcenter));

        var vorher = await jobcenter.GetAsync($"/api/faelle/{id}").OkAsync();
        vorher["sicht"]!.GetValue<string>().ShouldBe("Partner");
        vorher["spuren"]!.AsArray().Select(s => s!["spur"]!.GetValue<string>()).ShouldBe(["Leistungen"]);
        (await jobcenter.GetAsync("/api/faelle").OkAsync())["eintraege"]!.AsArray().Select(e => e!["id"]!.GetValue<Guid>()).ShouldContain(id);

        (await api.Client.PostAsync($"/api/faelle/{id}/einwilligungen/{einwilligung["id"]!.GetValue<Guid>()}/widerruf", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await jobcenter.GetAsync($"/api/faelle/{id}").ProblemAsync(HttpStatusCode.NotFound)).Detail().ShouldBe("Der Fall wurde nicht gefunden.");
        (await jobcenter.GetAsync($"/api/faelle/{id}/ereignisse")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await jobcenter.SchrittAsync(id, "Leistungen", "AsylbLGBewilligen", "2026-11-05")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await jobcenter.GetAsync("/api/faelle").OkAsync())["eintraege"]!.AsArray().Select(e => e!["id"]!.GetValue<Guid>()).ShouldNotContain(id);
    }

    [Fact]
    public async Task Einwilligung_WhenItHasExpired_GivesThePartnerNoAccess()
    {
        var id = await api.Client.NeuerFallAsync();
        (await api.Client.PostAsJsonAsync($"/api/faelle/{id}/einwilligungen", Jobcenter("2026-01-01", "2026-06-30"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var jobcenter = await api.Factory.AngemeldetAsync(await api.Factory.KontoAsync("jc.abgelaufen", Rolle.Partner, behoerde: Behoerde.Jobcenter));

        (await jobcenter.GetAsync($"/api/faelle/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Partner_WithConsent_SeesOnlyTheConsentedPartsAndMayStepOnlyOnTheirTrack()
    {
        var id = await api.Client.NeuerFallAsync();
        (await api.Client.PostAsJsonAsync($"/api/faelle/{id}/einwilligungen", Jobcenter())).StatusCode.ShouldBe(HttpStatusCode.Created);
        await api.Client.PostAsJsonAsync($"/api/faelle/{id}/notizen", new { text = "Interne Notiz des Fallmanagements." }).OkAsync();
        var jobcenter = await api.Factory.AngemeldetAsync(await api.Factory.KontoAsync("jc.sicht", Rolle.Partner, behoerde: Behoerde.Jobcenter));

        var fall = await jobcenter.GetAsync($"/api/faelle/{id}").OkAsync();
        fall["klient"]!["nachname"]!.GetValue<string>().ShouldBe("Haddad");
        fall["kompetenzprofil"].ShouldNotBeNull();
        fall["aufenthalt"].ShouldBeNull();
        fall["bildung"].ShouldBeNull();
        fall["leistungen"].ShouldNotBeNull();
        fall["ziele"]!.AsArray().ShouldBeEmpty();
        fall["einwilligungen"]!.AsArray().Select(e => e!["empfaenger"]!.GetValue<string>()).ShouldBe(["Jobcenter"]);

        (await jobcenter.GetAsync($"/api/faelle/{id}/notizen")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await jobcenter.SchrittAsync(id, "Aufenthalt", "AsylSuchen", "2026-11-05")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await jobcenter.SchrittAsync(id, "Prozess", "Klaeren", "2026-11-05")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await jobcenter.SchrittAsync(id, "Leistungen", "AsylbLGBewilligen", "2026-11-05")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var ereignisse = (await jobcenter.GetAsync($"/api/faelle/{id}/ereignisse").OkAsync()).AsArray();
        ereignisse.Select(e => e!["spur"]!.GetValue<string>()).Distinct().ShouldBe(["Leistungen"]);
    }

    [Fact]
    public async Task Partner_WhenTheConsentLacksStammdaten_SeesTheFileNumberButNoName()
    {
        var id = await api.Client.NeuerFallAsync();
        (await api.Client.PostAsJsonAsync($"/api/faelle/{id}/einwilligungen", new
        {
            empfaenger = "Bildungsberatung",
            datenkategorien = new[] { "Bildung" },
            zweck = "Abstimmung der Sprachförderung",
            gueltigAb = "2026-11-01",
            formularReferenz = "EW-BB-1",
        })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var bildung = await api.Factory.AngemeldetAsync(await api.Factory.KontoAsync("bb.sicht", Rolle.Partner, behoerde: Behoerde.Bildungsberatung));

        var fall = await bildung.GetAsync($"/api/faelle/{id}").OkAsync();
        var zeile = (await bildung.GetAsync("/api/faelle").OkAsync())["eintraege"]!.AsArray().Single(e => e!["id"]!.GetValue<Guid>() == id)!;

        fall["klient"].ShouldBeNull();
        fall["kompetenzprofil"].ShouldBeNull();
        zeile["nachname"]!.GetValue<string>().ShouldBeEmpty();
        zeile["aktenzeichen"]!.GetValue<string>().ShouldStartWith("KIM-");
        zeile["bildung"]!.GetValue<string>().ShouldBe("KeineBeratung");
        zeile["aufenthalt"]!.GetValue<string>().ShouldBeEmpty();
    }

    [Fact]
    public async Task Ueberleitung_WithoutConsentForTheAuthority_IsRefusedAndNothingIsCreated()
    {
        var id = await api.Client.NeuerFallAsync();

        var problem = await api.Client.PostAsJsonAsync($"/api/faelle/{id}/ueberleitungen", new { empfaenger = "Jobcenter", anliegen = "Bitte Termin zur Potenzialanalyse.", fachlichesDatum = "2026-11-05" })
            .ProblemAsync(HttpStatusCode.Conflict);

        problem["gruende"]!.AsArray().Select(g => g!.GetValue<string>()).ShouldContain(g => g.Contains("Jobcenter"));
        (await api.Client.FallAsync(id))["spuren"]!.AsArray().Count(s => s!["spur"]!.GetValue<string>() == "Ueberleitung").ShouldBe(0);
    }
}
