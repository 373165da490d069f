using Kim.Casemanagement.Domain.Themen;

namespace Kim.Casemanagement.Application.Analysen.Rohdaten;

/// <summary>Themen per category and state; a null category or state is the margin over it (both null: the grand total).</summary>
public sealed record ThemenWertRoh(ThemaKategorie? Kategorie, ThemaStatus? Status, long Anzahl, long Faelle);
