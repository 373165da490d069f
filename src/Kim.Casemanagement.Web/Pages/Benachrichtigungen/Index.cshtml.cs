using System.Security.Claims;
using Kim.Casemanagement.Infrastructure.Benachrichtigungen;
using Kim.Casemanagement.Web.Oberflaeche;
using Microsoft.AspNetCore.Mvc;

namespace Kim.Casemanagement.Web.Pages.Benachrichtigungen;

/// <summary>The user's own inbox (newest first), mark one or all as read. Only ever the caller's own notices.</summary>
public sealed class IndexModel(Posteingang posteingang, TimeProvider zeit) : KimSeite
{
    public IReadOnlyList<BenachrichtigungDto> Eintraege { get; private set; } = [];

    public int Ungelesen { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var (ungelesen, letzte) = await posteingang.StandAsync(Ich, ct);
        Ungelesen = ungelesen;
        Eintraege = (await posteingang.NachholenAsync(Ich, Math.Max(0, letzte - 100), 100, ct)).OrderByDescending(b => b.Seq).ToArray();
    }

    public async Task<IActionResult> OnPostGelesenAsync(long seq, CancellationToken ct)
    {
        await posteingang.GelesenAsync(Ich, seq > 0 ? seq : null, zeit.GetUtcNow(), ct);
        Erfolgsmeldung = seq > 0 ? "Als gelesen markiert." : "Alle Benachrichtigungen sind als gelesen markiert.";
        return Redirect("/Benachrichtigungen");
    }

    private string Ich => User.FindFirstValue(ClaimTypes.NameIdentifier)!;
}
