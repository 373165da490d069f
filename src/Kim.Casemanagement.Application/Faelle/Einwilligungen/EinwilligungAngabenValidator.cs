using FluentValidation;

namespace Kim.Casemanagement.Application.Faelle.Einwilligungen;

public sealed class EinwilligungAngabenValidator : AbstractValidator<EinwilligungAngaben>
{
    public EinwilligungAngabenValidator()
    {
        RuleFor(e => e.Empfaenger).IsInEnum().WithMessage("Unbekannter Empfänger.");
        RuleFor(e => e.Datenkategorien).NotEmpty().WithMessage("Mindestens eine Datenkategorie ist anzugeben (Pauschaleinwilligungen sind unwirksam).");
        RuleForEach(e => e.Datenkategorien).IsInEnum().WithMessage("Unbekannte Datenkategorie.");
        RuleFor(e => e.GueltigAb).NotEmpty().WithMessage("„Gültig ab“ fehlt.");
    }
}
