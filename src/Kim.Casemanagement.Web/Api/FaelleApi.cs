using Kim.Casemanagement.Application.Faelle.Art13;
using Kim.Casemanagement.Application.Faelle.Aufnahme;
using Kim.Casemanagement.Application.Faelle.Berichtigung;
using Kim.Casemanagement.Application.Faelle.Einwilligungen;
using Kim.Casemanagement.Application.Faelle.Ereignisse;
using Kim.Casemanagement.Application.Faelle.FaelleSuchen;
using Kim.Casemanagement.Application.Faelle.FallAnzeigen;
using Kim.Casemanagement.Application.Faelle.Kompetenzprofile;
using Kim.Casemanagement.Application.Faelle.Notizen;
using Kim.Casemanagement.Application.Faelle.SchrittAusfuehren;
using Kim.Casemanagement.Application.Faelle.Ueberleitungen;
using Kim.Casemanagement.Application.Faelle.Wiedervorlagen;
using Kim.Casemanagement.Application.Faelle.Ziele;
using Kim.Casemanagement.Application.Faelle.Zustaendigkeit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Kim.Casemanagement.Web.Api;

/// <summary>The case-file API: intake, list, one Fall, steps, timeline and the case file's records. Endpoints only bind, call a handler, map the result.</summary>
internal static class FaelleApi
{
    public static RouteGroupBuilder MapFaelleApi(this IEndpointRouteBuilder routes)
    {
        var g = routes.MapGroup("/api/faelle").WithTags("Fälle").RequireRateLimiting(Sicherheit.SicherheitsKonfiguration.RateApi);
        g.MapPost("/", Aufnehmen).WithName("Aufnahme").WithSummary("Nimmt einen neuen Klienten mit Fall auf (Intake).");
        g.MapGet("/", Suchen).WithName("FaelleSuchen").WithSummary("Listet Fälle mit Suche, Filtern, Sortierung und Seiten.");
        g.MapGet("/{fallId:guid}", Anzeigen).Produces<FallDetail>(StatusCodes.Status200OK, "application/json").WithName("FallAnzeigen").WithSummary("Ein Fall mit dem Zustand jeder Spur, den möglichen und den blockierten Schritten samt Gründen.");
        g.MapPost("/{fallId:guid}/schritte", SchrittAusfuehren).WithName("SchrittAusfuehren").WithSummary("Führt einen Schritt (Trigger) auf einer Spur aus.");
        g.MapGet("/{fallId:guid}/ereignisse", Ereignisse).WithName("Ereignisse").WithSummary("Die Zeitleiste aller Ereignisse über alle Spuren.");
        g.MapPost("/{fallId:guid}/einwilligungen", EinwilligungErteilen).WithName("EinwilligungErteilen");
        g.MapPost("/{fallId:guid}/einwilligungen/{einwilligungId:guid}/widerruf", EinwilligungWiderrufen).WithName("EinwilligungWiderrufen");
        g.MapPut("/{fallId:guid}/klient", KlientBerichtigen).WithName("KlientBerichtigen").WithSummary("Berichtigt die Stammdaten der Person (Art. 16 DSGVO); die alten Werte stehen nur im Audit-Protokoll.");
        g.MapPut("/{fallId:guid}/art13-information", Art13Vermerken).WithName("Art13Vermerken");
        g.MapPut("/{fallId:guid}/kompetenzprofil", KompetenzprofilErfassen).WithName("KompetenzprofilErfassen");
        g.MapPost("/{fallId:guid}/ziele", ZielVereinbaren).WithName("ZielVereinbaren");
        g.MapPost("/{fallId:guid}/ziele/{zielId:guid}/bewertung", ZielBewerten).WithName("ZielBewerten");
        g.MapPost("/{fallId:guid}/wiedervorlagen", WiedervorlageAnlegen).WithName("WiedervorlageAnlegen");
        g.MapPost("/{fallId:guid}/wiedervorlagen/{wiedervorlageId:guid}/erledigung", WiedervorlageErledigen).WithName("WiedervorlageErledigen");
        g.MapGet("/{fallId:guid}/notizen", Notizen).WithName("Notizen");
        g.MapPost("/{fallId:guid}/notizen", NotizVerfassen).WithName("NotizVerfassen");
        g.MapPost("/{fallId:guid}/ueberleitungen", UeberleitungAnfragen).WithName("UeberleitungAnfragen");
        g.MapPost("/{fallId:guid}/zuweisung", Zuweisen).WithName("Zuweisen").WithSummary("Teamleitung: weist den Fall einer Person des Teams zu.");
        g.MapPost("/{fallId:guid}/vertretungen", VertretungEinrichten).WithName("VertretungEinrichten");
        g.MapDelete("/{fallId:guid}/vertretungen/{vertretungId:guid}", VertretungBeenden).WithName("VertretungBeenden");
        return g;
    }

