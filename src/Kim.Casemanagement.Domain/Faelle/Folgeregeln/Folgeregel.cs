namespace Kim.Casemanagement.Domain.Faelle.Folgeregeln;

/// <summary>
/// A cross-track policy: reacts to an event of one track by changing another in the same change
/// (same transaction). Rules only change the Fall in memory; no I/O.
/// </summary>
public abstract class Folgeregel
{
    /// <summary>Every rule, applied in this order to every new event.</summary>
    public static IReadOnlyList<Folgeregel> Alle { get; } = [new AnerkennungMachtRechtskreiswechselFaellig()];

    /// <summary>What the rule does, in German, for documentation.</summary>
    public abstract string Beschreibung { get; }

    /// <summary>Applies the rule to one new event; <paramref name="ausloeser"/> is the step the user fired.</summary>
    public abstract void Anwenden(Fall fall, FallEreignis ereignis, Schritt ausloeser);
}
