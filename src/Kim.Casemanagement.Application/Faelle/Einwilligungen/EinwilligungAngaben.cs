using Kim.Casemanagement.Domain.Einwilligungen;

namespace Kim.Casemanagement.Application.Faelle.Einwilligungen;

/// <summary>A consent as entered: recipient, named data categories, purpose, validity, signed form.</summary>
public sealed record EinwilligungAngaben(
    Empfaenger Empfaenger,
    IReadOnlyList<Datenkategorie> Datenkategorien,
    string Zweck,
    DateOnly GueltigAb,
    DateOnly? GueltigBis,
    string FormularReferenz)
{
    public Datenkategorie Kategorien => Datenkategorien.Aggregate(Datenkategorie.Keine, (a, b) => a | b);
}
