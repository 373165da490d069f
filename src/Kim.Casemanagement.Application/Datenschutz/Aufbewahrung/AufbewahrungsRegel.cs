using Kim.Casemanagement.Domain.Rechtsregeln;

namespace Kim.Casemanagement.Application.Datenschutz.Aufbewahrung;

/// <summary>
/// One retention row of the rule table (<c>Aufbewahrung.*</c>) in German: which data (<see cref="Daten"/>), from which
/// trigger (<see cref="Ausloeser"/>), how long, valid when, on which legal basis. <see cref="Kuenftig"/>: a row that
/// takes effect after today (a change the Kommune has decided).
/// </summary>
public sealed record AufbewahrungsRegel(
    string Schluessel,
    string Daten,
    string Ausloeser,
    Frist Frist,
    string Wert,
    DateOnly GueltigAb,
    DateOnly? GueltigBis,
    string Quelle,
    bool Kuenftig);
