namespace Kim.Casemanagement.Application.Analysen.Algorithmen;

/// <summary>Why a published figure is withheld.</summary>
public enum Sperrgrund
{
    /// <summary>Shown.</summary>
    Keiner = 0,

    /// <summary>Fewer Fälle than the minimum group size stand behind it (primary suppression).</summary>
    Primaer = 1,

    /// <summary>Withheld so that a primarily suppressed figure cannot be computed by difference (secondary suppression).</summary>
    Sekundaer = 2,

    /// <summary>Withheld as a whole (the selection is too small, or differs too little from a larger one).</summary>
    Auswahl = 3,
}
