using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Domain.Faelle;

/// <summary>
/// One fired trigger, immutable once written: track, trigger, from, to, fachliches Datum (when it happened),
/// recorded-at (UTC), actor, note, parameters, and the event that caused it (for cross-track follow-ups).
/// </summary>
public sealed class FallEreignis
{
    private FallEreignis()
    {
        Trigger = NachZustand = Akteur = string.Empty;
        Parameter = new Dictionary<string, string>();
    }

    public FallEreignis(Guid fallId, int nr, Spur spur, Guid? ueberleitungId, string trigger, string? vonZustand, string nachZustand, DateOnly fachlichesDatum, DateTimeOffset erfasstAm, string akteur, string? notiz, IReadOnlyDictionary<string, string> parameter, int? ausgeloestDurch)
    {
        FallId = fallId;
        Nr = nr;
        Spur = spur;
        UeberleitungId = ueberleitungId;
        Trigger = trigger;
        VonZustand = vonZustand;
        NachZustand = nachZustand;
        FachlichesDatum = fachlichesDatum;
        ErfasstAm = erfasstAm;
        Akteur = akteur;
        Notiz = notiz;
        Parameter = new Dictionary<string, string>(parameter, StringComparer.Ordinal);
        AusgeloestDurch = ausgeloestDurch;
    }

    /// <summary>Database id (global, ascending in insertion order; not commit order).</summary>
    public long Id { get; private set; }

    public Guid FallId { get; private set; }

    /// <summary>Running number within the Fall, 1-based.</summary>
    public int Nr { get; private set; }

    public Spur Spur { get; private set; }

    public Guid? UeberleitungId { get; private set; }

    public string Trigger { get; private set; }

    /// <summary>Null for the event that opens a track at intake.</summary>
    public string? VonZustand { get; private set; }

    public string NachZustand { get; private set; }

    public DateOnly FachlichesDatum { get; private set; }

    public DateTimeOffset ErfasstAm { get; private set; }

    public string Akteur { get; private set; }

    public string? Notiz { get; private set; }

    public Dictionary<string, string> Parameter { get; private set; }

    public int? AusgeloestDurch { get; private set; }
}
