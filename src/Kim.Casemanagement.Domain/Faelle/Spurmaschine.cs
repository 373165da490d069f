using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Zustandsmaschinen;
using Stateless;

namespace Kim.Casemanagement.Domain.Faelle;

/// <summary>
/// One track's machine on one Fall: a Stateless machine (through the project's <see cref="Zustandsmaschine{TState, TTrigger, TArg}"/>
/// layer) bound to the persisted property, every trigger carrying a <see cref="Schritt"/>, and every transition,
/// internal ones included, appended to the Fall's event log. Built lazily, only when a Fall's track is asked.
/// </summary>
internal abstract class Spurmaschine<TState, TTrigger>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    protected Spurmaschine(Spur spur, Fall fall, Guid? ueberleitungId, Func<TState> zustand, Action<TState> setzeZustand, Action<DateOnly> setzeSeit)
    {
        Spur = spur;
        Fall = fall;
        Maschine = new Zustandsmaschine<TState, TTrigger, Schritt>(zustand, setzeZustand);
        Maschine.BeiUebergang(t =>
        {
            var schritt = (Schritt)t.Parameters[0];
            if (!t.IsReentry)
            {
                setzeSeit(schritt.FachlichesDatum);
            }

            Nachfuehren(t, schritt);
            fall.Protokollieren(spur, ueberleitungId, t.Trigger.ToString(), t.Source.ToString(), t.Destination.ToString(), schritt);
        });
    }

    public Spur Spur { get; }

    public TState Zustand => Maschine.Zustand;

    /// <summary>The static facts of this track's states (known triggers, superstates), shared by all Fälle.</summary>
    public static Zustandstabelle<TState, TTrigger> Tabelle => Spurregister.Tabelle<TState, TTrigger>();

    internal Zustandsmaschine<TState, TTrigger, Schritt> Maschine { get; }

    protected Fall Fall { get; }

    protected static StateMachine<TState, TTrigger>.TriggerWithParameters<Schritt> T(TTrigger trigger) => Zustandsmaschine<TState, TTrigger, Schritt>.T(trigger);

    /// <summary>Keeps the track's facts in step with a transition (dates, permit data); runs after exit and before entry actions.</summary>
    protected virtual void Nachfuehren(StateMachine<TState, TTrigger>.Transition transition, Schritt schritt)
    {
    }

    /// <summary>Configures a state's hierarchy and its entry and exit actions.</summary>
    protected StateMachine<TState, TTrigger>.StateConfiguration Konfigurieren(TState zustand) => Maschine.Konfigurieren(zustand);

    /// <summary>Configures <paramref name="trigger"/> on <paramref name="state"/> to lead to <paramref name="destination"/>, guarded by the named conditions.</summary>
    protected void Erlaube(TState state, TTrigger trigger, TState destination, params Bedingung[] bedingungen)
    {
        var fall = Fall;
        Maschine.Erlaube(state, trigger, destination, bedingungen.Select(b => ((Func<Schritt, bool>)(s => b.IstErfuellt(fall, s)), b.Beschreibung)).ToArray());
    }

    /// <summary>The destination is chosen when the step fires, among <paramref name="moeglicheZiele"/>.</summary>
    protected void ErlaubeDynamisch(TState state, TTrigger trigger, Func<Schritt, TState> ziel, string beschreibung, IReadOnlyList<TState> moeglicheZiele) =>
        Maschine.ErlaubeDynamisch(state, trigger, ziel, beschreibung, moeglicheZiele);

    /// <summary>A step that keeps the state and changes the track's facts; recorded as an event like every other step.</summary>
    protected void Intern(TState state, TTrigger trigger, Action<Schritt> aktion) => Maschine.Intern(state, trigger, aktion);

    /// <summary>Every step the current state knows, possible or blocked (with reasons), judged as of <paramref name="probe"/>.</summary>
    public IReadOnlyList<SchrittStatus> Schritte(Schritt probe, Func<TTrigger, SchrittDefinition> definition)
    {
        var trigger = Tabelle.BekannteTrigger(Zustand);
        var result = new SchrittStatus[trigger.Count];
        for (var i = 0; i < trigger.Count; i++)
        {
            var moeglich = Maschine.KannFeuern(trigger[i], probe, out var gruende);
            var def = definition(trigger[i]);
            result[i] = new SchrittStatus(trigger[i].ToString(), def.Bezeichnung, moeglich, gruende, def.Parameter);
        }

        return result;
    }

    /// <summary>Fires a trigger; throws <see cref="SchrittNichtMoeglichException"/> with the German reasons when it is not possible.</summary>
    public void Feuern(TTrigger trigger, Schritt schritt)
    {
        if (!Maschine.KannFeuern(trigger, schritt, out var gruende))
        {
            throw new SchrittNichtMoeglichException(Spur.ToString(), Zustand.ToString(), trigger.ToString(), gruende);
        }

        Maschine.Feuern(trigger, schritt);
    }

    public bool KannFeuern(TTrigger trigger, Schritt schritt) => Maschine.KannFeuern(trigger, schritt, out _);

    /// <summary>True when the current state is <paramref name="zustand"/> or lies inside it.</summary>
    public bool IstIn(TState zustand) => Tabelle.IstIn(Zustand, zustand);

    /// <summary>The superstates of the current state, innermost first.</summary>
    public IReadOnlyList<string> Oberzustaende() => Tabelle.Oberzustaende(Zustand);
}
