using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Rechtsregeln;

namespace Kim.Casemanagement.Domain.Faelle;

/// <summary>Everything about a step except its parameters: when, who, a note, and the rule table and clock to judge it by.</summary>
public sealed record SchrittRahmen(DateOnly FachlichesDatum, string Akteur, string? Notiz, Rechtsregeltabelle Regeln, DateTimeOffset Jetzt, DateOnly Heute)
{
    /// <summary>Parses the raw parameters against the step's definition and builds the <see cref="Schritt"/>.</summary>
    public Schritt Schritt(SchrittDefinition definition, IReadOnlyDictionary<string, string?>? parameter)
    {
        var notiz = Texte.Normalisieren(Notiz);
        if (notiz is not null && !Texte.IstGueltigerFreitext(notiz))
        {
            throw new DomainException("Die Notiz ist zu lang oder enthält Steuerzeichen.", new Dictionary<string, string[]> { ["notiz"] = [$"Höchstens {Texte.FreitextMaxLaenge} Zeichen; Zeilenumbrüche sind erlaubt, andere Steuerzeichen nicht."] });
        }

        return new Schritt(FachlichesDatum, Akteur, string.IsNullOrEmpty(notiz) ? null : notiz, SchrittParameter.Parse(definition, parameter), Regeln, Jetzt, Heute);
    }
}
