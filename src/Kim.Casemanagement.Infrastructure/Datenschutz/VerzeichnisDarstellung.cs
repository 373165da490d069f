using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Kim.Casemanagement.Infrastructure.Datenschutz;

/// <summary>
/// The Art. 30 record as a German document: Markdown (<see cref="Markdown"/>, to edit and file), an HTML fragment for the
/// page <c>/Datenschutz/Verzeichnis</c> (<see cref="Fragment"/>, headings from level 2) and a whole HTML document to
/// download or print (<see cref="Dokument"/>). The same sections in the same order in all three.
/// </summary>
public static class VerzeichnisDarstellung
{
    private static readonly HtmlEncoder Kodierer = HtmlEncoder.Create(UnicodeRanges.All);

    private const string Stil = """
        body { font-family: system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #1b1b1b; line-height: 1.5; max-width: 60rem; margin: 1.5rem auto; padding: 0 1rem; }
        h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; border-bottom: 2px solid #1b1b1b; margin-top: 2rem; } h3 { font-size: 1.1rem; }
        table { border-collapse: collapse; width: 100%; margin: 0 0 1rem; } caption { text-align: left; font-weight: 700; }
        th, td { border: 1px solid #6b6b6b; padding: .25rem .4rem; text-align: left; vertical-align: top; overflow-wrap: break-word; }
        .tabelle-scroll { overflow-x: auto; }
        dl { display: grid; grid-template-columns: minmax(10rem, max-content) 1fr; gap: .15rem 1rem; } dt { font-weight: 600; } dd { margin: 0; }
        @media print { body { margin: 0; max-width: none; font-size: 10pt; } h2 { break-after: avoid; } tr, li { break-inside: avoid; } }
        """;

