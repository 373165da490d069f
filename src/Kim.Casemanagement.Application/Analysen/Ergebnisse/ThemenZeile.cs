using Kim.Casemanagement.Domain.Themen;

namespace Kim.Casemanagement.Application.Analysen.Ergebnisse;

/// <summary>Generative Themen of one category (null: all categories) by state.</summary>
public sealed record ThemenZeile(ThemaKategorie? Kategorie, string Bezeichnung, GeschuetzteZahl Offen, GeschuetzteZahl InLenkungsgruppe, GeschuetzteZahl Erledigt, GeschuetzteZahl Gesamt);
