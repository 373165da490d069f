using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Infrastructure.Tokendienst;
using Kim.Casemanagement.Web.Api;
using Kim.Casemanagement.Web.Oberflaeche;
using Kim.Casemanagement.Web.Sicherheit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Kim.Casemanagement.Web.Pages.Admin;

/// <summary>
/// Partner systems (machine clients of the token service, ADR 0010): register, rotate the secret, disable, enable.
/// A new secret is shown once, on the answer to the POST (never stored readable, not put into a cookie). Same
/// validation, services and audit entries as /api/admin/partnersysteme.
/// </summary>
[Authorize(Policy = SicherheitsKonfiguration.PolitikAdministration)]
public sealed class PartnersystemeModel(ClientVerzeichnis verzeichnis, IOptions<TokendienstOptionen> optionen, IAktuellerBenutzer ich, IAuditProtokoll audit) : KimSeite
{
    public IReadOnlyList<TokendienstClient> Systeme { get; private set; } = [];

    /// <summary>The client id and secret to show once after registering or rotating.</summary>
    public (string ClientId, string Geheimnis)? NeuesGeheimnis { get; private set; }

    [BindProperty]
    public Eingabe Neu { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => await LadenAsync(ct);

    public async Task<IActionResult> OnPostAnlegenAsync(CancellationToken ct)
    {
        PartnersystemMitGeheimnis? neu = null;
        var scopes = new List<string> { "kim.partner.lesen" };
        if (Neu.Schritte && Neu.Behoerde is { } b && Enum.IsDefined(b))
        {
            scopes.Add("kim.partner." + b.AlsSpur().ToString().ToLowerInvariant());
        }

        if (await VersuchenAsync(async () => neu = await PartnersystemeApi.RegistrierenAsync(new PartnersystemAnfrage(Neu.ClientId, Neu.Anzeigename, Neu.Behoerde, scopes), verzeichnis, ich, audit, ct), "Neu."))
        {
            Erfolgsmeldung = "Das Partnersystem ist registriert.";
            NeuesGeheimnis = (neu!.Partnersystem.ClientId, neu.Geheimnis);
            Neu = new Eingabe();
            ModelState.Clear();
        }
        else
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return await SeiteAsync(ct);
    }

    public async Task<IActionResult> OnPostErneuernAsync(string clientId, CancellationToken ct)
    {
        PartnersystemMitGeheimnis? neu = null;
        if (await VersuchenAsync(async () => neu = await PartnersystemeApi.ErneuernAsync(clientId, verzeichnis, optionen.Value, ich, audit, ct)))
        {
            Erfolgsmeldung = $"Neues Geheimnis erzeugt. Das bisherige gilt noch {optionen.Value.GeheimnisUeberlappung.TotalDays:0} Tage.";
            NeuesGeheimnis = (neu!.Partnersystem.ClientId, neu.Geheimnis);
        }

        return await SeiteAsync(ct);
    }

    public Task<IActionResult> OnPostDeaktivierenAsync(string clientId, CancellationToken ct) => AktivAsync(clientId, false, "Das Partnersystem ist gesperrt; seine Tokens gelten sofort nicht mehr.", ct);

    public Task<IActionResult> OnPostAktivierenAsync(string clientId, CancellationToken ct) => AktivAsync(clientId, true, "Das Partnersystem ist wieder aktiv.", ct);

    private async Task<IActionResult> AktivAsync(string clientId, bool aktiv, string erfolg, CancellationToken ct)
    {
        if (await VersuchenAsync(() => PartnersystemeApi.AktivSetzenOhneAntwortAsync(clientId, aktiv, verzeichnis, ich, audit, ct)))
        {
            Erfolgsmeldung = erfolg;
            return Redirect("/Admin/Partnersysteme");
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await SeiteAsync(ct);
    }

    private async Task<IActionResult> SeiteAsync(CancellationToken ct)
    {
        // A page with a secret on it must not be kept by any cache.
        Response.Headers.CacheControl = "no-store";
        await LadenAsync(ct);
        return Page();
    }

    private async Task LadenAsync(CancellationToken ct) => Systeme = await verzeichnis.ListeAsync(ich.Mandant, ClientArt.Partnersystem, ct);

    /// <summary>The registration form.</summary>
    public sealed class Eingabe
    {
        public string? ClientId { get; set; }

        public string? Anzeigename { get; set; }

        public Behoerde? Behoerde { get; set; }

        /// <summary>May fire steps on the Behörde's track (besides reading its consented Fälle).</summary>
        public bool Schritte { get; set; }
    }
}
