namespace Kim.Casemanagement.Infrastructure.Demodaten;

/// <summary>What a seed run wrote and how long it took.</summary>
public sealed record LadeErgebnis
{
    public int Klienten { get; init; }

    public int Faelle { get; init; }

    public long Ereignisse { get; init; }

    public long Einwilligungen { get; init; }

    public long EinwilligungenWiderrufen { get; init; }

    public long Ziele { get; init; }

    public long Wiedervorlagen { get; init; }

    public long WiedervorlagenOffen { get; init; }

    public long Vertretungen { get; init; }

    public long Ueberleitungen { get; init; }

    public long Notizen { get; init; }

    public long Uebergaben { get; init; }

    public int Teams { get; init; }

    public int Konten { get; init; }

    /// <summary>Fälle per case-management state at "today" (open phases, Ruhend, Abschluss, Abbruch, Verweisung).</summary>
    public IReadOnlyDictionary<string, int> FaelleJeProzesszustand { get; init; } = new Dictionary<string, int>();

    /// <summary>Steps the simulation tried and the domain refused (not recorded).</summary>
    public long Abgelehnt { get; init; }

    /// <summary>Time the simulation workers spent, summed over all workers.</summary>
    public TimeSpan ErzeugungRechenzeit { get; init; }

    /// <summary>Wall-clock time until the last batch was generated (generation overlaps with loading).</summary>
    public TimeSpan Erzeugung { get; init; }

    /// <summary>Wall-clock time the COPY statements took, summed over batches.</summary>
    public TimeSpan Schreiben { get; init; }

    /// <summary>Time spent building the secondary indexes and adding the foreign keys again after the load.</summary>
    public TimeSpan Indizes { get; init; }

    /// <summary>Wall-clock time from start to commit (generation and load overlapped, plus sequence and ANALYZE).</summary>
    public TimeSpan Gesamt { get; init; }
}
