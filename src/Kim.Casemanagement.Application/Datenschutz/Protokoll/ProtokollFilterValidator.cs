using FluentValidation;

namespace Kim.Casemanagement.Application.Datenschutz.Protokoll;

/// <summary>The audit log filter, checked on the server for the page and the API alike (German messages per field).</summary>
public sealed class ProtokollFilterValidator : AbstractValidator<ProtokollFilter>
{
    public ProtokollFilterValidator()
    {
        RuleFor(f => f.Aktenzeichen).Null().When(f => f.FallId is not null)
            .WithMessage("Bitte geben Sie den Fall entweder mit seinem Aktenzeichen oder mit seiner Kennung an, nicht mit beidem.");
        RuleFor(f => f.Aktenzeichen).MaximumLength(40).WithMessage("Das Aktenzeichen ist zu lang (höchstens 40 Zeichen).")
            .Matches("^[A-Za-z0-9-]+$").When(f => f.Aktenzeichen is not null)
            .WithMessage("Ein Aktenzeichen besteht nur aus Buchstaben, Ziffern und Bindestrichen (z. B. KIM-2026-000123), eine Fall-Kennung aus 32 Hexadezimalziffern.");
        RuleFor(f => f.BenutzerId).MaximumLength(100).WithMessage("Die Benutzerkennung ist zu lang (höchstens 100 Zeichen).")
            .Must(b => b is null || !Domain.Common.Texte.EnthaeltSteuerzeichen(b, erlaubeZeilenumbruch: false)).WithMessage("Die Benutzerkennung enthält Steuerzeichen.");
        RuleFor(f => f.Aktion).MaximumLength(100).WithMessage("Die Aktion ist zu lang (höchstens 100 Zeichen).")
            .Matches(@"^[A-Za-z0-9]+(\.[A-Za-z0-9]+)*\.?$").When(f => f.Aktion is not null)
            .WithMessage("Eine Aktion besteht aus Wörtern, getrennt durch Punkte (z. B. Fall.Lesen); mit einem Punkt am Ende (z. B. Fall.) alle Aktionen dieses Bereichs.");
        RuleFor(f => f.Bis).GreaterThanOrEqualTo(f => f.Von).When(f => f.Von is not null && f.Bis is not null)
            .WithMessage("Das Ende des Zeitraums („bis“) darf nicht vor seinem Anfang („von“) liegen.");
        RuleFor(f => f.Seite).InclusiveBetween(1, 100_000).WithMessage("Die Seite muss zwischen 1 und 100000 liegen.");
        RuleFor(f => f.Groesse).InclusiveBetween(1, ProtokollFilter.MaxGroesse)
            .WithMessage($"Die Seitengröße muss zwischen 1 und {ProtokollFilter.MaxGroesse} liegen.");
    }
}
