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
    /// with its own data protection officer, and may decide itself whether its copies name staff.
    /// <c>Datenschutz:Kommunen:kreis-b:Verantwortlicher:Name</c>. The installation's own controller and officer (above)
    /// are those of its default Kommune (<c>standard</c>) only: another Kommune without its own block gets a marked
    /// placeholder, never another Kommune's controller. The supervisory authority, the processors and the staff-naming
    /// choice come from the installation's values unless the Kommune sets its own.
    /// </summary>
    public Dictionary<string, KommuneDatenschutz> Kommunen { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Where the values of these options are configured, in front of a key (empty: the installation's; <c>Kommunen:kreis-b:</c> for a Kommune's own).</summary>
    public string Schluesselpraefix { get; private init; } = string.Empty;

    /// <summary>The values that apply to the Kommune <paramref name="mandant"/> (see <see cref="Kommunen"/>).</summary>
    public DatenschutzOptionen Fuer(string mandant)
    {
        ArgumentException.ThrowIfNullOrEmpty(mandant);
        var eigene = Kommunen.TryGetValue(mandant, out var k) ? k : null;
        if (eigene is null && string.Equals(mandant, StandardMandant, StringComparison.Ordinal))
        {
            return this;
        }

        return new DatenschutzOptionen
        {
            Schluesselpraefix = $"Kommunen:{mandant}:",
            Verantwortlicher = eigene?.Verantwortlicher ?? new Kontaktangabe(),
            Datenschutzbeauftragter = eigene?.Datenschutzbeauftragter ?? new Kontaktangabe(),
            Aufsichtsbehoerde = string.IsNullOrWhiteSpace(eigene?.Aufsichtsbehoerde) ? Aufsichtsbehoerde : eigene.Aufsichtsbehoerde,
            Auftragsverarbeiter = string.IsNullOrWhiteSpace(eigene?.Auftragsverarbeiter) ? Auftragsverarbeiter : eigene.Auftragsverarbeiter,
            AuskunftNenntBeschaeftigte = eigene?.AuskunftNenntBeschaeftigte ?? AuskunftNenntBeschaeftigte,
        };
    }

    /// <summary>The installation's default Kommune, whose controller and officer the installation's own values name.</summary>
    public const string StandardMandant = "standard";

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
