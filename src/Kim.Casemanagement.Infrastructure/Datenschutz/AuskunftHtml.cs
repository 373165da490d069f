using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Kim.Casemanagement.Domain.Einwilligungen;

namespace Kim.Casemanagement.Infrastructure.Datenschutz;

/// <summary>
/// The human-readable, printable form of an <see cref="Auskunft"/> in German: <see cref="Fragment"/> for the page
/// <c>/Datenschutz/Auskunft</c> (headings from level 2), <see cref="Dokument"/> as a file to hand over (a whole HTML
/// document with its own styles, for screen and print). Every value is HTML-encoded. Values without content are left out
/// (the JSON form holds every column); staff and household links are shown as the copy holds them.
/// </summary>
public static class AuskunftHtml
{
    private static readonly HtmlEncoder Kodierer = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Styles of the standalone document (inline in the file: it has to work without the server).</summary>
    private const string Stil = """
        body { font-family: system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #1b1b1b; line-height: 1.5; max-width: 60rem; margin: 1.5rem auto; padding: 0 1rem; }
        h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; border-bottom: 2px solid #1b1b1b; margin-top: 2rem; } h3 { font-size: 1.1rem; } h4 { font-size: 1rem; }
        table { border-collapse: collapse; width: 100%; margin: 0 0 1rem; } caption { text-align: left; font-weight: 700; }
        th, td { border: 1px solid #6b6b6b; padding: .25rem .4rem; text-align: left; vertical-align: top; overflow-wrap: break-word; }
        .tabelle-scroll { overflow-x: auto; }
        dl.angaben { display: grid; grid-template-columns: minmax(12rem, max-content) 1fr; gap: .15rem 1rem; margin: 0; }
        dl.angaben dt { font-weight: 600; } dl.angaben dd { margin: 0; overflow-wrap: break-word; }
        ol.auskunft-eintraege > li { border: 1px solid #6b6b6b; padding: .5rem .75rem; margin-bottom: .5rem; }
        .leise { color: #4a4a4a; }
        @media print { body { margin: 0; max-width: none; font-size: 10pt; } h2 { break-after: avoid; } li, tr, dl { break-inside: avoid; } nav { display: none; } }
        """;

