using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Domain.Themen;

/// <summary>
/// A "generatives Thema": a structural problem a case manager saw on one Fall and escalates to the Lenkungsgruppe
/// (source 004, DOMAIN.md §2). It names a category and a short description without personal data; the case manager records
/// how it stands (escalated to the Lenkungsgruppe, settled). The Lenkungsgruppe sees counts by category and state only:
/// never the description, the Fall or the Thema itself.
/// </summary>
public sealed partial class Thema
{
    public const int BeschreibungMaxLaenge = 500;

    private Thema()
    {
        Mandant = Beschreibung = ErstelltVon = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>The Kommune (tenant) of the Fall it was flagged on.</summary>
    public string Mandant { get; private set; }

    /// <summary>The Fall it was flagged on; null once that Fall has been erased (the Thema outlives it, without the link).</summary>
    public Guid? FallId { get; private set; }

    public ThemaKategorie Kategorie { get; private set; }

    public string Beschreibung { get; private set; }

    public ThemaStatus Status { get; private set; }

    public DateTimeOffset ErstelltAm { get; private set; }

    public string ErstelltVon { get; private set; }

    public DateTimeOffset GeaendertAm { get; private set; }

    public string? GeaendertVon { get; private set; }

    /// <summary>Optimistic-concurrency token: increases with every status change.</summary>
    public int Version { get; private set; }

    /// <summary>
    /// Flags a Thema on a Fall. The description is checked like every short text (length, no control characters) and,
    /// because it is meant for a structural discussion, must not carry obvious personal data: not the client's names
    /// (<paramref name="personenNamen"/>), no exact dates, no file numbers or long digit runs, no e-mail addresses.
    /// </summary>
    /// <exception cref="DomainException">Unknown category or an invalid description (400).</exception>
    public static Thema Melden(Guid id, string mandant, Guid fallId, ThemaKategorie kategorie, string? beschreibung, IEnumerable<string> personenNamen, string akteur, DateTimeOffset jetzt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mandant);
        ArgumentException.ThrowIfNullOrWhiteSpace(akteur);
        ArgumentNullException.ThrowIfNull(personenNamen);
        var errors = new Dictionary<string, string[]>();
        if (!Enum.IsDefined(kategorie))
        {
            errors["kategorie"] = [$"Erlaubt: {string.Join(", ", Enum.GetNames<ThemaKategorie>())}."];
        }

        var text = Texte.Normalisieren(beschreibung) ?? string.Empty;
        if (PruefeBeschreibung(text, personenNamen) is { } fehler)
        {
            errors["beschreibung"] = [fehler];
        }

        if (errors.Count > 0)
        {
            throw new DomainException("Das Thema ist unvollständig oder ungültig.", errors);
        }

        return new Thema
        {
            Id = id,
            Mandant = mandant,
            FallId = fallId,
            Kategorie = kategorie,
            Beschreibung = text,
            Status = ThemaStatus.Offen,
            ErstelltAm = jetzt,
            ErstelltVon = akteur,
            GeaendertAm = jetzt,
            Version = 1,
        };
    }

    /// <summary>Moves the Thema to another state (any state may follow any other: a settled Thema may be reopened). Returns false when it already is in that state.</summary>
    /// <exception cref="DomainException">Unknown state (400).</exception>
    public bool StatusAendern(ThemaStatus neu, string akteur, DateTimeOffset jetzt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(akteur);
        if (!Enum.IsDefined(neu))
        {
            throw new DomainException("Unbekannter Status.", new Dictionary<string, string[]> { ["status"] = [$"Erlaubt: {string.Join(", ", Enum.GetNames<ThemaStatus>())}."] });
        }

        if (neu == Status)
        {
            return false;
        }

        Status = neu;
        GeaendertAm = jetzt;
        GeaendertVon = akteur;
        Version++;
        return true;
    }

    /// <summary>The German error text for an unacceptable description, or null when it is fine.</summary>
    public static string? PruefeBeschreibung(string text, IEnumerable<string> personenNamen)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(personenNamen);
        if (text.Length == 0 || !Texte.IstGueltigerKurztext(text, BeschreibungMaxLaenge))
        {
            return $"1 bis {BeschreibungMaxLaenge} Zeichen in einer Zeile, ohne Steuerzeichen.";
        }

        if (EMail().IsMatch(text) || Datum().IsMatch(text) || Ziffernfolge().IsMatch(text) || Kennung().IsMatch(text))
        {
            return "Bitte beschreiben Sie das strukturelle Problem ohne personenbezogene Angaben: keine genauen Daten, Aktenzeichen, Nummern oder E-Mail-Adressen.";
        }

        var woerter = Woerter(text).ToHashSet(StringComparer.InvariantCultureIgnoreCase);
        var namensteile = personenNamen.SelectMany(Woerter).Where(w => w.Length >= 2);
        if (namensteile.Any(woerter.Contains))
        {
            return "Bitte beschreiben Sie das strukturelle Problem ohne den Namen der Person.";
        }

        return null;
    }

    /// <summary>The words of a text: runs of letters and combining marks.</summary>
    private static IEnumerable<string> Woerter(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        var wort = new StringBuilder();
        foreach (var rune in text.Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            var kategorie = Rune.GetUnicodeCategory(rune);
            if (Rune.IsLetter(rune) || kategorie is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                wort.Append(rune.ToString());
            }
            else if (wort.Length > 0)
            {
                yield return wort.ToString();
                wort.Clear();
            }
        }

        if (wort.Length > 0)
        {
            yield return wort.ToString();
        }
    }

    [GeneratedRegex(@"[^\s@]+@[^\s@]+\.[^\s@]+", RegexOptions.CultureInvariant)]
    private static partial Regex EMail();

    // 1.3.2025, 01.03.25, 2025-03-01, 1/3/2025
    [GeneratedRegex(@"\b\d{1,2}\s*[./]\s*\d{1,2}\s*[./]\s*\d{2,4}\b|\b\d{4}-\d{1,2}-\d{1,2}\b", RegexOptions.CultureInvariant)]
    private static partial Regex Datum();

    // File numbers, phone numbers, ids: five or more digits, possibly grouped by spaces, dots, slashes or hyphens.
    [GeneratedRegex(@"\d(?:[\s./-]?\d){4,}", RegexOptions.CultureInvariant)]
    private static partial Regex Ziffernfolge();

    // KIM-2026-000123 and GUIDs.
    [GeneratedRegex(@"\bKIM-\d|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-", RegexOptions.CultureInvariant)]
    private static partial Regex Kennung();
}
