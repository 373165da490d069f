namespace Kim.Casemanagement.Application.Faelle.Auslastung;

/// <summary>Open Fälle of one case manager in one phase with a number of active tracks, counted in the database.</summary>
public sealed record AuslastungsGruppe(string FallmanagerId, string Phase, int AktiveSpuren, int Anzahl, int OhneKontakt);

/// <summary>Due open Wiedervorlagen of one case manager's Fälle, and how many Fälle have an overdue one.</summary>
public sealed record WiedervorlagenJeFallmanager(string FallmanagerId, int Faellig, int FaelleMitUeberfaelliger);

/// <summary>The workload figures as the database aggregates them (one query each, whatever the team's size).</summary>
public sealed record AuslastungRoh(IReadOnlyList<AuslastungsGruppe> Gruppen, IReadOnlyList<WiedervorlagenJeFallmanager> Wiedervorlagen);