    private static async Task<Created<AufnahmeErgebnis>> Aufnehmen(AufnahmeBefehl befehl, AufnahmeHandler handler, CancellationToken ct)
    {
        var ergebnis = await handler.HandleAsync(befehl, ct);
        return TypedResults.Created($"/api/faelle/{ergebnis.FallId}", ergebnis);
    }

    private static async Task<Ok<Seite<FallZeile>>> Suchen([AsParameters] FallSucheParameter p, FaelleSuchenHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(p.AlsSuche(), ct));

    // The read model's JSON is kept with it (per Fall, version, view and day): a repeated read serialises nothing.
    private static async Task<IResult> Anzeigen(Guid fallId, FallAnzeigenHandler handler, IOptions<JsonOptions> json, HttpContext http, CancellationToken ct)
    {
        var (version, inhalt) = await handler.JsonAsync(fallId, d => FallDetailJson.Schreiben(d, json.Value.SerializerOptions), ct);
        http.Response.Headers.ETag = Versionen.ETag(version);
        return TypedResults.Bytes(inhalt, "application/json; charset=utf-8");
    }

    private static async Task<Ok<SchrittErgebnis>> SchrittAusfuehren(Guid fallId, SchrittAnfrage anfrage, SchrittHandler handler, HttpContext http, CancellationToken ct)
    {
        var ergebnis = await handler.HandleAsync(
            new SchrittBefehl(fallId, anfrage.Spur, anfrage.Trigger, anfrage.FachlichesDatum, anfrage.Parameter, anfrage.Notiz, anfrage.UeberleitungId, Versionen.Erwartet(http, anfrage.Version)),
            ct);
        http.Response.Headers.ETag = Versionen.ETag(ergebnis.Version);
        return TypedResults.Ok(ergebnis);
    }

    private static async Task<Ok<IReadOnlyList<EreignisDetail>>> Ereignisse(Guid fallId, EreignisseHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(fallId, ct));

    private static async Task<Created<EinwilligungDetail>> EinwilligungErteilen(Guid fallId, EinwilligungAnfrage a, EinwilligungHandler handler, HttpContext http, CancellationToken ct)
    {
        var e = await handler.ErteilenAsync(fallId, new EinwilligungAngaben(a.Empfaenger, a.Datenkategorien ?? [], a.Zweck, a.GueltigAb, a.GueltigBis, a.FormularReferenz), Versionen.Erwartet(http, a.Version), ct);
        return TypedResults.Created($"/api/faelle/{fallId}", e);
    }

