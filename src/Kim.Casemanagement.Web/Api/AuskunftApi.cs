using System.Globalization;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Infrastructure.Datenschutz;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kim.Casemanagement.Web.Api;

/// <summary>
/// The Art. 15 copy of one client (JSON or a printable HTML file), the search that finds the client, and the Art. 30
/// record (HTML, Markdown or JSON), on the <c>/api/datenschutz</c> group (policy Datenschutz; ADR 0009).
/// </summary>
internal static class AuskunftApi
{
    public static RouteGroupBuilder MapAuskunftUndVerzeichnis(this RouteGroupBuilder g)
    {
        g.MapGet("/klienten", Suchen).WithName("KlientSuche")
            .WithSummary("Sucht Klient*innen nach Name oder Aktenzeichen (mindestens 2 Zeichen), um eine Auskunft zu erstellen; höchstens 50 Treffer. Jeder gezeigte Treffer wird protokolliert.");
        g.MapGet("/klienten/{klientId:guid}/auskunft", Auskunft).WithName("Auskunft")
            .WithSummary("Auskunft nach Art. 15 DSGVO über eine Klientin oder einen Klienten: alle gespeicherten Daten, Empfänger und Zugriffsprotokoll. format=json (Standard) oder html (druckbare Datei). Die Erstellung wird protokolliert.")
            .Produces<Auskunft>(StatusCodes.Status200OK, "application/json")
            .Produces(StatusCodes.Status200OK, contentType: "text/html");
        g.MapGet("/verarbeitungsverzeichnis", Verzeichnis).WithName("Verarbeitungsverzeichnis")
            .WithSummary("Verzeichnis von Verarbeitungstätigkeiten nach Art. 30 DSGVO, aus Datenkatalog, Regeltabelle und Konfiguration erzeugt. format=html (Standard), markdown oder json.")
            .Produces<Verarbeitungsverzeichnis>(StatusCodes.Status200OK, "application/json")
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .Produces(StatusCodes.Status200OK, contentType: "text/markdown");
        return g;
    }

    private static async Task<Ok<KlientSuchergebnis>> Suchen(string? suche, AuskunftDienst dienst, CancellationToken ct)
    {
        var (treffer, begrenzt) = await dienst.SuchenAsync(suche, ct);
        return TypedResults.Ok(new KlientSuchergebnis(treffer, begrenzt));
    }

    private static async Task<IResult> Auskunft(Guid klientId, string? format, AuskunftDienst dienst, HttpContext http, CancellationToken ct)
    {
        var form = Format(format, "json", "json", "html");
        var auskunft = await dienst.ErstellenAsync(klientId, form, ct);
        var datei = $"auskunft-art15-{auskunft.ErstelltAm.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        if (form == "html")
        {
            Anhang(http, datei + ".html");
            return TypedResults.Text(AuskunftHtml.Dokument(auskunft), "text/html; charset=utf-8");
        }

        Anhang(http, datei + ".json");
        return TypedResults.Ok(auskunft);
    }

    private static async Task<IResult> Verzeichnis(string? format, AuskunftDienst dienst, HttpContext http, CancellationToken ct)
    {
        var form = Format(format, "html", "html", "markdown", "json");
        var verzeichnis = await dienst.VerzeichnisAsync(form, ct);
        var datei = $"verarbeitungsverzeichnis-{verzeichnis.Stichtag.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        switch (form)
        {
            case "html":
                Anhang(http, datei + ".html");
                return TypedResults.Text(VerzeichnisDarstellung.Dokument(verzeichnis), "text/html; charset=utf-8");
            case "markdown":
                Anhang(http, datei + ".md");
                return TypedResults.Text(VerzeichnisDarstellung.Markdown(verzeichnis), "text/markdown; charset=utf-8");
            default:
                return TypedResults.Ok(verzeichnis);
        }
    }

    private static string Format(string? format, string standard, params string[] erlaubt) =>
        format is null ? standard
        : erlaubt.Contains(format, StringComparer.Ordinal) ? format
        : throw new DomainException("Unbekanntes Format.", new Dictionary<string, string[]> { ["format"] = [$"Erlaubt: {string.Join(", ", erlaubt)}."] });

    private static void Anhang(HttpContext http, string datei) => http.Response.Headers.ContentDisposition = $"attachment; filename=\"{datei}\"";
}

/// <summary>The clients a search found (at most 50); <see cref="Begrenzt"/>: there are more, narrow the search.</summary>
public sealed record KlientSuchergebnis(IReadOnlyList<KlientTreffer> Treffer, bool Begrenzt);
