using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Domain.Faelle.Ueberleitungen;

/// <summary>A referral of the client to a partner authority, with its own small state machine.</summary>
public sealed class Ueberleitung
{

    private Ueberleitung()
    {
        Anliegen = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid FallId { get; private set; }

    public Behoerde Empfaenger { get; private set; }

    /// <summary>What the partner is asked to do.</summary>
    public string Anliegen { get; private set; }

    public UeberleitungZustand Zustand { get; internal set; } = UeberleitungZustand.Entwurf;

    public DateOnly Seit { get; internal set; }

    public DateTimeOffset ErstelltAm { get; private set; }

    public string ErstelltVon { get; private set; } = string.Empty;

    internal static Ueberleitung Entwerfen(Guid id, Guid fallId, Behoerde empfaenger, string anliegen, string akteur, DateOnly datum, DateTimeOffset jetzt)
    {
        anliegen = Texte.Normalisieren(anliegen) ?? string.Empty;
        if (!Enum.IsDefined(empfaenger))
        {
            throw new DomainException("Unbekannte Partnerbehörde.", new Dictionary<string, string[]> { ["empfaenger"] = ["Unbekannte Partnerbehörde."] });
        }

        if (anliegen.Length < 5 || !Texte.IstGueltigerFreitext(anliegen, 1000))
        {
            throw new DomainException("Das Anliegen der Überleitung fehlt oder ist ungültig.", new Dictionary<string, string[]> { ["anliegen"] = ["5 bis 1000 Zeichen, keine Steuerzeichen."] });
        }

        return new Ueberleitung { Id = id, FallId = fallId, Empfaenger = empfaenger, Anliegen = anliegen, ErstelltVon = akteur, ErstelltAm = jetzt, Seit = datum };
    }

}
