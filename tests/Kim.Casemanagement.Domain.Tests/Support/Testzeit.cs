using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Domain.Rechtsregeln;

namespace Kim.Casemanagement.Domain.Tests.Support;

/// <summary>The fixed clock of every test: "today" is 2026-11-20 in the Kommune, recorded at 10:00 UTC.</summary>
public static class Testzeit
{
    public const string Akteur = "fm-test";

    public static readonly DateOnly Heute = new(2026, 11, 20);

    public static readonly DateTimeOffset Jetzt = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    /// <summary>A step frame recorded today, with the given fachliches Datum (default: today) and the standard rule table.</summary>
    public static SchrittRahmen Rahmen(DateOnly? fachlichesDatum = null, string? notiz = null) =>
        new(fachlichesDatum ?? Heute, Akteur, notiz, Rechtsregeltabelle.Standard, Jetzt, Heute);

    /// <summary>A probe asking which steps are possible on <paramref name="am"/> (default: today).</summary>
    public static Schritt Probe(DateOnly? am = null) => Schritt.Probe(am ?? Heute, Rechtsregeltabelle.Standard, Jetzt);

    /// <summary>Raw step parameters as the API would pass them.</summary>
    public static Dictionary<string, string?> P(params (string Name, string? Wert)[] paare) =>
        paare.ToDictionary(p => p.Name, p => p.Wert, StringComparer.Ordinal);

    public static DateOnly D(int jahr, int monat, int tag) => new(jahr, monat, tag);
}
