namespace Kim.Casemanagement.Application.Datenschutz.Protokoll;

/// <summary>One page of audit rows, newest first; <paramref name="HatWeitere"/> when a next page exists (the trail is not counted: it is large).</summary>
public sealed record ProtokollSeite(IReadOnlyList<ProtokollZeile> Eintraege, int Seite, int Groesse, bool HatWeitere);
