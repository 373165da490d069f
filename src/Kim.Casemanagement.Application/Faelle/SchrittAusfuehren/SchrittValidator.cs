using FluentValidation;
using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Application.Faelle.SchrittAusfuehren;

public sealed class SchrittValidator : AbstractValidator<SchrittBefehl>
{
    public SchrittValidator()
    {
        RuleFor(b => b.Spur).IsInEnum().WithMessage("Unbekannte Spur.");
        RuleFor(b => b.Trigger).NotEmpty().WithMessage("Der Schritt fehlt.").MaximumLength(100).WithMessage("Der Name des Schritts ist zu lang.");
        RuleFor(b => b.FachlichesDatum).NotEmpty().WithMessage("Das fachliche Datum fehlt.");
        RuleFor(b => b.Notiz).MaximumLength(Texte.FreitextMaxLaenge).WithMessage($"Die Notiz darf höchstens {Texte.FreitextMaxLaenge} Zeichen lang sein.");
        RuleFor(b => b.Parameter).Must(p => p is null || p.Count <= 20).WithMessage("Zu viele Parameter.");
        RuleFor(b => b.UeberleitungId).NotEmpty().When(b => b.Spur == Spur.Ueberleitung).WithMessage("Für Schritte einer Überleitung ist die Überleitung anzugeben.");
    }
}
