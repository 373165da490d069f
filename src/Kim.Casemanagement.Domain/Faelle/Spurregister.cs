using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Faelle.Aufenthalt;
using Kim.Casemanagement.Domain.Faelle.Bildung;
using Kim.Casemanagement.Domain.Faelle.Leistungen;
using Kim.Casemanagement.Domain.Faelle.Prozess;
using Kim.Casemanagement.Domain.Faelle.Ueberleitungen;
using Kim.Casemanagement.Domain.Zustandsmaschinen;

namespace Kim.Casemanagement.Domain.Faelle;

/// <summary>
/// The tracks of a Fall, one entry each. A new track is a folder (states, triggers, catalogue, machine) plus one line
/// here (and its value in <see cref="Spur"/> and its data on the Fall).
/// </summary>
public static class Spurregister
{
    private static readonly Spurdefinition[] Eintraege =
    [
        ProzessMaschine.Definition,
        AufenthaltMaschine.Definition,
        LeistungenMaschine.Definition,
        BildungMaschine.Definition,
        UeberleitungMaschine.Definition,
    ];

    private static readonly Spurdefinition?[] NachSpur = Register();

    /// <summary>Every track, in the order of <see cref="Spur"/>.</summary>
    public static IReadOnlyList<Spurdefinition> Alle => Eintraege;

    /// <summary>The case-management process track (its open, closed and paused states are read by analyses and deadlines).</summary>
    public static Spurdefinition Prozess => Von(Spur.Prozess);

    /// <summary>The entry of a track; an unknown value is a <see cref="DomainException"/> (400).</summary>
    public static Spurdefinition Von(Spur spur) =>
        Finden(spur) ?? throw new DomainException("Unbekannte Spur.", new Dictionary<string, string[]> { ["spur"] = ["Unbekannte Spur."] });

    /// <summary>The entry of a track, or null for a value that names no track.</summary>
    public static Spurdefinition? Finden(Spur spur) => (int)spur >= 0 && (int)spur < NachSpur.Length ? NachSpur[(int)spur] : null;

    /// <summary>The static state facts of the track with these state and trigger types.</summary>
    internal static Zustandstabelle<TState, TTrigger> Tabelle<TState, TTrigger>()
        where TState : struct, Enum
        where TTrigger : struct, Enum => Halter<TState, TTrigger>.Definition.Tabelle;

    private static Spurdefinition?[] Register()
    {
        var nachSpur = new Spurdefinition?[Enum.GetValues<Spur>().Max(s => (int)s) + 1];
        foreach (var d in Eintraege)
        {
            if (nachSpur[(int)d.Spur] is not null)
            {
                throw new InvalidOperationException($"The track {d.Spur} is registered twice.");
            }

            nachSpur[(int)d.Spur] = d;
        }

        return nachSpur;
    }

    private static class Halter<TState, TTrigger>
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        public static readonly Spurdefinition<TState, TTrigger> Definition = Eintraege.OfType<Spurdefinition<TState, TTrigger>>().Single();
    }
}
