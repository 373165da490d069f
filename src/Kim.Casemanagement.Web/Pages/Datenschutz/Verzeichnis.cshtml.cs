using Kim.Casemanagement.Infrastructure.Datenschutz;
using Kim.Casemanagement.Web.Api;
using Kim.Casemanagement.Web.Sicherheit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kim.Casemanagement.Web.Pages.Datenschutz;

/// <summary>The Art. 30 record for the Datenschutz role: shown as it stands today, downloadable as HTML and Markdown (same service and audit entry as <c>GET /api/datenschutz/verarbeitungsverzeichnis</c>).</summary>
[Authorize(Policy = SicherheitsKonfiguration.PolitikDatenschutz)]
public sealed class VerzeichnisModel(AuskunftDienst dienst) : PageModel
{
    public Verarbeitungsverzeichnis Verzeichnis { get; private set; } = null!;

    /// <summary>The record as HTML (encoded by <see cref="VerzeichnisDarstellung"/>).</summary>
    public string Darstellung { get; private set; } = string.Empty;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Verzeichnis = await dienst.VerzeichnisAsync("seite", ct);
        Darstellung = VerzeichnisDarstellung.Fragment(Verzeichnis);
    }
}
