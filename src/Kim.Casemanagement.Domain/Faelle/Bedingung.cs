namespace Kim.Casemanagement.Domain.Faelle;

/// <summary>A named guard: a sentence (German, shown to users when unmet) and the check, reading the whole Fall.</summary>
public sealed class Bedingung(string name, string beschreibung, Func<Fall, Schritt, bool> pruefung)
{
    /// <summary>A code name that reads as a sentence, e.g. <c>KeineQualifizierungVorAlphabetisierung</c>.</summary>
    public string Name { get; } = name;

    /// <summary>The German description shown when the condition is not met.</summary>
    public string Beschreibung { get; } = beschreibung;

    public bool IstErfuellt(Fall fall, Schritt schritt) => pruefung(fall, schritt);

    public override string ToString() => Name;
}
