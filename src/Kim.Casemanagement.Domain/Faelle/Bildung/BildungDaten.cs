namespace Kim.Casemanagement.Domain.Faelle.Bildung;

/// <summary>The persisted state of the education track.</summary>
public sealed class BildungDaten
{
    public BildungZustand Zustand { get; internal set; } = BildungZustand.KeineBeratung;

    public DateOnly Seit { get; internal set; }

    public IntegrationskursArt? IntegrationskursArt { get; internal set; }

    /// <summary>How many 300-UE repeats of the integration course were used.</summary>
    public int IntegrationskursWiederholungen { get; internal set; }

    public bool IntegrationskursAbgeschlossen { get; internal set; }

    /// <summary>Name of the current or last training, study programme or qualification.</summary>
    public string? Massnahmebezeichnung { get; internal set; }
}
