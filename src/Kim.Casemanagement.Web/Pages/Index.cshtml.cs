using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kim.Casemanagement.Web.Pages;

/// <summary>Start page (signed-in users only): the way to each role's main pages.</summary>
public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
