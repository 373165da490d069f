using FluentValidation;
using Kim.Casemanagement.Domain.Einwilligungen;

namespace Kim.Casemanagement.Application.Datenschutz.Einwilligungsregister;

/// <summary>The register's filter, checked on the server for the page and the API alike (German messages per field).</summary>
public sealed class RegisterFilterValidator : AbstractValidator<RegisterFilter>
{
    private static readonly string[] Empfaengernamen = Enum.GetNames<Empfaenger>();
    private static readonly string[] Kategorienamen = Enum.GetNames<Datenkategorie>().Where(n => n != nameof(Datenkategorie.Keine)).ToArray();

    public RegisterFilterValidator()
    {
        RuleFor(f => f.Status).Must(s => s is null || RegisterStatus.Alle.Contains(s))
            .WithMessage($"Unbekannter Status. Erlaubt: {string.Join(", ", RegisterStatus.Alle)}.");
        RuleFor(f => f.Tage).InclusiveBetween(1, 366).When(f => f.Tage is not null)
            .WithMessage("Die Tage bis zum Ablauf müssen zwischen 1 und 366 liegen.");
        RuleFor(f => f.Empfaenger).Must(e => e is null || Empfaengernamen.Contains(e, StringComparer.Ordinal))
            .WithMessage($"Unbekannter Empfänger. Erlaubt: {string.Join(", ", Empfaengernamen)}.");
        RuleFor(f => f.Kategorie).Must(k => k is null || Kategorienamen.Contains(k, StringComparer.Ordinal))
            .WithMessage($"Unbekannte Datenkategorie. Erlaubt: {string.Join(", ", Kategorienamen)}.");
        RuleFor(f => f.Bis).GreaterThanOrEqualTo(f => f.Von).When(f => f.Von is not null && f.Bis is not null)
            .WithMessage("Das Ende des Zeitraums („bis“) darf nicht vor seinem Anfang („von“) liegen.");
        RuleFor(f => f.Aktenzeichen).MaximumLength(40).WithMessage("Das Aktenzeichen ist zu lang (höchstens 40 Zeichen).")
            .Matches("^[A-Za-z0-9-]+$").When(f => f.Aktenzeichen is not null)
            .WithMessage("Ein Aktenzeichen besteht nur aus Buchstaben, Ziffern und Bindestrichen (z. B. KIM-2026-000123).");
        RuleFor(f => f.Seite).InclusiveBetween(1, 100_000).WithMessage("Die Seite muss zwischen 1 und 100000 liegen.");
        RuleFor(f => f.Groesse).InclusiveBetween(1, RegisterFilter.MaxGroesse)
            .WithMessage($"Die Seitengröße muss zwischen 1 und {RegisterFilter.MaxGroesse} liegen.");
    }
}
