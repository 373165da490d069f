using Kim.Casemanagement.Application.Faelle.FallAnzeigen;
using Kim.Casemanagement.Application.Faelle.Notizen;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kim.Casemanagement.Web.Pages.Faelle;

/// <summary>Read-only case file page (the UI issue builds the full Fallakte on it). Authorisation as for the API: 404 when not visible.</summary>
public sealed class AkteModel(FallAnzeigenHandler fall, NotizenHandler notizen) : PageModel
{
    public FallDetail Fall { get; private set; } = null!;

    public IReadOnlyList<NotizDetail>? Notizen { get; private set; }

    public async Task OnGetAsync(Guid fallId, CancellationToken ct)
    {
        Fall = await fall.HandleAsync(fallId, ct);
        if (Fall.Sicht == "Voll")
        {
            Notizen = await notizen.HandleAsync(fallId, ct);
        }
    }
}
