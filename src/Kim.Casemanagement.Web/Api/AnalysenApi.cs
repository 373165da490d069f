using Kim.Casemanagement.Application.Analysen;
using Kim.Casemanagement.Application.Analysen.Entscheidungen;
using Kim.Casemanagement.Application.Analysen.Ergebnisse;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Web.Sicherheit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kim.Casemanagement.Web.Api;

/// <summary>
/// The Lenkungsgruppe's analyses: JSON per analysis, CSV per table, the XES event log. Only aggregates of the caller's
/// tenant, never a Fall; role Lenkungsgruppe with two-factor sign-in. Filters (all optional) on every endpoint:
/// <c>von</c>, <c>bis</c> (intake date, yyyy-MM-dd), <c>aufenthaltsstatus</c> (state name at intake),
/// <c>altersgruppe</c> (Juengere, JungeErwachsene, Aeltere), <c>zieldimensionI</c> (true/false), <c>teamId</c>.
/// Every analysis and CSV answers from the per-Fall projection the pages use once it is built (header
/// <c>X-Analysen-Stand</c>: when it was read), before that over the event log; the XES log is read from the event log.
/// </summary>
public static class AnalysenApi
{
    public static RouteGroupBuilder MapAnalysenApi(this IEndpointRouteBuilder routes)
    {
        var g = routes.MapGroup("/api/analysen").WithTags("Analysen (Lenkungsgruppe)")
            .RequireAuthorization(NurLenkungsgruppe)
            .RequireRateLimiting(SicherheitsKonfiguration.RateApi);
        // Every analysis answers from the per-Fall projection once it is built (ADR 0011); the header says as of when.
        g.AddEndpointFilter(async (kontext, weiter) =>
        {
            var ergebnis = await weiter(kontext);
            if (kontext.HttpContext.RequestServices.GetService<AnalysenHandler>() is { Vorberechnet: { } stand })
            {
                kontext.HttpContext.Response.Headers["X-Analysen-Stand"] = stand.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            }

            return ergebnis;
        });
        g.MapGet("/prozesslandkarte", Prozesslandkarte).WithName("AnalyseProzesslandkarte")
            .WithSummary("Prozesslandkarte: Zustände mit Häufigkeiten, direkte Folgeschritte mit Anzahl, Median und 80. Perzentil der Tage; ohne spur spurübergreifend.");
        g.MapGet("/varianten", Varianten).WithName("AnalyseVarianten")
            .WithSummary("Varianten einer Spur (spur erforderlich): häufigste Verläufe mit Anteil und medianer Durchlaufzeit.");
        g.MapGet("/dauern", Dauern).WithName("AnalyseDauern")
            .WithSummary("Dauern zwischen Meilensteinen (Kaplan-Meier, offene Fälle zensiert) mit naivem Median; optional meilenstein.");
        g.MapGet("/abweichungen", Abweichungen).WithName("AnalyseAbweichungen")
            .WithSummary("Abweichungen vom idealen Fallverlauf: Anteil der Fälle im Idealverlauf, häufigste Abweichungen, Engpässe je Behörde.");
        g.MapGet("/kennzahlen", Kennzahlen).WithName("AnalyseKennzahlen")
            .WithSummary("Kennzahlen je Quartal: neu, wieder aufgenommen, beendet (nach Gründen), aktiv, ruhend, offen, Fälle je Vollzeitstelle.");
        g.MapGet("/themen", Themen).WithName("AnalyseThemen")
            .WithSummary("Generative Themen: Anzahl nach Kategorie und Status (nie ein Fall, nie eine Beschreibung).");
        g.MapGet("/csv/{tabelle}", Csv).WithName("AnalyseCsv")
            .WithSummary("Eine Tabelle als CSV (Semikolon, UTF-8): prozesslandkarte-knoten, prozesslandkarte-kanten, varianten, dauern, dauern-kurven, konformitaet, abweichungen, engpaesse, kennzahlen, beendigungsgruende, themen.");
        g.MapGet("/xes", Xes).WithName("AnalyseXes")
            .WithSummary("Ereignisprotokoll als XES (IEEE 1849-2016), k-anonym: nur Verlaufsvarianten mit mindestens der Mindestgruppengröße an Fällen, zufällige Verlaufskennungen je Export, Wochen seit Aufnahme statt Datum; optional spur; namensraum=true setzt xmlns=\"http://www.xes-standard.org/\".");
        g.MapGet("/entscheidungen", Entscheidungen).WithName("AnalyseEntscheidungen")
            .WithSummary("Die Entscheidungen der Lenkungsgruppe, neueste zuerst: Inhalt, Behörde, gilt ab, Kategorien generativer Themen.");
        g.MapPost("/entscheidungen", EntscheidungErfassen).WithName("AnalyseEntscheidungErfassen")
            .WithSummary("Erfasst eine Entscheidung (titel ohne Personenbezug, behoerde: Auslaenderbehoerde, Jobcenter, Bildungsberatung oder Fallmanagement, giltAb, optional themen als Kategorien).");
        g.MapGet("/entscheidungen/{id:guid}/vergleich", EntscheidungVergleich).WithName("AnalyseEntscheidungVergleich")
            .WithSummary("Vorher-nachher-Vergleich einer Entscheidung: Fälle mit Aufnahme im gleich langen Zeitraum vor und ab dem Stichtag (höchstens zwei Jahre); Kaplan-Meier je Meilenstein mit Median, 95-%-Konfidenzintervall und Log-Rank-Test, Variantenanteile, Konformität; beide Gruppen unter Zellsperrung.");
        g.MapGet("/vergleich", AuswahlVergleich).WithName("AnalyseVergleich")
            .WithSummary("Zwei beliebige Auswahlen nebeneinander: a.von, a.bis, a.aufenthaltsstatus, a.altersgruppe, a.zieldimensionI und dieselben mit b.; Kaplan-Meier je Meilenstein mit Median, 95-%-Konfidenzintervall und Log-Rank-Test, Variantenanteile, Konformität; beide Auswahlen unter Auswahlprüfung und Zellsperrung.");
        return g;
    }

