using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Infrastructure.Analysen.Projektion;

/// <summary>A node of the process map: a state of a track, for referrals qualified by the receiving authority.</summary>
internal readonly record struct ProjektionsKnoten(Spur Spur, string? Gruppe, string Zustand);

/// <summary>
/// One event of a Fall in the projection, with what the analyses derive from its position: the directly-follows step to
/// the next event of the Fall (across tracks) and to the next event of its trace (track, per referral), each as an edge
/// id and the days between the two fachliche Daten (-1: last event, the edge to the end).
/// </summary>
internal struct ProjektionsEreignis
{
    public int Tag;
    public Spur Spur;
    public bool StartSpur;
    public int Knoten;
    public int KanteQuer;
    public int DauerQuer;
    public int KanteSpur;
    public int DauerSpur;
}

/// <summary>A trace of a track for the variants (per referral on the referral track): its path (-1: no step that changes the state) and throughput days.</summary>
internal readonly record struct ProjektionsVerlauf(Spur Spur, int Pfad, int Dauer);

/// <summary>A process-track event as the key figures count it (quarter as day number of its first day; reason as id, -1 when not closing).</summary>
internal readonly record struct ProjektionsProzessSchritt(int Quartal, bool Neu, bool Wieder, bool Beendet, int Grund, sbyte DeltaAktiv, sbyte DeltaRuhend, int Akteur, bool MitVorgaenger);

/// <summary>What the projection derives from a Fall's events; rebuilt only when the Fall's event count changes.</summary>
internal sealed record FallVerlauf(
    int EreignisAnzahl,
    ProjektionsEreignis[] Ereignisse,
    string[] StatusAufnahme,
    ProjektionsVerlauf[] Verlaeufe,
    ProjektionsProzessSchritt[] Prozess);

/// <summary>A Fall of the projection: the cohort attributes (read on every refresh) and the event-derived part.</summary>
internal sealed record ProjektionsFall(
    Guid Id,
    string Mandant,
    Guid? TeamId,
    DateOnly Aufgenommen,
    bool Offen,
    DateOnly ProzessSeit,
    DateOnly? Einreise,
    int AlterBeiAufnahme,
    bool HatUeberleitung,
    FallVerlauf Verlauf);

/// <summary>A Thema as the overview counts it (no text).</summary>
internal readonly record struct ProjektionsThema(Guid Id, string Mandant, Guid? FallId, string Kategorie, string Status, DateOnly Tag);
