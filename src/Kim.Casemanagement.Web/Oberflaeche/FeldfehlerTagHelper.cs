using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Kim.Casemanagement.Web.Oberflaeche;

/// <summary>
/// Accessible field errors: an input, select or textarea bound with <c>asp-for</c> gets <c>aria-invalid</c> and
/// <c>aria-describedby</c> pointing at its message when the field has an error; <c>&lt;kim-feldfehler for="…"&gt;</c>
/// renders that message next to the field.
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
public sealed class FeldfehlerAttributeTagHelper : TagHelper
{
    public override int Order => 1000;

    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        if (ViewContext.ViewData.ModelState.GetFieldValidationState(name) == ModelValidationState.Invalid)
        {
            output.Attributes.SetAttribute("aria-invalid", "true");
            var id = TagBuilder.CreateSanitizedId(name, "_") + "-fehler";
            var vorhanden = output.Attributes.TryGetAttribute("aria-describedby", out var a) ? a.Value?.ToString() + " " : string.Empty;
            output.Attributes.SetAttribute("aria-describedby", vorhanden + id);
        }
    }
}

/// <summary>The message of one field (nothing when the field is valid).</summary>
[HtmlTargetElement("kim-feldfehler", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FeldfehlerTagHelper : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = null!;

    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        if (!ViewContext.ViewData.ModelState.TryGetValue(name, out var eintrag) || eintrag.Errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "p";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "feldfehler");
        output.Attributes.SetAttribute("id", TagBuilder.CreateSanitizedId(name, "_") + "-fehler");
        output.Content.SetContent("Fehler: " + string.Join(" ", eintrag.Errors.Select(e => e.ErrorMessage)));
    }
}