    private static async Task<Ok<VersionAntwort>> EinwilligungWiderrufen(Guid fallId, Guid einwilligungId, VersionAnfrage? a, EinwilligungHandler handler, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(new VersionAntwort(await handler.WiderrufenAsync(fallId, einwilligungId, Versionen.Erwartet(http, a?.Version), ct)));

    private static async Task<Ok<KlientBerichtigungAntwort>> KlientBerichtigen(Guid fallId, KlientBerichtigungAnfrage a, KlientBerichtigungHandler handler, HttpContext http, CancellationToken ct)
    {
        var ergebnis = await handler.BerichtigenAsync(fallId, a.AlsStammdaten(), Versionen.Erwartet(http, a.Version), ct);
        http.Response.Headers.ETag = Versionen.ETag(ergebnis.Version);
        return TypedResults.Ok(new KlientBerichtigungAntwort(ergebnis.Version, ergebnis.GeaenderteFelder));
    }

    private static async Task<Ok<VersionAntwort>> Art13Vermerken(Guid fallId, Art13Anfrage a, Art13Handler handler, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(new VersionAntwort(await handler.VermerkenAsync(fallId, a.Am, Versionen.Erwartet(http, a.Version), ct)));

    private static async Task<Ok<VersionAntwort>> KompetenzprofilErfassen(Guid fallId, KompetenzprofilAnfrage a, KompetenzprofilHandler handler, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(new VersionAntwort(await handler.ErfassenAsync(fallId, a.Profil ?? new Domain.Faelle.Kompetenzprofil(), a.Am, Versionen.Erwartet(http, a.Version), ct)));

    private static async Task<Created<ZielDetail>> ZielVereinbaren(Guid fallId, ZielAnfrage a, ZielHandler handler, HttpContext http, CancellationToken ct) =>
        TypedResults.Created($"/api/faelle/{fallId}", await handler.VereinbarenAsync(fallId, a.Was, a.BisWann, a.Wer, a.Messgroesse, a.VereinbartAm, Versionen.Erwartet(http, a.Version), ct));

    private static async Task<Ok<VersionAntwort>> ZielBewerten(Guid fallId, Guid zielId, ZielBewertungAnfrage a, ZielHandler handler, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(new VersionAntwort(await handler.BewertenAsync(fallId, zielId, a.Bewertung, a.Am, Versionen.Erwartet(http, a.Version), ct)));

    private static async Task<Created<WiedervorlageDetail>> WiedervorlageAnlegen(Guid fallId, WiedervorlageAnfrage a, WiedervorlageHandler handler, HttpContext http, CancellationToken ct) =>
        TypedResults.Created($"/api/faelle/{fallId}", await handler.AnlegenAsync(fallId, a.Faellig, a.Betreff, a.ZustaendigId, Versionen.Erwartet(http, a.Version), ct));

    private static async Task<Ok<VersionAntwort>> WiedervorlageErledigen(Guid fallId, Guid wiedervorlageId, VersionAnfrage? a, WiedervorlageHandler handler, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(new VersionAntwort(await handler.ErledigenAsync(fallId, wiedervorlageId, Versionen.Erwartet(http, a?.Version), ct)));

    private static async Task<Ok<IReadOnlyList<NotizDetail>>> Notizen(Guid fallId, NotizenHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(fallId, ct));

    private static async Task<Created<NotizDetail>> NotizVerfassen(Guid fallId, NotizAnfrage a, NotizHandler handler, HttpContext http, CancellationToken ct) =>
        TypedResults.Created($"/api/faelle/{fallId}/notizen", await handler.VerfassenAsync(fallId, a.Text, a.KontaktAm, Versionen.Erwartet(http, a.Version), ct));

    private static async Task<Ok<VersionAntwort>> Zuweisen(Guid fallId, ZuweisungAnfrage a, ZustaendigkeitHandler handler, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(new VersionAntwort(await handler.ZuweisenAsync(fallId, a.FallmanagerId ?? string.Empty, Versionen.Erwartet(http, a.Version), ct)));

    private static async Task<Created<VertretungDetail>> VertretungEinrichten(Guid fallId, VertretungAnfrage a, ZustaendigkeitHandler handler, HttpContext http, CancellationToken ct) =>
        TypedResults.Created($"/api/faelle/{fallId}", await handler.VertretungEinrichtenAsync(fallId, a.BenutzerId ?? string.Empty, a.Von, a.Bis, Versionen.Erwartet(http, a.Version), ct));

    private static async Task<Ok<VersionAntwort>> VertretungBeenden(Guid fallId, Guid vertretungId, ZustaendigkeitHandler handler, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(new VersionAntwort(await handler.VertretungBeendenAsync(fallId, vertretungId, Versionen.Erwartet(http, null), ct)));

    private static async Task<Created<VersionAntwort>> UeberleitungAnfragen(Guid fallId, UeberleitungAnfrage a, UeberleitungHandler handler, HttpContext http, CancellationToken ct)
    {
        var (id, version) = await handler.AnfragenAsync(fallId, a.Empfaenger, a.Anliegen, a.FachlichesDatum, a.Notiz, Versionen.Erwartet(http, a.Version), ct);
        return TypedResults.Created($"/api/faelle/{fallId}#ueberleitung-{id}", new VersionAntwort(version));
    }
}
