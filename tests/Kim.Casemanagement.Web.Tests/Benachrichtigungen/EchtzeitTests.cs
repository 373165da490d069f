using System.Net;
using System.Text.Json.Nodes;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Web.Tests.Infrastruktur;

namespace Kim.Casemanagement.Web.Tests.Benachrichtigungen;

/// <summary>
/// Live delivery to the official <c>@microsoft/signalr</c> JavaScript client (Node) over real TLS WebSockets: the right
/// people receive at once, the actor does not, a reconnect catches up on everything, the hub checks Origin and sign-in,
/// and ending the session closes the connection.
/// </summary>
public sealed class EchtzeitTests(BenachrichtigungsFixture f) : IClassFixture<BenachrichtigungsFixture>
{
    private static readonly TimeSpan Frist = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Schritt_ReachesTheConnectedDeputyAndPartnerAtOnce_AndNotTheConnectedActor()
    {
        await using var js = await SignalRTreiber.StartenAsync();
        var id = await f.Client.NeuerFallAsync();
        await f.EinwilligungAsync(id, "Jobcenter", "Leistungen");
        await f.VertretungAsync(id);
        await js.VerbindenAsync("fm", f.Factory.Adresse, BenachrichtigungsFixture.Token(f.Client));
        await js.VerbindenAsync("kollegin", f.Factory.Adresse, BenachrichtigungsFixture.Token(f.KolleginClient));
        await js.VerbindenAsync("jc", f.Factory.Adresse, BenachrichtigungsFixture.Token(f.JobcenterClient));

        (await f.Client.SchrittAsync(id, "Leistungen", "AsylbLGBewilligen", "2026-11-05")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await js.WartenAsync(_ => Zum(js, "kollegin", id, "Schritt").Count == 1 && Zum(js, "jc", id, "Schritt").Count == 1, Frist, "Zustellung an Vertretung und Jobcenter");

        // The deputy's next step reaches the lead; it is the only step notice the lead ever got for this Fall.
        (await f.KolleginClient.SchrittAsync(id, "Leistungen", "LeistungsbezugBeenden", "2026-11-06")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await js.WartenAsync(_ => Zum(js, "fm", id, "Schritt").Count == 1, Frist, "Zustellung an die Fallführung");
        var anFm = Zum(js, "fm", id, "Schritt").ShouldHaveSingleItem();
        anFm["text"]!.GetValue<string>().ShouldContain("Kein Leistungsbezug");
        anFm["link"]!.GetValue<string>().ShouldBe($"/Faelle/{id}");
        Zum(js, "kollegin", id, "Schritt").Count.ShouldBe(1, "the deputy made the second step and is not told of it");
    }

    [Fact]
    public async Task Nachholen_AfterTheClientWasAwayWhileChangesHappened_DeliversEveryMissedNoticeExactlyOnce()
    {
        await using var js = await SignalRTreiber.StartenAsync();
        var id = await f.Client.NeuerFallAsync();
        await f.VertretungAsync(id);
        await js.VerbindenAsync("kollegin", f.Factory.Adresse, BenachrichtigungsFixture.Token(f.KolleginClient));
        var (_, start, bestaetigt) = await js.StandAsync("kollegin");
        bestaetigt.ShouldBe(start);

        (await f.Client.SchrittAsync(id, "Leistungen", "AsylbLGBewilligen", "2026-11-05")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await js.WartenAsync(_ => Zum(js, "kollegin", id, "Schritt").Count == 1, Frist, "erste Zustellung");
        await js.TrennenAsync("kollegin");

        // 30 changes while away, then 10 more racing the reconnect.
        for (var i = 0; i < 30; i++)
        {
            (await f.Client.SchrittAsync(id, "Leistungen", i % 2 == 0 ? "LeistungsbezugBeenden" : "AsylbLGBewilligen", "2026-11-05")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var waehrend = Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                (await f.Client.SchrittAsync(id, "Leistungen", i % 2 == 0 ? "LeistungsbezugBeenden" : "AsylbLGBewilligen", "2026-11-05")).StatusCode.ShouldBe(HttpStatusCode.OK);
            }
        });
        await js.VerbindenAsync("kollegin", f.Factory.Adresse, BenachrichtigungsFixture.Token(f.KolleginClient));
        await waehrend;

        var (_, ende, _) = await js.StandAsync("kollegin");
        ende.ShouldBe(start + 41);
        // The client started with an empty page (seq 0): it holds the whole inbox, each notice once and in order.
        await js.WartenAsync(_ => js.Benachrichtigungen("kollegin").Count == start + 41, Frist, "alle Benachrichtigungen");
        var seqs = js.Benachrichtigungen("kollegin").Select(b => b["seq"]!.GetValue<long>()).ToList();
        seqs.ShouldBe(Enumerable.Range(1, (int)start + 41).Select(i => (long)i), "every notice once, in order");
        (await js.StandAsync("kollegin")).Bestaetigt.ShouldBe(start + 41);
    }

    [Fact]
    public async Task Gelesen_OverTheHub_LowersTheUnreadCountOnEveryConnectionOfTheUser()
    {
        await using var js = await SignalRTreiber.StartenAsync();
        var id = await f.Client.NeuerFallAsync();
        await f.VertretungAsync(id);
        await js.VerbindenAsync("tab1", f.Factory.Adresse, BenachrichtigungsFixture.Token(f.KolleginClient));
        await js.VerbindenAsync("tab2", f.Factory.Adresse, BenachrichtigungsFixture.Token(f.KolleginClient));
        var (ungelesen, letzte, _) = await js.StandAsync("tab1");
        ungelesen.ShouldBeGreaterThan(0);

        (await js.GelesenAsync("tab1", 0)).ShouldBe(0);

        await js.WartenAsync(e => e.Any(x => (string?)x["ev"] == "ungelesen" && (string?)x["id"] == "tab2" && (int?)x["anzahl"] == 0), Frist, "Zähler im zweiten Tab");
        (await js.StandAsync("tab2")).Ungelesen.ShouldBe(0);
        (await js.StandAsync("tab2")).LetzteSeq.ShouldBe(letzte);
    }

    [Fact]
    public async Task Widerruf_WhileThePartnerIsConnected_StopsTheirLiveNoticesAtOnce()
    {
        await using var js = await SignalRTreiber.StartenAsync();
        var id = await f.Client.NeuerFallAsync();
        var einwilligung = await f.EinwilligungAsync(id, "Jobcenter", "Leistungen");
        var anderer = await f.Client.NeuerFallAsync();
        await f.EinwilligungAsync(anderer, "Jobcenter", "Leistungen");
        await js.VerbindenAsync("jc", f.Factory.Adresse, BenachrichtigungsFixture.Token(f.JobcenterClient));

        (await f.Client.SchrittAsync(id, "Leistungen", "AsylbLGBewilligen", "2026-11-05")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await js.WartenAsync(_ => Zum(js, "jc", id, "Schritt").Count == 1, Frist, "vor dem Widerruf");
        (await f.Client.PostAsync($"/api/faelle/{id}/einwilligungen/{einwilligung}/widerruf", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await f.Client.SchrittAsync(id, "Leistungen", "LeistungsbezugBeenden", "2026-11-06")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // A later change on a Fall the Jobcenter may still see arrives; the withdrawn one's second step never did.
        (await f.Client.SchrittAsync(anderer, "Leistungen", "AsylbLGBewilligen", "2026-11-06")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await js.WartenAsync(_ => Zum(js, "jc", anderer, "Schritt").Count == 1, Frist, "Markierung");
        Zum(js, "jc", id, "Schritt").Count.ShouldBe(1);
    }

    [Fact]
    public async Task Hub_RefusesAForeignOriginAndAConnectionWithoutSignIn()
    {
        await using var js = await SignalRTreiber.StartenAsync();

        (await Should.ThrowAsync<VerbindungAbgelehntException>(() => js.VerbindenAsync("fremd", f.Factory.Adresse, BenachrichtigungsFixture.Token(f.Client), origin: "https://boese.example")))
            .Message.ShouldContain("403");
        (await Should.ThrowAsync<VerbindungAbgelehntException>(() => js.VerbindenAsync("anonym", f.Factory.Adresse, token: null)))
            .Message.ShouldContain("401");
        (await Should.ThrowAsync<VerbindungAbgelehntException>(() => js.VerbindenAsync("gefaelscht", f.Factory.Adresse, token: "kein-gueltiges-token")))
            .Message.ShouldContain("401");

        // The site's own origin is accepted.
        await js.VerbindenAsync("eigen", f.Factory.Adresse, BenachrichtigungsFixture.Token(f.Client), origin: f.Factory.Adresse.ToString().TrimEnd('/'));
    }

    [Fact]
    public async Task Abmeldung_ClosesTheLiveConnectionOfThatSessionAtOnce()
    {
        await using var js = await SignalRTreiber.StartenAsync();
        var konto = await f.Factory.KontoAsync("fm.abmeldung", Rolle.Fallmanagement, "Team A");
        using var client = await f.Factory.AngemeldetAsync(konto);
        await js.VerbindenAsync("weg", f.Factory.Adresse, BenachrichtigungsFixture.Token(client));

        (await client.PostAsync("/api/konto/abmeldung", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await js.WartenAsync(e => e.Any(x => (string?)x["ev"] == "geschlossen" && (string?)x["id"] == "weg"), TimeSpan.FromSeconds(5), "Verbindung geschlossen");
        (await Should.ThrowAsync<VerbindungAbgelehntException>(() => js.VerbindenAsync("weg", f.Factory.Adresse, BenachrichtigungsFixture.Token(client))))
            .Message.ShouldContain("401");
    }

    private static List<JsonObject> Zum(SignalRTreiber js, string client, Guid fallId, string art) =>
        js.Benachrichtigungen(client).Where(b => (string?)b["fallId"] == fallId.ToString() && (string?)b["art"] == art).ToList();
}
