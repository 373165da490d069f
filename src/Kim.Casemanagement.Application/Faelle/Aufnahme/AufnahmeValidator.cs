using FluentValidation;
using Kim.Casemanagement.Application.Faelle.Einwilligungen;

namespace Kim.Casemanagement.Application.Faelle.Aufnahme;

/// <summary>Shape of the intake input; the domain checks the rest (names, dates against birth, start states).</summary>
public sealed class AufnahmeValidator : AbstractValidator<AufnahmeBefehl>
{
    public AufnahmeValidator()
    {
        RuleFor(b => b.Klient).NotNull().WithMessage("Die Angaben zur Person fehlen.");
        RuleFor(b => b.Aufnahmedatum).NotEmpty().WithMessage("Das Aufnahmedatum fehlt.");
        RuleFor(b => b.Aufenthaltsstatus).IsInEnum().WithMessage("Unbekannter Aufenthaltsstatus.");
        RuleFor(b => b.Leistungsstatus).IsInEnum().WithMessage("Unbekannter Leistungsstatus.");
        RuleFor(b => b.Bildungsstand).IsInEnum().WithMessage("Unbekannter Bildungsstand.");
        RuleFor(b => b.FallmanagerId).Must(id => id is null || Domain.Common.Texte.IstGueltigerKurztext(id, 100)).WithMessage("Die Kennung der fallführenden Person ist ungültig.");
        RuleFor(b => b.Notiz).MaximumLength(Domain.Common.Texte.FreitextMaxLaenge);
        RuleFor(b => b.Einwilligungen).Must(e => e is null || e.Count <= 10).WithMessage("Höchstens 10 Einwilligungen bei der Aufnahme.");
        RuleForEach(b => b.Einwilligungen).NotNull().WithMessage("Eine Einwilligung darf nicht leer sein.").SetValidator(new EinwilligungAngabenValidator());
    }
}
