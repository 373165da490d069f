using Kim.Casemanagement.Application.Faelle.FaelleSuchen;

namespace Kim.Casemanagement.Application.Faelle.Auslastung;

/// <summary>The team lead's overview: workload per case manager and the intake queue (Fälle without a lead case manager).</summary>
public sealed record TeamAuslastung(IReadOnlyList<AuslastungZeile> Zeilen, IReadOnlyList<FallZeile> Warteschlange, int OhneKontaktTage);