    /// <summary>The authorisation of every analysis endpoint: the role Lenkungsgruppe (with a second factor where its accounts must use one).</summary>
    private static void NurLenkungsgruppe(AuthorizationPolicyBuilder politik) =>
        politik.RequireAuthenticatedUser().RequireRole(nameof(Rolle.Lenkungsgruppe)).AddRequirements(new ZweiFaktorAnforderung());

    private static async Task<Ok<Prozesslandkarte>> Prozesslandkarte([AsParameters] AnalyseParameter p, AnalysenHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.ProzesslandkarteAsync(p.Filter(), AnalyseEingaben.Spur(p.Spur, erforderlich: false), ct));

    private static async Task<Ok<Variantenanalyse>> Varianten([AsParameters] AnalyseParameter p, AnalysenHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.VariantenAsync(p.Filter(), AnalyseEingaben.Spur(p.Spur, erforderlich: true)!.Value, ct));

    private static async Task<Ok<Dauernanalyse>> Dauern([AsParameters] AnalyseParameter p, string? meilenstein, AnalysenHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.DauernAsync(p.Filter(), meilenstein, ct));

    private static async Task<Ok<Abweichungsanalyse>> Abweichungen([AsParameters] AnalyseParameter p, AnalysenHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.AbweichungenAsync(p.Filter(), ct));

    private static async Task<Ok<Kennzahlenanalyse>> Kennzahlen([AsParameters] AnalyseParameter p, AnalysenHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.KennzahlenAsync(p.Filter(), ct));

    private static async Task<Ok<Themenuebersicht>> Themen([AsParameters] AnalyseParameter p, AnalysenHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.ThemenAsync(p.Filter(), ct));

    private static async Task<Ok<IReadOnlyList<Entscheidung>>> Entscheidungen(EntscheidungenHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.ListeAsync(ct));

