using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Einwilligungen;
using Kim.Casemanagement.Domain.Faelle.Ueberleitungen;
using Kim.Casemanagement.Domain.Zustandsmaschinen;

namespace Kim.Casemanagement.Domain.Faelle;

/// <summary>
/// Everything the code needs to know about one track, in one place (the registry entry, <see cref="Spurregister"/>):
/// its machine, its step catalogue and German labels, where a Fall keeps its state, and the state sets other code
/// needs — open, closed, running, paused, a state with its substates — derived from the machine's superstates.
/// SQL gets these sets as parameters; no other code lists process states.
/// </summary>
public abstract class Spurdefinition
{
    private readonly Lazy<Mengen> _mengen;

    private protected Spurdefinition(Spur spur, string bezeichnung, string kurzname, Datenkategorie kategorie, Behoerde? zustaendigeBehoerde, bool jeUeberleitung)
    {
        Spur = spur;
        Bezeichnung = bezeichnung;
        Kurzname = kurzname;
        Kategorie = kategorie;
        ZustaendigeBehoerde = zustaendigeBehoerde;
        JeUeberleitung = jeUeberleitung;
        _mengen = new Lazy<Mengen>(MengenBilden);
    }

    public Spur Spur { get; }

    /// <summary>German name of the track.</summary>
    public string Bezeichnung { get; }

    /// <summary>Short German name (analyses, tables).</summary>
    public string Kurzname { get; }

    /// <summary>The category of data the track's states and steps are (what a consent must cover for a partner to see them).</summary>
    public Datenkategorie Kategorie { get; }

    /// <summary>The partner authority that records events on the track; null for the case-management track and referrals.</summary>
    public Behoerde? ZustaendigeBehoerde { get; }

    /// <summary>True for a track that a Fall has once per referral instead of once.</summary>
    public bool JeUeberleitung { get; }

    /// <summary>The static description of the track's machine (built once, for diagrams and the state sets).</summary>
    public abstract Maschinenbeschreibung Beschreibung { get; }

    /// <summary>Every state's name, in configuration order.</summary>
    public IReadOnlyList<string> Zustaende => _mengen.Value.Alle;

    /// <summary>The states without substates: the ones a Fall can stand in and events lead to.</summary>
    public IReadOnlyList<string> Blaetter => _mengen.Value.Blaetter;

    /// <summary>Leaves where the track's work goes on (inside the open superstate, where the track has one; else leaves with a step out).</summary>
    public IReadOnlyList<string> OffeneZustaende => _mengen.Value.Offen;

    /// <summary>Leaves where the track has ended: outside the open superstate (Prozess: Abschluss, Abbruch, Verweisung), or without any step out.</summary>
    public IReadOnlyList<string> BeendeteZustaende => _mengen.Value.Beendet;

    /// <summary>Open leaves in which the work pauses (Prozess: Ruhend).</summary>
    public IReadOnlyList<string> PausierteZustaende => _mengen.Value.Pausiert;

    /// <summary>Open leaves that are not paused: the Fälle counted as active in the key figures.</summary>
    public IReadOnlyList<string> LaufendeZustaende => _mengen.Value.Laufend;

    /// <summary>True when the track's machine has a state of that exact name.</summary>
    public bool KenntZustand(string zustand) => zustand is not null && Beschreibung.Kennt(zustand);

    /// <summary>The state and every state inside it (a superstate such as Geduldet stands for all its substates).</summary>
    public IReadOnlyList<string> MitUnterzustaenden(string zustand) => Beschreibung[zustand].MitUnterzustaenden.Select(z => z.Name).ToArray();

    /// <summary>The name of the state the Fall's track stands in; null for a track a Fall has once per referral.</summary>
    public abstract string? ZustandVon(Fall fall);

    /// <summary>The German label of a state's name (the name itself for a name the track does not know).</summary>
    public abstract string ZustandBezeichnung(string zustand);

    /// <summary>The definition (label and parameters) of a step; an unknown step is a <see cref="DomainException"/> (400).</summary>
    public abstract SchrittDefinition Schritt(string trigger);

    internal abstract void Feuern(Fall fall, Guid? ueberleitungId, string trigger, Schritt schritt);

    internal abstract SpurStatus Status(Fall fall, Guid? ueberleitungId, Schritt probe);

    internal abstract DateOnly Seit(Fall fall, Guid? ueberleitungId);

    internal abstract void ZustandSetzen(Fall fall, string zustand, DateOnly seit);

    private protected abstract string? OffenerOberzustand { get; }

    private protected abstract IReadOnlyList<string> Pausiert { get; }

    private Mengen MengenBilden()
    {
        var b = Beschreibung;
        var blaetter = b.Blaetter.ToArray();
        bool IstOffen(Zustandsbeschreibung z) => OffenerOberzustand is { } o ? z.IstIn(b[o]) : z.BekannteTrigger.Count > 0;
        var offen = blaetter.Where(IstOffen).Select(z => z.Name).ToArray();
        var pausiert = offen.Where(Pausiert.Contains).ToArray();
        return new Mengen(
            b.Zustaende.Select(z => z.Name).ToArray(),
            blaetter.Select(z => z.Name).ToArray(),
            offen,
            blaetter.Where(z => !IstOffen(z)).Select(z => z.Name).ToArray(),
            pausiert,
            offen.Except(pausiert).ToArray());
    }

    private sealed record Mengen(string[] Alle, string[] Blaetter, string[] Offen, string[] Beendet, string[] Pausiert, string[] Laufend);
}

