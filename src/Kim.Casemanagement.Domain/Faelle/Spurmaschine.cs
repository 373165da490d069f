using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.StateMachine;

namespace Kim.Casemanagement.Domain.Faelle;

/// <summary>
/// One track's machine on one Fall: a <see cref="StateMachine{TState, TTrigger}"/> bound through the
/// external-state constructor to the persisted property, every trigger parameterised with a <see cref="Schritt"/>,
/// and every transition appended to the Fall's event log.
/// </summary>
internal abstract class Spurmaschine<TState, TTrigger>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private readonly Dictionary<TTrigger, TriggerWithParameters<TTrigger, Schritt>> _triggers = [];

    protected Spurmaschine(Spur spur, Fall fall, Guid? ueberleitungId, Func<TState> zustand, Action<TState> setzeZustand, Action<DateOnly> setzeSeit)
    {
        Spur = spur;
        Fall = fall;
        Maschine = new StateMachine<TState, TTrigger>(zustand, setzeZustand);
        foreach (var trigger in Enum.GetValues<TTrigger>())
        {
            _triggers[trigger] = Maschine.SetTriggerParameters<Schritt>(trigger);
        }

        Maschine.OnTransitioned(t =>
        {
            var schritt = (Schritt)t.Parameters[0]!;
            if (!t.IsReentry)
            {
                setzeSeit(schritt.FachlichesDatum);
            }

            Nachfuehren(t, schritt);
            fall.Protokollieren(spur, ueberleitungId, t.Trigger.ToString(), t.Source.ToString(), t.Destination.ToString(), schritt);
        });
    }

    protected Fall Fall { get; }

    public Spur Spur { get; }

    public StateMachine<TState, TTrigger> Maschine { get; }

    public TState Zustand => Maschine.State;

    protected TriggerWithParameters<TTrigger, Schritt> T(TTrigger trigger) => _triggers[trigger];

    /// <summary>Keeps the track's facts in step with a transition (dates, permit data); runs after exit and before entry actions.</summary>
    protected virtual void Nachfuehren(Transition<TState, TTrigger> transition, Schritt schritt)
    {
    }

    /// <summary>Configures <paramref name="trigger"/> on <paramref name="state"/> to lead to <paramref name="destination"/>, guarded by the named conditions.</summary>
    protected void Erlaube(TState state, TTrigger trigger, TState destination, params Bedingung[] bedingungen)
    {
        var config = Maschine.Configure(state);
        if (bedingungen.Length == 0)
        {
            config.Permit(trigger, destination);
        }
        else
        {
            config.PermitIf(T(trigger), destination, bedingungen.Select(b => G(b, Fall)).ToArray());
        }
    }

    /// <summary>Every step the current state knows, possible or blocked (with reasons), judged as of <paramref name="probe"/>.</summary>
    public IReadOnlyList<SchrittStatus> Schritte(Schritt probe, Func<TTrigger, SchrittDefinition> definition)
    {
        var result = new List<SchrittStatus>();
        foreach (var trigger in Maschine.GetConfiguredTriggers())
        {
            var moeglich = Maschine.CanFire(_triggers[trigger], probe, out var gruende);
            var def = definition(trigger);
            result.Add(new SchrittStatus(trigger.ToString(), def.Bezeichnung, moeglich, gruende, def.Parameter));
        }

        return result;
    }

    /// <summary>Fires a trigger; throws <see cref="SchrittNichtMoeglichException"/> with the German reasons when it is not possible.</summary>
    public void Feuern(TTrigger trigger, Schritt schritt)
    {
        if (!Maschine.CanFire(_triggers[trigger], schritt, out var gruende))
        {
            throw new SchrittNichtMoeglichException(Spur.ToString(), Zustand.ToString(), trigger.ToString(), gruende);
        }

        Maschine.Fire(_triggers[trigger], schritt);
    }

    public bool KannFeuern(TTrigger trigger, Schritt schritt) => Maschine.CanFire(_triggers[trigger], schritt, out _);

    /// <summary>The superstates of the current state, innermost first.</summary>
    public IReadOnlyList<string> Oberzustaende() =>
        Enum.GetValues<TState>().Where(s => !EqualityComparer<TState>.Default.Equals(s, Zustand) && Maschine.IsInState(s)).Select(s => s.ToString()).ToArray();

    /// <summary>Guard helper: wraps a named condition on the Fall so the engine sees a predicate on the step.</summary>
    protected static (Func<Schritt, bool> Guard, string Description) G(Bedingung bedingung, Fall fall) =>
        (s => bedingung.IstErfuellt(fall, s), bedingung.Beschreibung);
}