    private static async Task<Created<Entscheidung>> EntscheidungErfassen(EntscheidungAnfrage a, EntscheidungenHandler handler, CancellationToken ct)
    {
        var e = await handler.ErfassenAsync(a.Titel, a.Behoerde, a.GiltAb, a.Themen, ct);
        return TypedResults.Created($"/api/analysen/entscheidungen/{e.Id}/vergleich", e);
    }

    private static async Task<Ok<EntscheidungsVergleich>> EntscheidungVergleich(Guid id, EntscheidungenHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.VergleichAsync(id, ct));

    private static async Task<Ok<Vergleich>> AuswahlVergleich([AsParameters] VergleichParameter p, AnalysenHandler handler, CancellationToken ct)
    {
        var (a, b) = p.Auswahlen();
        return TypedResults.Ok(await handler.AuswahlenVergleichenAsync(a, b, ct));
    }

    private static async Task<FileContentHttpResult> Csv(string tabelle, [AsParameters] AnalyseParameter p, string? meilenstein, AnalysenHandler handler, ICsvExport csv, CancellationToken ct)
    {
        var t = await handler.TabelleAsync(tabelle, p.Filter(), AnalyseEingaben.Spur(p.Spur, erforderlich: false), meilenstein, ct);
        return TypedResults.File(csv.Erzeugen(t), "text/csv; charset=utf-8", $"kim-{t.Name}.csv");
    }

    private static async Task<PushStreamHttpResult> Xes([AsParameters] AnalyseParameter p, bool? namensraum, AnalysenHandler handler, HttpContext http, CancellationToken ct)
    {
        var schreiben = await handler.XesAsync(p.Filter(), AnalyseEingaben.Spur(p.Spur, erforderlich: false), namensraum ?? false, ct);
        return TypedResults.Stream(ziel => schreiben(ziel, http.RequestAborted), "application/xml", "kim-ereignisprotokoll.xes");
    }
}

/// <summary>A new decision of the Lenkungsgruppe (names of the enums as text; checked with German messages by the handler).</summary>
internal sealed record EntscheidungAnfrage(string? Titel, string? Behoerde, DateOnly? GiltAb, IReadOnlyList<string>? Themen);

/// <summary>The filter query parameters of the analysis endpoints (and the track, where one applies).</summary>
internal sealed record AnalyseParameter(DateOnly? Von, DateOnly? Bis, string? Aufenthaltsstatus, string? Altersgruppe, bool? ZieldimensionI, Guid? TeamId, string? Spur)
{
    public AnalyseFilter Filter() => AnalyseEingaben.Filter(Von, Bis, Aufenthaltsstatus, Altersgruppe, ZieldimensionI, TeamId);
}

/// <summary>
/// The two selections of <c>GET /api/analysen/vergleich</c>: the filter parameters prefixed with <c>a.</c> and <c>b.</c>
/// (no team), as text so that an empty field (as the page's form sends it) is "not set" and a malformed one gets a German
/// message naming its field.
/// </summary>
internal sealed record VergleichParameter(
    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "a.von")] string? AVon,
    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "a.bis")] string? ABis,
    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "a.aufenthaltsstatus")] string? AAufenthaltsstatus,
    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "a.altersgruppe")] string? AAltersgruppe,
    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "a.zieldimensionI")] string? AZieldimensionI,
    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "b.von")] string? BVon,
    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "b.bis")] string? BBis,
    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "b.aufenthaltsstatus")] string? BAufenthaltsstatus,
    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "b.altersgruppe")] string? BAltersgruppe,
    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "b.zieldimensionI")] string? BZieldimensionI)
{
    /// <summary>Both selections, checked (a field error of either is a 400 with all of them).</summary>
    public (AnalyseFilter A, AnalyseFilter B) Auswahlen() => AnalyseEingaben.Auswahlen(
        new AuswahlEingabe(AVon, ABis, AAufenthaltsstatus, AAltersgruppe, AZieldimensionI),
        new AuswahlEingabe(BVon, BBis, BAufenthaltsstatus, BAltersgruppe, BZieldimensionI));
}
