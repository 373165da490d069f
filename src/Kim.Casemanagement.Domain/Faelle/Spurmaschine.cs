using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Faelle.Ueberleitungen;
using Kim.Casemanagement.Domain.Zustandsmaschinen;
using Stateless;

namespace Kim.Casemanagement.Domain.Faelle;

/// <summary>
/// One track's machine: a Stateless machine (through the project's <see cref="Zustandsmaschine{TState, TTrigger, TArg}"/>
/// layer) whose triggers carry a <see cref="Schritt"/>, and every transition, internal ones included, appended to the
/// Fall's event log. The configuration is built <b>once per track</b> and shared by all Fälle (ADR 0005): each call
/// names the Fall (and the referral) it is about; for the duration of that synchronous call the state accessors, guards
/// and actions read them from a per-thread context (<see cref="Fall"/>, <see cref="Ueberleitung"/>). The machine fires
/// in Stateless's immediate mode, which keeps no state of its own between calls, so threads do not meet.
/// </summary>
internal abstract class Spurmaschine<TState, TTrigger>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private static readonly Fall NeuerFall = Fall.Leer();

    [ThreadStatic]
    private static Fall? t_fall;

    [ThreadStatic]
    private static Ueberleitung? t_ueberleitung;

    private readonly Func<Fall, Ueberleitung?, TState> _zustand;
    private readonly Action<Fall, Ueberleitung?, TState> _setzeZustand;
    private readonly Func<Fall, Ueberleitung?, DateOnly> _seit;
    private readonly Action<Fall, Ueberleitung?, DateOnly> _setzeSeit;

    /// <param name="spur">The track.</param>
    /// <param name="zustand">Where a Fall (or a referral) keeps the track's state ...</param>
    /// <param name="setzeZustand">... and how it is set.</param>
    /// <param name="seit">Since when the track stands in its state ...</param>
    /// <param name="setzeSeit">... and how that is set.</param>
    protected Spurmaschine(Spur spur, Func<Fall, Ueberleitung?, TState> zustand, Action<Fall, Ueberleitung?, TState> setzeZustand, Func<Fall, Ueberleitung?, DateOnly> seit, Action<Fall, Ueberleitung?, DateOnly> setzeSeit)
    {
        Spur = spur;
        _zustand = zustand;
        _setzeZustand = setzeZustand;
        _seit = seit;
        _setzeSeit = setzeSeit;

        // Stateless reads the state once when it is built (its "initial state" for diagrams): without a Fall, a new Fall's.
        Maschine = new Zustandsmaschine<TState, TTrigger, Schritt>(() => zustand(t_fall ?? NeuerFall, t_ueberleitung), z => setzeZustand(Fall, t_ueberleitung, z));
        Maschine.BeiUebergang(t =>
        {
            var schritt = (Schritt)t.Parameters[0];
            var fall = Fall;
            if (!t.IsReentry)
            {
                setzeSeit(fall, t_ueberleitung, schritt.FachlichesDatum);
            }

            Nachfuehren(t, schritt);
            fall.Protokollieren(spur, t_ueberleitung?.Id, t.Trigger.ToString(), t.Source.ToString(), t.Destination.ToString(), schritt);
        });
    }

    public Spur Spur { get; }

    /// <summary>The static facts of this track's states (known triggers, superstates).</summary>
    public static Zustandstabelle<TState, TTrigger> Tabelle => Spurregister.Tabelle<TState, TTrigger>();

    internal Zustandsmaschine<TState, TTrigger, Schritt> Maschine { get; }

    /// <summary>The Fall the current call is about (only inside a call: guards, actions, <see cref="Nachfuehren"/>).</summary>
    protected static Fall Fall => t_fall ?? throw new InvalidOperationException("The track's machine was used without a Fall.");

    /// <summary>The referral the current call is about, for the referral track.</summary>
    protected static Ueberleitung? Ueberleitung => t_ueberleitung;

    /// <summary>The state the current call's track stands in.</summary>
    protected TState Zustand => Maschine.Zustand;

    protected static StateMachine<TState, TTrigger>.TriggerWithParameters<Schritt> T(TTrigger trigger) => Zustandsmaschine<TState, TTrigger, Schritt>.T(trigger);

    /// <summary>Every step the track's current state knows, possible or blocked (with reasons), judged as of <paramref name="probe"/>.</summary>
    public IReadOnlyList<SchrittStatus> Schritte(Fall fall, Ueberleitung? ueberleitung, Schritt probe, Func<TTrigger, SchrittDefinition> definition)
    {
        using var _ = new Aufruf(fall, ueberleitung);
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
    public void Feuern(Fall fall, Ueberleitung? ueberleitung, TTrigger trigger, Schritt schritt)
    {
        using var _ = new Aufruf(fall, ueberleitung);
        if (!Maschine.KannFeuern(trigger, schritt, out var gruende))
        {
            throw new SchrittNichtMoeglichException(Spur.ToString(), Zustand.ToString(), trigger.ToString(), gruende);
        }

        Maschine.Feuern(trigger, schritt);
    }

    /// <summary>The state the Fall's (or the referral's) track stands in.</summary>
    public TState ZustandVon(Fall fall, Ueberleitung? ueberleitung)
    {
        using var _ = new Aufruf(fall, ueberleitung);
        return Zustand;
    }

    /// <summary>Since when the Fall's (or the referral's) track stands in its state.</summary>
    public DateOnly SeitVon(Fall fall, Ueberleitung? ueberleitung) => _seit(fall, ueberleitung);

    /// <summary>Test support: puts the Fall's track into a state without firing.</summary>
    public void SetzenFuerTest(Fall fall, TState zustand, DateOnly seit)
    {
        _setzeZustand(fall, null, zustand);
        _setzeSeit(fall, null, seit);
    }

    public bool KannFeuern(Fall fall, Ueberleitung? ueberleitung, TTrigger trigger, Schritt schritt)
    {
        using var _ = new Aufruf(fall, ueberleitung);
        return Maschine.KannFeuern(trigger, schritt, out var _);
    }

    /// <summary>Keeps the track's facts in step with a transition (dates, permit data); runs after exit and before entry actions.</summary>
    protected virtual void Nachfuehren(StateMachine<TState, TTrigger>.Transition transition, Schritt schritt)
    {
    }

    /// <summary>Configures a state's hierarchy and its entry and exit actions (which read <see cref="Fall"/>).</summary>
    protected StateMachine<TState, TTrigger>.StateConfiguration Konfigurieren(TState zustand) => Maschine.Konfigurieren(zustand);

    /// <summary>Configures <paramref name="trigger"/> on <paramref name="state"/> to lead to <paramref name="destination"/>, guarded by the named conditions on the Fall.</summary>
    protected void Erlaube(TState state, TTrigger trigger, TState destination, params Bedingung[] bedingungen) =>
        Maschine.Erlaube(state, trigger, destination, bedingungen.Select(b => ((Func<Schritt, bool>)(s => b.IstErfuellt(Fall, s)), b.Beschreibung)).ToArray());

    /// <summary>The destination is chosen when the step fires, among <paramref name="moeglicheZiele"/>.</summary>
    protected void ErlaubeDynamisch(TState state, TTrigger trigger, Func<Schritt, TState> ziel, string beschreibung, IReadOnlyList<TState> moeglicheZiele) =>
        Maschine.ErlaubeDynamisch(state, trigger, ziel, beschreibung, moeglicheZiele);

    /// <summary>A step that keeps the state and changes the track's facts; recorded as an event like every other step.</summary>
    protected void Intern(TState state, TTrigger trigger, Action<Schritt> aktion) => Maschine.Intern(state, trigger, aktion);

    /// <summary>True when the current call's state is <paramref name="zustand"/> or lies inside it.</summary>
    protected bool IstIn(TState zustand) => Tabelle.IstIn(Zustand, zustand);

    /// <summary>The superstates of a state, innermost first.</summary>
    public static IReadOnlyList<string> Oberzustaende(TState zustand) => Tabelle.Oberzustaende(zustand);

    /// <summary>Sets the per-thread context for one call and restores the previous one (a call may run inside another's, e.g. a follow-up rule's check).</summary>
    private readonly ref struct Aufruf
    {
        private readonly Fall? _vorherFall;
        private readonly Ueberleitung? _vorherUeberleitung;

        public Aufruf(Fall fall, Ueberleitung? ueberleitung)
        {
            ArgumentNullException.ThrowIfNull(fall);
            _vorherFall = t_fall;
            _vorherUeberleitung = t_ueberleitung;
            t_fall = fall;
            t_ueberleitung = ueberleitung;
        }

        public void Dispose()
        {
            t_fall = _vorherFall;
            t_ueberleitung = _vorherUeberleitung;
        }
    }
}