    /// <summary>A whole HTML document (German) to download, print or hand over.</summary>
    public static string Dokument(Auskunft auskunft)
    {
        ArgumentNullException.ThrowIfNull(auskunft);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append("<title>").Append(E($"{auskunft.Titel} – {auskunft.Name}")).Append("</title>\n<style>\n").Append(Stil).Append("\n</style>\n</head>\n<body>\n<main>\n");
        sb.Append("<h1>").Append(E(auskunft.Titel)).Append("</h1>\n");
        sb.Append(Fragment(auskunft));
        sb.Append("</main>\n</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>The copy as HTML sections (headings from <c>h2</c>), to embed in a page.</summary>
    public static string Fragment(Auskunft auskunft)
    {
        ArgumentNullException.ThrowIfNull(auskunft);
        var sb = new StringBuilder();
        var klient = auskunft.Daten.FirstOrDefault(t => t.Tabelle == "klienten");
        var faelle = auskunft.Daten.FirstOrDefault(t => t.Tabelle == "faelle");

        sb.Append("<section class=\"auskunft\" aria-labelledby=\"auskunft-kopf\">\n");
        sb.Append("<h2 id=\"auskunft-kopf\">").Append(E($"Auskunft für {auskunft.Name}")).Append("</h2>\n<dl class=\"angaben\">\n");
        Angabe(sb, "Rechtsgrundlage", auskunft.Rechtsgrundlage);
        Angabe(sb, "Stand", Datenschutztexte.Zeit(auskunft.ErstelltAm));
        Angabe(sb, "Verantwortliche Stelle", auskunft.Informationen.Verantwortlicher);
        Angabe(sb, "Datenschutzbeauftragte*r", auskunft.Informationen.Datenschutzbeauftragter);
        Angabe(sb, "Fälle", auskunft.Faelle.Count == 0 ? "keine" : string.Join(", ", auskunft.Faelle.Select(f => f.Aktenzeichen)));
        sb.Append("</dl>\n<p>Diese Auskunft enthält alle Daten, die im Fallmanagement des Kommunalen Integrationsmanagements über Sie gespeichert sind, ")
            .Append("wem sie übermittelt wurden und wer sie wann gelesen oder geändert hat. Angaben ohne Wert sind hier weggelassen; die maschinenlesbare Fassung (JSON) enthält jede Angabe. ")
            .Append(E(auskunft.MitNamenDerBeschaeftigten
                ? "Beschäftigte sind mit Namen, Rolle und Behörde genannt."
                : "Beschäftigte sind mit ihrer Rolle und ihrer Behörde genannt, nicht mit Namen."))
            .Append(" Daten anderer Personen (zum Beispiel von Mitgliedern Ihres Haushalts) enthält diese Auskunft nicht.</p>\n");
        sb.Append("<nav aria-label=\"Inhalt der Auskunft\"><ol>\n")
            .Append("<li><a href=\"#auskunft-person\">Angaben zur Person</a></li>\n");
        foreach (var f in auskunft.Faelle)
        {
            sb.Append("<li><a href=\"#auskunft-fall-").Append(f.Id.ToString("N")).Append("\">").Append(E($"Fall {f.Aktenzeichen}")).Append("</a></li>\n");
        }

        sb.Append("<li><a href=\"#auskunft-berichtigungen\">Berichtigungen</a></li>\n<li><a href=\"#auskunft-empfaenger\">Empfänger Ihrer Daten</a></li>\n")
            .Append("<li><a href=\"#auskunft-zugriffe\">Zugriffe auf Ihre Daten</a></li>\n<li><a href=\"#auskunft-informationen\">Weitere Informationen und Ihre Rechte</a></li>\n</ol></nav>\n</section>\n");

        sb.Append("<section aria-labelledby=\"auskunft-person\">\n<h2 id=\"auskunft-person\">Angaben zur Person</h2>\n");
        if (klient is not null)
        {
            Hinweis(sb, klient);
            foreach (var z in klient.Zeilen)
            {
                Eintrag(sb, klient, z);
            }
        }

        sb.Append("</section>\n");

        foreach (var fall in auskunft.Faelle)
        {
            var anker = "auskunft-fall-" + fall.Id.ToString("N");
            sb.Append("<section aria-labelledby=\"").Append(anker).Append("\">\n<h2 id=\"").Append(anker).Append("\">").Append(E($"Fall {fall.Aktenzeichen}")).Append("</h2>\n");
            if (faelle is not null)
            {
                Hinweis(sb, faelle);
                foreach (var z in faelle.Zeilen.Where(z => Id(z, "id") == fall.Id))
                {
                    Eintrag(sb, faelle, z);
                }
            }

            foreach (var t in auskunft.Daten.Where(t => t.Tabelle is not ("klienten" or "faelle")))
            {
                var zeilen = t.Zeilen.Where(z => Id(z, "fall_id") == fall.Id).ToArray();
                var id = $"{anker}-{t.Tabelle}";
                sb.Append("<section aria-labelledby=\"").Append(id).Append("\">\n<h3 id=\"").Append(id).Append("\">")
                    .Append(E($"{t.Bezeichnung} ({zeilen.Length})")).Append("</h3>\n");
                Hinweis(sb, t);
                if (zeilen.Length == 0)
                {
                    sb.Append("<p>Keine Einträge.</p>\n");
                }
                else
                {
                    sb.Append("<ol class=\"auskunft-eintraege\">\n");
                    foreach (var z in zeilen)
                    {
                        sb.Append("<li>");
                        Eintrag(sb, t, z);
                        sb.Append("</li>\n");
                    }

                    sb.Append("</ol>\n");
                }

                sb.Append("</section>\n");
            }

            sb.Append("</section>\n");
        }

        Berichtigungen(sb, auskunft);
        Empfaenger(sb, auskunft);
        Zugriffe(sb, auskunft);
        Informationen(sb, auskunft.Informationen);
        return sb.ToString();
    }

    private static void Hinweis(StringBuilder sb, AuskunftTabelle t) =>
        sb.Append("<p class=\"leise\">Zweck: ").Append(E(t.Zweck)).Append(". Speicherdauer: ").Append(E(t.Speicherdauer)).Append(".</p>\n");

    private static void Eintrag(StringBuilder sb, AuskunftTabelle t, JsonObject zeile)
    {
        sb.Append("<dl class=\"angaben\">\n");
        foreach (var s in t.Spalten)
        {
            if (zeile[s.Name] is { } wert && Anzeige(s, wert) is { Length: > 0 } text)
            {
                sb.Append("<dt>").Append(E(Kurzbezeichnung(s.Bezeichnung))).Append("</dt><dd>").Append(text).Append("</dd>\n");
            }
        }

        sb.Append("</dl>\n");
    }

    /// <summary>
    /// A column's label for people: the catalogue's description up to what it says about erasure ("Geburtsdatum; am
    /// anonymisierten Fall …" → "Geburtsdatum", "Wohnsitzauflage (anonymisiert: nein)" → "Wohnsitzauflage").
    /// </summary>
    internal static string Kurzbezeichnung(string beschreibung)
    {
        var text = beschreibung;
        var semikolon = text.IndexOf("; ", StringComparison.Ordinal);
        if (semikolon > 0)
        {
            text = text[..semikolon];
        }

        var klammer = text.IndexOf(" (anonymisiert", StringComparison.Ordinal);
        return klammer > 0 ? text[..klammer] : text;
    }

    /// <summary>A value as people read it (already HTML-encoded): dates German, yes/no, JSON as nested lists; a consent's categories and recipients in words.</summary>
    private static string Anzeige(AuskunftSpalte spalte, JsonNode wert)
    {
        if (spalte.Typ == "json")
        {
            return Json(wert);
        }

        if (wert.GetValueKind() == JsonValueKind.Number && spalte.Name == "datenkategorien")
        {
            var zahl = wert.GetValue<int>();
            return E($"{string.Join(", ", Datenschutztexte.Kategorien((Datenkategorie)zahl))}");
        }

        var text = wert.GetValueKind() switch
        {
            JsonValueKind.String => wert.GetValue<string>(),
            JsonValueKind.True => "ja",
            JsonValueKind.False => "nein",
            _ => wert.ToJsonString(),
        };
        text = spalte.Typ switch
        {
            "datum" when DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => Datenschutztexte.Datum(d),
            "zeitpunkt" when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var z) => Datenschutztexte.Zeit(z),
            _ when spalte.Name == "empfaenger" => Datenschutztexte.Stelle(text),
            _ => text,
        };
        return E(text);
    }

    private static string Json(JsonNode? node) => node switch
    {
        null => "–",
        JsonObject o when o.Count == 0 => "(leer)",
        JsonObject o => "<dl class=\"angaben\">" + string.Concat(o.Select(p => $"<dt>{E(p.Key)}</dt><dd>{Json(p.Value)}</dd>")) + "</dl>",
        JsonArray a when a.Count == 0 => "(keine)",
        JsonArray a => "<ul>" + string.Concat(a.Select(x => $"<li>{Json(x)}</li>")) + "</ul>",
        _ => E(node.GetValueKind() switch
        {
            JsonValueKind.String => node.GetValue<string>(),
            JsonValueKind.True => "ja",
            JsonValueKind.False => "nein",
            _ => node.ToJsonString(),
        }),
    };

    private static void Berichtigungen(StringBuilder sb, Auskunft a)
    {
        sb.Append("<section aria-labelledby=\"auskunft-berichtigungen\">\n<h2 id=\"auskunft-berichtigungen\">Berichtigungen (Art. 16 DSGVO)</h2>\n")
            .Append("<p>Wurden Ihre Stammdaten berichtigt, stehen die bisherigen Werte nur im Zugriffsprotokoll; hier sind sie aufgeführt.</p>\n");
        if (a.Berichtigungen.Count == 0)
        {
            sb.Append("<p>Keine Berichtigungen.</p>\n</section>\n");
            return;
        }

        sb.Append("<div class=\"tabelle-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Berichtigungen\"><table>\n<caption>Berichtigte Angaben mit ihren bisherigen Werten</caption>\n<thead><tr><th scope=\"col\">Zeitpunkt</th><th scope=\"col\">Fall</th><th scope=\"col\">Angabe</th><th scope=\"col\">bisheriger Wert</th><th scope=\"col\">wirksam</th></tr></thead>\n<tbody>\n");
        foreach (var b in a.Berichtigungen)
        {
            var felder = b.BisherigeWerte.Count == 0 ? [new AuskunftFeld("", "(Protokolltext)", b.Protokolltext)] : b.BisherigeWerte;
            foreach (var f in felder)
            {
                sb.Append("<tr><td>").Append(E(Datenschutztexte.Zeit(b.Zeitpunkt))).Append("</td><td>").Append(E(b.Aktenzeichen ?? "–"))
                    .Append("</td><td>").Append(E(f.Bezeichnung)).Append("</td><td>").Append(E(f.Wert ?? "(leer)"))
                    .Append("</td><td>").Append(b.Wirksam ? "ja" : "nein (nicht gespeichert)").Append("</td></tr>\n");
            }
        }

        sb.Append("</tbody>\n</table></div>\n</section>\n");
    }

    private static void Empfaenger(StringBuilder sb, Auskunft a)
    {
        sb.Append("<section aria-labelledby=\"auskunft-empfaenger\">\n<h2 id=\"auskunft-empfaenger\">Empfänger Ihrer Daten</h2>\n")
            .Append("<p>Welche Stellen welche Daten erhalten dürfen oder erhalten haben: aus Ihren Einwilligungen, den Übergaben des Kompetenzprofils, den Überleitungen und dem Zugriffsprotokoll.</p>\n");
        if (a.Empfaenger.Count == 0)
        {
            sb.Append("<p>Keine.</p>\n</section>\n");
            return;
        }

        sb.Append("<div class=\"tabelle-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Empfänger\"><table>\n<caption>Empfänger</caption>\n<thead><tr><th scope=\"col\">Stelle</th><th scope=\"col\">Grundlage</th><th scope=\"col\">Daten</th><th scope=\"col\">Zweck oder Anlass</th><th scope=\"col\">Zeitraum</th><th scope=\"col\">Stand</th><th scope=\"col\">Fall</th></tr></thead>\n<tbody>\n");
        foreach (var e in a.Empfaenger)
        {
            var zeitraum = e.Von is null ? "–" : e.Bis is null ? $"ab {Datenschutztexte.Datum(e.Von.Value)}" : e.Bis == e.Von ? Datenschutztexte.Datum(e.Von.Value) : $"{Datenschutztexte.Datum(e.Von.Value)} bis {Datenschutztexte.Datum(e.Bis.Value)}";
            sb.Append("<tr><th scope=\"row\">").Append(E(e.Empfaenger)).Append("</th><td>").Append(E(e.Grundlage)).Append("</td><td>").Append(E(string.Join(", ", e.Daten)))
                .Append("</td><td>").Append(E(e.Zweck ?? "–")).Append("</td><td>").Append(E(zeitraum)).Append("</td><td>").Append(E(e.Stand))
                .Append("</td><td>").Append(E(e.Aktenzeichen ?? "–")).Append("</td></tr>\n");
        }

        sb.Append("</tbody>\n</table></div>\n</section>\n");
    }

    private static void Zugriffe(StringBuilder sb, Auskunft a)
    {
        sb.Append("<section aria-labelledby=\"auskunft-zugriffe\">\n<h2 id=\"auskunft-zugriffe\">Zugriffe auf Ihre Daten</h2>\n")
            .Append("<p>Aus dem Zugriffsprotokoll: wer (Rolle und Behörde) Ihre Daten wann gelesen oder geändert hat, auch abgewiesene Versuche.</p>\n");
        if (a.Zugriffe.Count == 0)
        {
            sb.Append("<p>Keine Einträge.</p>\n</section>\n");
            return;
        }

        var mitPerson = a.MitNamenDerBeschaeftigten;
        sb.Append("<div class=\"tabelle-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Zugriffsprotokoll\"><table>\n<caption>Zugriffsprotokoll (").Append(a.Zugriffe.Count.ToString(CultureInfo.InvariantCulture)).Append(" Einträge)</caption>\n<thead><tr><th scope=\"col\">Zeitpunkt</th><th scope=\"col\">Vorgang</th><th scope=\"col\">Art</th><th scope=\"col\">Rolle</th><th scope=\"col\">Stelle</th>");
        if (mitPerson)
        {
            sb.Append("<th scope=\"col\">Person</th>");
        }

        sb.Append("<th scope=\"col\">Fall</th><th scope=\"col\">Ergebnis</th></tr></thead>\n<tbody>\n");
        foreach (var z in a.Zugriffe)
        {
            sb.Append("<tr><td>").Append(E(Datenschutztexte.Zeit(z.Zeitpunkt))).Append("</td><td>").Append(E(z.Vorgang));
            if (z.Einzelheiten is { Length: > 0 } d)
            {
                sb.Append(" <span class=\"leise\">(").Append(E(d)).Append(")</span>");
            }

            sb.Append("</td><td>").Append(E(z.Art)).Append("</td><td>").Append(E(z.Rollen)).Append("</td><td>").Append(E(z.Stelle)).Append("</td>");
            if (mitPerson)
            {
                sb.Append("<td>").Append(E(z.Person ?? "–")).Append("</td>");
            }

            sb.Append("<td>").Append(E(z.Aktenzeichen ?? "–")).Append("</td><td>").Append(z.Ausgefuehrt ? "ausgeführt" : "abgewiesen").Append("</td></tr>\n");
        }

        sb.Append("</tbody>\n</table></div>\n</section>\n");
    }

    private static void Informationen(StringBuilder sb, AuskunftInformationen i)
    {
        sb.Append("<section aria-labelledby=\"auskunft-informationen\">\n<h2 id=\"auskunft-informationen\">Weitere Informationen und Ihre Rechte (Art. 15 Abs. 1 DSGVO)</h2>\n");
        Liste(sb, "Zwecke der Verarbeitung", i.Zwecke);
        Liste(sb, "Kategorien der Daten", i.Datenkategorien);
        Liste(sb, "Empfänger und Kategorien von Empfängern", i.Empfaengerkategorien);
        Liste(sb, "Speicherdauer", i.Speicherdauer);
        Liste(sb, "Kurzlebige Kopien, die nicht einzeln aufgeführt sind", i.WeitereKopien);
        sb.Append("<h3>Herkunft der Daten</h3>\n<p>").Append(E(i.Herkunft)).Append("</p>\n");
        sb.Append("<h3>Automatisierte Entscheidungen</h3>\n<p>").Append(E(i.AutomatisierteEntscheidung)).Append("</p>\n");
        sb.Append("<h3>Übermittlung in Drittländer</h3>\n<p>").Append(E(i.Drittland)).Append("</p>\n");
        Liste(sb, "Ihre Rechte", i.Rechte);
        sb.Append("<h3>Aufsichtsbehörde</h3>\n<p>").Append(E(i.Aufsichtsbehoerde)).Append("</p>\n</section>\n");
    }

    private static void Liste(StringBuilder sb, string titel, IReadOnlyList<string> punkte)
    {
        sb.Append("<h3>").Append(E(titel)).Append("</h3>\n<ul>\n");
        foreach (var p in punkte)
        {
            sb.Append("<li>").Append(E(p)).Append("</li>\n");
        }

        sb.Append("</ul>\n");
    }

    private static void Angabe(StringBuilder sb, string name, string wert) =>
        sb.Append("<dt>").Append(E(name)).Append("</dt><dd>").Append(E(wert)).Append("</dd>\n");

    private static Guid? Id(JsonObject zeile, string spalte) =>
        zeile[spalte] is JsonValue v && v.TryGetValue<string>(out var s) && Guid.TryParse(s, out var g) ? g : null;

    private static string E(string text) => Kodierer.Encode(text);
}