    public static string Markdown(Verarbeitungsverzeichnis v)
    {
        ArgumentNullException.ThrowIfNull(v);
        var sb = new StringBuilder();
        sb.Append("# ").Append(Md(v.Titel)).Append("\n\n");
        sb.Append("**Verarbeitungstätigkeit:** ").Append(Md(v.Verarbeitung)).Append("  \n");
        sb.Append("**Stand:** ").Append(Datenschutztexte.Zeit(v.ErstelltAm)).Append(" (Fristen gültig am ").Append(Datenschutztexte.Datum(v.Stichtag)).Append(")\n\n");
        sb.Append("Aus dem Datenkatalog, der Regeltabelle und der Konfiguration der Software erzeugt. Mit [nicht konfiguriert: …] markierte Angaben ergänzt die Kommune in der Konfiguration (Abschnitt `Datenschutz`).\n\n");

        sb.Append("## 1. Verantwortlicher (Art. 30 Abs. 1 Buchst. a DSGVO)\n\n");
        foreach (var a in v.Verantwortlicher)
        {
            sb.Append("- **").Append(Md(a.Bezeichnung)).Append(":** ").Append(Md(a.Wert)).Append('\n');
        }

        sb.Append("\n### Datenschutzbeauftragte*r\n\n");
        foreach (var a in v.Datenschutzbeauftragter)
        {
            sb.Append("- **").Append(Md(a.Bezeichnung)).Append(":** ").Append(Md(a.Wert)).Append('\n');
        }

        sb.Append("\n## 2. Zwecke der Verarbeitung und Rechtsgrundlagen (Buchst. b)\n\n### Rechtsgrundlagen\n\n");
        Punkte(sb, v.Rechtsgrundlagen);
        sb.Append("\n### Zwecke\n\n");
        MdGruppen(sb, v.Zwecke);
        sb.Append("\n## 3. Kategorien betroffener Personen (Buchst. c)\n\n");
        MdGruppen(sb, v.Betroffene);
        sb.Append("\n## 4. Kategorien personenbezogener Daten (Buchst. c)\n\n");
        MdGruppen(sb, v.Datenarten);
        sb.Append("\n## 5. Empfänger (Buchst. d)\n\n");
        foreach (var e in v.Empfaenger)
        {
            sb.Append("### ").Append(Md(e.Empfaenger)).Append("\n\n- **Art:** ").Append(Md(e.Art)).Append("\n- **Grundlage und Grenzen:** ").Append(Md(e.Grundlage)).Append("\n- **Daten:**\n");
            foreach (var d in e.Daten)
            {
                sb.Append("  - ").Append(Md(d)).Append('\n');
            }

            sb.Append('\n');
        }

        sb.Append("### Auftragsverarbeiter (Art. 28 DSGVO)\n\n").Append(Md(v.Auftragsverarbeiter)).Append("\n\n");
        sb.Append("## 6. Übermittlung in Drittländer (Buchst. e)\n\n").Append(Md(v.Drittland)).Append("\n\n");
        sb.Append("## 7. Fristen für die Löschung (Buchst. f)\n\n");
        sb.Append("| Tabelle | Frist (gültig am ").Append(Datenschutztexte.Datum(v.Stichtag)).Append(") | Regel | gültig seit | Quelle | Löschregel |\n|---|---|---|---|---|---|\n");
        foreach (var f in v.Fristen)
        {
            sb.Append("| ").Append(Zelle($"{f.Bezeichnung} ({f.Tabelle})")).Append(" | ").Append(Zelle(f.Frist is null ? "–" : $"{f.Frist} ({f.IsoFrist})"))
                .Append(" | ").Append(Zelle(f.Schluessel ?? "–")).Append(" | ").Append(f.GueltigAb is { } ab ? Datenschutztexte.Datum(ab) : "–")
                .Append(" | ").Append(Zelle(f.Quelle ?? "–")).Append(" | ").Append(Zelle(f.Loeschregel)).Append(" |\n");
        }

        sb.Append("\n## 8. Technische und organisatorische Maßnahmen (Buchst. g, Art. 32 DSGVO)\n\n");
        foreach (var m in v.Massnahmen)
        {
            sb.Append("- **").Append(Md(m.Bereich)).Append(":** ").Append(Md(m.Beschreibung)).Append('\n');
        }

        sb.Append("\n## Anhang: Tabellen mit personenbezogenen Daten\n\n");
        foreach (var t in v.Tabellen)
        {
            sb.Append("### ").Append(Md(t.Bezeichnung)).Append(" (`").Append(t.Tabelle).Append("`)\n\n");
            sb.Append("Betroffene: ").Append(Md(t.Betroffene)).Append(". Zweck: ").Append(Md(t.Zweck)).Append(".\n\n");
            foreach (var s in t.Spalten)
            {
                sb.Append("- `").Append(s.Bezeichnung).Append("`: ").Append(Md(s.Wert)).Append('\n');
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    public static string Dokument(Verarbeitungsverzeichnis v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
            .Append(E(v.Titel)).Append("</title>\n<style>\n").Append(Stil).Append("\n</style>\n</head>\n<body>\n<main>\n<h1>").Append(E(v.Titel)).Append("</h1>\n")
            .Append(Fragment(v)).Append("</main>\n</body>\n</html>\n").ToString();
    }

    /// <summary>The record as HTML sections (headings from <c>h2</c>).</summary>
    public static string Fragment(Verarbeitungsverzeichnis v)
    {
        ArgumentNullException.ThrowIfNull(v);
        var sb = new StringBuilder();
        sb.Append("<dl>\n<dt>Verarbeitungstätigkeit</dt><dd>").Append(E(v.Verarbeitung)).Append("</dd>\n<dt>Stand</dt><dd>").Append(E(Datenschutztexte.Zeit(v.ErstelltAm)))
            .Append(" (Fristen gültig am ").Append(E(Datenschutztexte.Datum(v.Stichtag))).Append(")</dd>\n</dl>\n")
            .Append("<p>Aus dem Datenkatalog, der Regeltabelle und der Konfiguration der Software erzeugt. Mit „[nicht konfiguriert: …]“ markierte Angaben ergänzt die Kommune in der Konfiguration (Abschnitt <code>Datenschutz</code>).</p>\n");

        Abschnitt(sb, "vz-verantwortlicher", "1. Verantwortlicher (Art. 30 Abs. 1 Buchst. a DSGVO)");
        Angaben(sb, v.Verantwortlicher);
        sb.Append("<h3>Datenschutzbeauftragte*r</h3>\n");
        Angaben(sb, v.Datenschutzbeauftragter);
        sb.Append("</section>\n");

        Abschnitt(sb, "vz-zwecke", "2. Zwecke der Verarbeitung und Rechtsgrundlagen (Buchst. b)");
        sb.Append("<h3>Rechtsgrundlagen</h3>\n");
        Liste(sb, v.Rechtsgrundlagen);
        sb.Append("<h3>Zwecke</h3>\n");
        Gruppen(sb, v.Zwecke);
        sb.Append("</section>\n");

        Abschnitt(sb, "vz-betroffene", "3. Kategorien betroffener Personen (Buchst. c)");
        Gruppen(sb, v.Betroffene);
        sb.Append("</section>\n");

        Abschnitt(sb, "vz-datenarten", "4. Kategorien personenbezogener Daten (Buchst. c)");
        Gruppen(sb, v.Datenarten);
        sb.Append("</section>\n");

        Abschnitt(sb, "vz-empfaenger", "5. Empfänger (Buchst. d)");
        foreach (var e in v.Empfaenger)
        {
            sb.Append("<h3>").Append(E(e.Empfaenger)).Append("</h3>\n<dl>\n<dt>Art</dt><dd>").Append(E(e.Art)).Append("</dd>\n<dt>Grundlage und Grenzen</dt><dd>").Append(E(e.Grundlage)).Append("</dd>\n<dt>Daten</dt><dd>");
            Liste(sb, e.Daten);
            sb.Append("</dd>\n</dl>\n");
        }

        sb.Append("<h3>Auftragsverarbeiter (Art. 28 DSGVO)</h3>\n<p>").Append(E(v.Auftragsverarbeiter)).Append("</p>\n</section>\n");

        Abschnitt(sb, "vz-drittland", "6. Übermittlung in Drittländer (Buchst. e)");
        sb.Append("<p>").Append(E(v.Drittland)).Append("</p>\n</section>\n");

        Abschnitt(sb, "vz-fristen", "7. Fristen für die Löschung (Buchst. f)");
        sb.Append("<div class=\"tabelle-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Fristen je Tabelle\"><table>\n<caption>Fristen je Tabelle, gültig am ").Append(E(Datenschutztexte.Datum(v.Stichtag))).Append("</caption>\n")
            .Append("<thead><tr><th scope=\"col\">Tabelle</th><th scope=\"col\">Frist</th><th scope=\"col\">Regel</th><th scope=\"col\">gültig seit</th><th scope=\"col\">Quelle</th><th scope=\"col\">Löschregel</th></tr></thead>\n<tbody>\n");
        foreach (var f in v.Fristen)
        {
            sb.Append("<tr><th scope=\"row\">").Append(E(f.Bezeichnung)).Append(" <code>").Append(E(f.Tabelle)).Append("</code></th><td>")
                .Append(E(f.Frist is null ? "–" : $"{f.Frist} ({f.IsoFrist})")).Append("</td><td>").Append(E(f.Schluessel ?? "–")).Append("</td><td>")
                .Append(E(f.GueltigAb is { } ab ? Datenschutztexte.Datum(ab) : "–")).Append("</td><td>").Append(E(f.Quelle ?? "–")).Append("</td><td>")
                .Append(E(f.Loeschregel)).Append("</td></tr>\n");
        }

        sb.Append("</tbody>\n</table></div>\n</section>\n");

        Abschnitt(sb, "vz-massnahmen", "8. Technische und organisatorische Maßnahmen (Buchst. g, Art. 32 DSGVO)");
        sb.Append("<dl>\n");
        foreach (var m in v.Massnahmen)
        {
            sb.Append("<dt>").Append(E(m.Bereich)).Append("</dt><dd>").Append(E(m.Beschreibung)).Append("</dd>\n");
        }

        sb.Append("</dl>\n</section>\n");

        Abschnitt(sb, "vz-anhang", "Anhang: Tabellen mit personenbezogenen Daten");
        foreach (var t in v.Tabellen)
        {
            sb.Append("<h3>").Append(E(t.Bezeichnung)).Append(" <code>").Append(E(t.Tabelle)).Append("</code></h3>\n<p>Betroffene: ").Append(E(t.Betroffene))
                .Append(". Zweck: ").Append(E(t.Zweck)).Append(".</p>\n<ul>\n");
            foreach (var s in t.Spalten)
            {
                sb.Append("<li><code>").Append(E(s.Bezeichnung)).Append("</code>: ").Append(E(s.Wert)).Append("</li>\n");
            }

            sb.Append("</ul>\n");
        }

        sb.Append("</section>\n");
        return sb.ToString();
    }

    private static void Abschnitt(StringBuilder sb, string id, string titel) =>
        sb.Append("<section aria-labelledby=\"").Append(id).Append("\">\n<h2 id=\"").Append(id).Append("\">").Append(E(titel)).Append("</h2>\n");

    private static void Angaben(StringBuilder sb, IReadOnlyList<VerzeichnisAngabe> angaben)
    {
        sb.Append("<dl>\n");
        foreach (var a in angaben)
        {
            sb.Append("<dt>").Append(E(a.Bezeichnung)).Append("</dt><dd>").Append(E(a.Wert)).Append("</dd>\n");
        }

        sb.Append("</dl>\n");
    }

    private static void Gruppen(StringBuilder sb, IReadOnlyList<VerzeichnisGruppe> gruppen)
    {
        sb.Append("<dl>\n");
        foreach (var g in gruppen)
        {
            sb.Append("<dt>").Append(E(g.Bezeichnung)).Append("</dt><dd>");
            if (g.Erlaeuterung is { } e)
            {
                sb.Append("<p>").Append(E(e)).Append("</p>");
            }

            Liste(sb, g.Tabellen);
            sb.Append("</dd>\n");
        }

        sb.Append("</dl>\n");
    }

    private static void Liste(StringBuilder sb, IEnumerable<string> punkte)
    {
        sb.Append("<ul>\n");
        foreach (var p in punkte)
        {
            sb.Append("<li>").Append(E(p)).Append("</li>\n");
        }

        sb.Append("</ul>\n");
    }

    private static void Punkte(StringBuilder sb, IEnumerable<string> punkte)
    {
        foreach (var p in punkte)
        {
            sb.Append("- ").Append(Md(p)).Append('\n');
        }
    }

    private static void MdGruppen(StringBuilder sb, IReadOnlyList<VerzeichnisGruppe> gruppen)
    {
        foreach (var g in gruppen)
        {
            sb.Append("- **").Append(Md(g.Bezeichnung)).Append("**");
            if (g.Erlaeuterung is { } e)
            {
                sb.Append(" – ").Append(Md(e));
            }

            sb.Append('\n');
            foreach (var t in g.Tabellen)
            {
                sb.Append("  - ").Append(Md(t)).Append('\n');
            }
        }
    }

    private static string Zelle(string text) => Md(text).Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    /// <summary>Text in Markdown: characters that would start emphasis, code or markup are escaped ("Klient*innen" stays as written).</summary>
    private static string Md(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '`' or '<' or '>')
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    private static string E(string text) => Kodierer.Encode(text);
}
