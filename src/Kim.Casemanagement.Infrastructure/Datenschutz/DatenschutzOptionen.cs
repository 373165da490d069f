namespace Kim.Casemanagement.Infrastructure.Datenschutz;

/// <summary>
/// What only the Kommune knows, for the Art. 15 copy and the Art. 30 record (section <c>Datenschutz</c>):
/// <code>
/// "Datenschutz": {
///   "Verantwortlicher": { "Name": "Kreis Musterland – Der Landrat", "Anschrift": "Musterstraße 1, 12345 Musterstadt", "Kontakt": "kim@kreis-musterland.de", "Vertretung": "Landrat Max Muster" },
///   "Datenschutzbeauftragter": { "Name": "Behördliche Datenschutzbeauftragte", "Anschrift": "…", "Kontakt": "datenschutz@kreis-musterland.de" },
///   "AuskunftNenntBeschaeftigte": false
/// }
/// </code>
/// An unset value appears in the documents as a clearly marked placeholder (<see cref="Platzhalter"/>), never as an empty field.
/// </summary>
public sealed class DatenschutzOptionen
{
    public const string Abschnitt = "Datenschutz";

    /// <summary>The controller (Art. 4 Nr. 7 DSGVO): the Kreis or the kreisfreie Stadt.</summary>
    public Kontaktangabe Verantwortlicher { get; set; } = new();

    /// <summary>The data protection officer (Art. 37-39 DSGVO).</summary>
    public Kontaktangabe Datenschutzbeauftragter { get; set; } = new();

    /// <summary>The supervisory authority a client may complain to (Art. 77 DSGVO); default: the LDI NRW.</summary>
    public string Aufsichtsbehoerde { get; set; } =
        "Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen (LDI NRW), Kavalleriestraße 2–4, 40213 Düsseldorf, poststelle@ldi.nrw.de";

    /// <summary>Processors (Art. 28 DSGVO) that run the product for the Kommune (hosting, operation), for the Art. 30 record.</summary>
    public string? Auftragsverarbeiter { get; set; }

    /// <summary>
    /// Whether the Art. 15 copy names the staff who read or changed the client's data (default false: role and authority
    /// only). A Kommune that sets it true has decided that the client's interest outweighs the staff's (Art. 15 Abs. 4 DSGVO).
    /// </summary>
    public bool AuskunftNenntBeschaeftigte { get; set; }

    /// <summary>
    /// Per Kommune (key: the Mandant's key), for an installation that serves several Kommunen: each is its own controller,
    /// with its own data protection officer, and decides itself whether its copies name staff. A block set here replaces
    /// the installation's block of the same name as a whole (a Kommune's controller never gets another's address); what a
    /// Kommune leaves out comes from the installation's values above. <c>Datenschutz:Kommunen:kreis-b:Verantwortlicher:Name</c>.
    /// </summary>
    public Dictionary<string, KommuneDatenschutz> Kommunen { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The values that apply to the Kommune <paramref name="mandant"/>: its own blocks where it has them, else the installation's.</summary>
    public DatenschutzOptionen Fuer(string mandant)
    {
        ArgumentException.ThrowIfNullOrEmpty(mandant);
        if (!Kommunen.TryGetValue(mandant, out var k) || k is null)
        {
            return this;
        }

        return new DatenschutzOptionen
        {
            Verantwortlicher = Gesetzt(k.Verantwortlicher) ? k.Verantwortlicher! : Verantwortlicher,
            Datenschutzbeauftragter = Gesetzt(k.Datenschutzbeauftragter) ? k.Datenschutzbeauftragter! : Datenschutzbeauftragter,
            Aufsichtsbehoerde = string.IsNullOrWhiteSpace(k.Aufsichtsbehoerde) ? Aufsichtsbehoerde : k.Aufsichtsbehoerde,
            Auftragsverarbeiter = string.IsNullOrWhiteSpace(k.Auftragsverarbeiter) ? Auftragsverarbeiter : k.Auftragsverarbeiter,
            AuskunftNenntBeschaeftigte = k.AuskunftNenntBeschaeftigte ?? AuskunftNenntBeschaeftigte,
        };

        static bool Gesetzt(Kontaktangabe? a) => a is not null && new[] { a.Name, a.Anschrift, a.Kontakt, a.Vertretung }.Any(t => !string.IsNullOrWhiteSpace(t));
    }

    /// <summary>The text for a value the Kommune has not configured.</summary>
    public static string Platzhalter(string schluessel) => $"[nicht konfiguriert: {Abschnitt}:{schluessel} – bitte von der Kommune zu ergänzen]";
}

/// <summary>Name, postal address, contact (e-mail or telephone) and, for the controller, who represents it.</summary>
public sealed class Kontaktangabe
{
    public string? Name { get; set; }

    public string? Anschrift { get; set; }

    public string? Kontakt { get; set; }

    public string? Vertretung { get; set; }
}

/// <summary>What one Kommune of a multi-Kommune installation sets for itself (<see cref="DatenschutzOptionen.Kommunen"/>); unset: the installation's.</summary>
public sealed class KommuneDatenschutz
{
    public Kontaktangabe? Verantwortlicher { get; set; }

    public Kontaktangabe? Datenschutzbeauftragter { get; set; }

    public string? Aufsichtsbehoerde { get; set; }

    public string? Auftragsverarbeiter { get; set; }

    public bool? AuskunftNenntBeschaeftigte { get; set; }
}
