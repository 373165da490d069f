using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Domain.Faelle;

/// <summary>A SMART goal agreed with the client in the Hilfeplanung: what, by when, who.</summary>
public sealed class Ziel
{
    private Ziel()
    {
        Was = Wer = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid FallId { get; private set; }

    /// <summary>What is to be achieved, specific and measurable.</summary>
    public string Was { get; private set; }

    /// <summary>By when.</summary>
    public DateOnly BisWann { get; private set; }

    /// <summary>Who is responsible (client, case manager, an authority).</summary>
    public string Wer { get; private set; }

    /// <summary>How attainment is recognised.</summary>
    public string? Messgroesse { get; private set; }

    public DateOnly VereinbartAm { get; private set; }

    public ZielBewertung? Bewertung { get; private set; }

    public DateOnly? BewertetAm { get; private set; }

    internal static Ziel Vereinbaren(Guid id, Guid fallId, string was, DateOnly bisWann, string wer, string? messgroesse, DateOnly vereinbartAm)
    {
        var errors = new Dictionary<string, string[]>();
        was = Texte.Normalisieren(was) ?? string.Empty;
        wer = Texte.Normalisieren(wer) ?? string.Empty;
        messgroesse = Texte.Normalisieren(messgroesse);
        if (was.Length < 5 || !Texte.IstGueltigerFreitext(was, 500))
        {
            errors["was"] = ["Das Ziel muss konkret beschrieben werden (5 bis 500 Zeichen)."];
        }

        if (wer.Length == 0 || !Texte.IstGueltigerKurztext(wer))
        {
            errors["wer"] = ["Es muss angegeben werden, wer für das Ziel verantwortlich ist."];
        }

        if (messgroesse is not null && !Texte.IstGueltigerKurztext(messgroesse, 500))
        {
            errors["messgroesse"] = ["Die Messgröße ist zu lang oder enthält Steuerzeichen."];
        }

        if (bisWann < vereinbartAm)
        {
            errors["bisWann"] = ["Die Frist („bis wann“) darf nicht vor dem Vereinbarungsdatum liegen."];
        }

        if (errors.Count > 0)
        {
            throw new DomainException("Das Ziel ist nicht SMART beschrieben.", errors);
        }

        return new Ziel { Id = id, FallId = fallId, Was = was, BisWann = bisWann, Wer = wer, Messgroesse = messgroesse, VereinbartAm = vereinbartAm };
    }

    internal void Bewerten(ZielBewertung bewertung, DateOnly am)
    {
        if (!Enum.IsDefined(bewertung))
        {
            throw new DomainException("Unbekannte Bewertung.");
        }

        if (am < VereinbartAm)
        {
            throw new DomainException("Ein Ziel kann nicht vor seiner Vereinbarung bewertet werden.");
        }

        Bewertung = bewertung;
        BewertetAm = am;
    }
}
