using System.Globalization;
using System.Text;

namespace Kim.Casemanagement.Domain.Common;

/// <summary>Rules for text that comes from outside: names, short texts, free text.</summary>
public static class Texte
{
    public const int NameMaxLaenge = 100;
    public const int KurztextMaxLaenge = 200;
    public const int FreitextMaxLaenge = 4000;

    /// <summary>NFC-normalises and trims; null stays null.</summary>
    public static string? Normalisieren(string? text) => text?.Normalize(NormalizationForm.FormC).Trim();

    /// <summary>
    /// A personal name in any script (Latin, Arabic, Ethiopic/Tigrinya, Cyrillic, ...): letters and
    /// combining marks, separated by single spaces, hyphens, apostrophes or dots. No digits, no
    /// control or format characters, no markup.
    /// </summary>
    public static bool IstGueltigerName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > NameMaxLaenge)
        {
            return false;
        }

        // Must start with a letter; separators may not follow each other, except a space after a dot ("A. Müller").
        var previous = -1;
        var previousWasSeparator = true;
        foreach (var rune in name.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            var isLetter = category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
            // Zero-width (non-)joiners belong to Persian and Indic spellings; they may only stand between letters.
            var isJoiner = rune.Value is 0x200C or 0x200D;
            if (isLetter || (isJoiner && !previousWasSeparator))
            {
                previousWasSeparator = isJoiner;
                previous = rune.Value;
                continue;
            }

            var isSeparator = rune.Value is ' ' or '-' or '\'' or '.' or '\u2019' or '\u02BC';
            var allowedAfterSeparator = previous == '.' && rune.Value == ' ';
            if (!isSeparator || (previousWasSeparator && !allowedAfterSeparator))
            {
                return false;
            }

            previousWasSeparator = true;
            previous = rune.Value;
        }

        return !previousWasSeparator || previous == '.';
    }

    /// <summary>A one-line text: no control characters at all, at most <paramref name="maxLaenge"/> characters.</summary>
    public static bool IstGueltigerKurztext(string? text, int maxLaenge = KurztextMaxLaenge) =>
        text is not null && text.Length <= maxLaenge && !EnthaeltSteuerzeichen(text, erlaubeZeilenumbruch: false);

    /// <summary>Free text (notes): line breaks and tabs allowed, other control characters not.</summary>
    public static bool IstGueltigerFreitext(string? text, int maxLaenge = FreitextMaxLaenge) =>
        text is not null && text.Length <= maxLaenge && !EnthaeltSteuerzeichen(text, erlaubeZeilenumbruch: true);

    /// <summary>True when the text holds C0/C1 control characters, or Unicode format/bidi-override characters that could disguise it.</summary>
    public static bool EnthaeltSteuerzeichen(string text, bool erlaubeZeilenumbruch)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            if (erlaubeZeilenumbruch && c is '\n' or '\r' or '\t')
            {
                continue;
            }

            if (char.IsControl(c))
            {
                return true;
            }

            // Bidi overrides/isolates (Trojan-source style spoofing); ZWNJ/ZWJ stay allowed for Persian and Indic scripts.
            if (c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\uFEFF')
            {
                return true;
            }
        }

        return false;
    }
}
