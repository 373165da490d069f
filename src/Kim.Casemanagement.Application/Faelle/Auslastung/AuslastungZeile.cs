namespace Kim.Casemanagement.Application.Faelle.Auslastung;

/// <summary>One case manager's workload: open Fälle, their weighted sum, due and overdue follow-ups, Fälle without recent contact.</summary>
public sealed record AuslastungZeile(string FallmanagerId, int AktiveFaelle, decimal Gewichtet, int WiedervorlagenFaellig, int FaelleMitUeberfaelligerWiedervorlage, int OhneKontakt);