/// <summary>A track's registry entry for its state and trigger types.</summary>
internal sealed class Spurdefinition<TState, TTrigger> : Spurdefinition
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    // Exact names only: Enum.TryParse would also accept numbers and comma lists.
    private static readonly Dictionary<string, TState> Zustandsnamen = Enum.GetValues<TState>().ToDictionary(z => z.ToString(), StringComparer.Ordinal);
    private static readonly Dictionary<string, TTrigger> Triggernamen = Enum.GetValues<TTrigger>().ToDictionary(t => t.ToString(), StringComparer.Ordinal);

    private readonly Func<Fall, Ueberleitung?, Spurmaschine<TState, TTrigger>> _maschine;
    private readonly Func<TState, string> _bezeichnung;
    private readonly Func<TTrigger, SchrittDefinition> _schritt;
    private readonly Lazy<Zustandstabelle<TState, TTrigger>> _tabelle;
    private readonly TState? _offen;
    private readonly TState[] _pausiert;

    /// <param name="spur">The track.</param>
    /// <param name="bezeichnung">German name.</param>
    /// <param name="kurzname">Short German name.</param>
    /// <param name="kategorie">The category of data of the track.</param>
    /// <param name="behoerde">The partner authority that owns the track, if any.</param>
    /// <param name="maschine">The track's shared machine for a Fall (and a referral).</param>
    /// <param name="beschreibungsmaschine">The machine whose configuration the description is read from.</param>
    /// <param name="zustandBezeichnung">German labels of the states (the track's catalogue).</param>
    /// <param name="schritt">Label and parameters of each step (the track's catalogue).</param>
    /// <param name="jeUeberleitung">True for a track a Fall has once per referral (where the Fall keeps the state: the machine's accessors).</param>
    /// <param name="offen">The superstate holding the states where the track's work goes on, if it has one.</param>
    /// <param name="pausiert">Open states in which the work pauses.</param>
    public Spurdefinition(
        Spur spur,
        string bezeichnung,
        string kurzname,
        Datenkategorie kategorie,
        Behoerde? behoerde,
        Func<Fall, Ueberleitung?, Spurmaschine<TState, TTrigger>> maschine,
        Func<Spurmaschine<TState, TTrigger>> beschreibungsmaschine,
        Func<TState, string> zustandBezeichnung,
        Func<TTrigger, SchrittDefinition> schritt,
        bool jeUeberleitung,
        TState? offen = null,
        params TState[] pausiert)
        : base(spur, bezeichnung, kurzname, kategorie, behoerde, jeUeberleitung)
    {
        _maschine = maschine;
        _bezeichnung = zustandBezeichnung;
        _schritt = schritt;
        _offen = offen;
        _pausiert = pausiert;
        _tabelle = new Lazy<Zustandstabelle<TState, TTrigger>>(() => new Zustandstabelle<TState, TTrigger>(Maschinenbeschreibung.Aus(beschreibungsmaschine().Maschine.Info())));
    }

    public Zustandstabelle<TState, TTrigger> Tabelle => _tabelle.Value;

    public override Maschinenbeschreibung Beschreibung => Tabelle.Beschreibung;

    private protected override string? OffenerOberzustand => _offen?.ToString();

    private protected override IReadOnlyList<string> Pausiert => _pausiert.Select(p => p.ToString()).ToArray();

    public override string ZustandBezeichnung(string zustand) =>
        zustand is not null && Zustandsnamen.TryGetValue(zustand, out var z) ? _bezeichnung(z) : zustand!;

    public override SchrittDefinition Schritt(string trigger) => _schritt(TriggerLesen(trigger));

    public override string? ZustandVon(Fall fall) => JeUeberleitung ? null : _maschine(fall, null).ZustandVon(fall, null).ToString();

    internal override void Feuern(Fall fall, Guid? ueberleitungId, string trigger, Schritt schritt)
    {
        var ueberleitung = Ueberleitung(fall, ueberleitungId);
        _maschine(fall, ueberleitung).Feuern(fall, ueberleitung, TriggerLesen(trigger), schritt);
    }

    internal override SpurStatus Status(Fall fall, Guid? ueberleitungId, Schritt probe)
    {
        var ueberleitung = Ueberleitung(fall, ueberleitungId);
        var maschine = _maschine(fall, ueberleitung);
        var zustand = maschine.ZustandVon(fall, ueberleitung);
        return new SpurStatus(
            Spur,
            ueberleitungId,
            zustand.ToString(),
            _bezeichnung(zustand),
            Spurmaschine<TState, TTrigger>.Oberzustaende(zustand),
            maschine.SeitVon(fall, ueberleitung),
            maschine.Schritte(fall, ueberleitung, probe, _schritt));
    }

    internal override DateOnly Seit(Fall fall, Guid? ueberleitungId)
    {
        var ueberleitung = Ueberleitung(fall, ueberleitungId);
        return _maschine(fall, ueberleitung).SeitVon(fall, ueberleitung);
    }

    internal override void ZustandSetzen(Fall fall, string zustand, DateOnly seit)
    {
        if (JeUeberleitung)
        {
            throw new InvalidOperationException($"The track {Spur} has no single state per Fall.");
        }

        _maschine(fall, null).SetzenFuerTest(fall, Zustandsnamen[zustand], seit);
    }

    private Ueberleitung? Ueberleitung(Fall fall, Guid? ueberleitungId) => JeUeberleitung ? fall.Ueberleitung(ueberleitungId) : null;

    private static TTrigger TriggerLesen(string trigger)
    {
        if (trigger is not null && Triggernamen.TryGetValue(trigger, out var t))
        {
            return t;
        }

        var shown = trigger is null ? string.Empty : trigger.Length > 60 ? trigger[..60] + "…" : trigger;
        throw new DomainException("Unbekannter Schritt.", new Dictionary<string, string[]> { ["trigger"] = [$"Den Schritt „{shown}“ gibt es auf dieser Spur nicht."] });
    }
}
