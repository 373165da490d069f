using FluentValidation;
using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Application.Faelle.FaelleSuchen;

public sealed class FallSucheValidator : AbstractValidator<FallSuche>
{
    private static readonly string[] Sortierungen = ["aktenzeichen", "name", "geaendert", "wiedervorlage"];

    public FallSucheValidator()
    {
        RuleFor(s => s.Suche).MaximumLength(100).WithMessage("Der Suchtext ist zu lang (höchstens 100 Zeichen).")
            .Must(t => t is null || !Texte.EnthaeltSteuerzeichen(t, erlaubeZeilenumbruch: false)).WithMessage("Der Suchtext enthält Steuerzeichen.");
        RuleFor(s => s.Seite).InclusiveBetween(1, 100_000).WithMessage("Die Seite muss zwischen 1 und 100000 liegen.");
        RuleFor(s => s.Groesse).InclusiveBetween(1, 200).WithMessage("Die Seitengröße muss zwischen 1 und 200 liegen.");
        RuleFor(s => s.OhneKontaktSeitTagen).InclusiveBetween(0, 3650).When(s => s.OhneKontaktSeitTagen is not null).WithMessage("Die Tage ohne Kontakt müssen zwischen 0 und 3650 liegen.");
        RuleFor(s => s.Sortierung).Must(s => Sortierungen.Contains(s)).WithMessage($"Sortierung muss eine von {string.Join(", ", Sortierungen)} sein.");
        RuleFor(s => s.Spur).Must(s => s is null || Enum.TryParse<Spur>(s, out var sp) && Enum.IsDefined(sp) && !int.TryParse(s, out _)).WithMessage("Unbekannte Spur.");
        RuleFor(s => s.Zustand).NotEmpty().When(s => s.Spur is not null).WithMessage("Zum Spurfilter gehört ein Zustand.");
        RuleFor(s => s.Zustand).MaximumLength(100);
        RuleFor(s => s.Phase).MaximumLength(100);
        RuleFor(s => s.FallmanagerId).MaximumLength(100);
    }
}
