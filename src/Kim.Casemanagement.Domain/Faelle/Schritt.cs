using Kim.Casemanagement.Domain.Rechtsregeln;

namespace Kim.Casemanagement.Domain.Faelle;

/// <summary>
/// The argument of every trigger: when it happened (fachliches Datum), who records it, a note,
/// its typed parameters, and the rule table to judge it by. Guards are functions of the Fall and this.
/// </summary>
public sealed class Schritt
{
    public Schritt(DateOnly fachlichesDatum, string akteur, string? notiz, SchrittParameter parameter, Rechtsregeltabelle regeln, DateTimeOffset erfasstAm, DateOnly heute)
    {
        FachlichesDatum = fachlichesDatum;
        Heute = heute;
        Akteur = akteur;
        Notiz = notiz;
        Parameter = parameter;
        Regeln = regeln;
        ErfasstAm = erfasstAm;
    }

    /// <summary>The day the step happened in reality; may lie in the past.</summary>
    public DateOnly FachlichesDatum { get; }

    /// <summary>Today in the Kommune's time zone, when the step is recorded.</summary>
    public DateOnly Heute { get; }

    /// <summary>User id (or "system") that records the step.</summary>
    public string Akteur { get; }

    public string? Notiz { get; }

    public SchrittParameter Parameter { get; }

    public Rechtsregeltabelle Regeln { get; }

    /// <summary>When the step is recorded (UTC).</summary>
    public DateTimeOffset ErfasstAm { get; }

    /// <summary>Set on follow-up steps fired by a cross-track rule: the number of the event that caused them.</summary>
    public int? AusgeloestDurch { get; init; }

    /// <summary>A probe used to ask which steps are possible today (no parameters, no note).</summary>
    public static Schritt Probe(DateOnly heute, Rechtsregeltabelle regeln, DateTimeOffset jetzt) =>
        new(heute, "probe", null, SchrittParameter.Leer, regeln, jetzt, heute);

    public T Wert<T>(RegelSchluessel<T> schluessel) => Regeln.Wert(schluessel, FachlichesDatum);

    public bool TryWert<T>(RegelSchluessel<T> schluessel, out T wert) => Regeln.TryWert(schluessel, FachlichesDatum, out wert);

    /// <summary>A follow-up step on the same day and by the same actor, caused by event <paramref name="ereignisNr"/>.</summary>
    public Schritt Folgeschritt(int ereignisNr, string notiz, SchrittParameter parameter) =>
        new(FachlichesDatum, Akteur, notiz, parameter, Regeln, ErfasstAm, Heute) { AusgeloestDurch = ereignisNr };
}
