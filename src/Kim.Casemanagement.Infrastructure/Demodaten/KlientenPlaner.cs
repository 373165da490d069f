using Kim.Casemanagement.Domain.Klienten;

namespace Kim.Casemanagement.Infrastructure.Demodaten;

/// <summary>
/// Plans every client before any Fall is simulated (cheap, sequential): households (some clients share a household id, with
/// the number of minor children), country and names, sex, age at intake (many 18-27-year-olds), entry date and the day the Fall
/// is opened. The plans are sorted by intake day, so file numbers run in intake order.
/// </summary>
internal static class KlientenPlaner
{
    private static readonly DateOnly UkraineAufnahmeFruehestens = new(2022, 3, 15);

    private static readonly (int Von, int Bis)[] Altersgruppen = [(14, 17), (18, 27), (28, 40), (41, 55), (56, 67)];

    private static readonly IReadOnlyList<((int Von, int Bis) Wert, double Gewicht)> Altersmix =
        [(Altersgruppen[0], 0.05), (Altersgruppen[1], 0.38), (Altersgruppen[2], 0.32), (Altersgruppen[3], 0.18), (Altersgruppen[4], 0.07)];

    private static readonly IReadOnlyList<(int Wert, double Gewicht)> Haushaltsgroesse = [(1, 0.74), (2, 0.20), (3, 0.06)];

    private static readonly IReadOnlyList<(int Wert, double Gewicht)> Kinderzahl = [(0, 0.45), (1, 0.20), (2, 0.18), (3, 0.10), (4, 0.05), (5, 0.02)];

    public static IReadOnlyList<KlientPlan> Planen(DemodatenOptionen optionen)
    {
        var beginn = optionen.Heute.AddYears(-optionen.Jahre).AddDays(1);
        var liste = new List<KlientPlan>(optionen.Klienten);
        for (var h = 0; liste.Count < optionen.Klienten; h++)
        {
            HaushaltPlanen(new Zufall(optionen.Seed, Strom.Haushalte, h), h, beginn, optionen.Heute, optionen.Klienten - liste.Count, liste);
        }

        liste.Sort((a, b) => a.Aufnahmedatum != b.Aufnahmedatum ? a.Aufnahmedatum.CompareTo(b.Aufnahmedatum)
            : a.Haushalt != b.Haushalt ? a.Haushalt.CompareTo(b.Haushalt) : a.Mitglied.CompareTo(b.Mitglied));
        var ergebnis = new KlientPlan[liste.Count];
        for (var i = 0; i < liste.Count; i++)
        {
            ergebnis[i] = liste[i] with { Index = i };
        }

        return ergebnis;
    }

    private static void HaushaltPlanen(Zufall z, int haushalt, DateOnly beginn, DateOnly heute, int rest, List<KlientPlan> liste)
    {
        var land = z.Gewichtet(Herkunftslaender.NachAnteil);
        var aufnahme = Tag(z, beginn, heute);
        if (land.EinreiseFruehestens is not null)
        {
            var ab = beginn > UkraineAufnahmeFruehestens ? beginn : UkraineAufnahmeFruehestens;
            if (ab > heute)
            {
                land = Herkunftslaender.Ersatz;
            }
            else if (aufnahme < ab)
            {
                aufnahme = Tag(z, ab, heute);
            }
        }

        var szenario = z.Gewichtet(land.Szenarien);
        var groesse = Math.Min(rest, z.Gewichtet(Haushaltsgroesse));
        var gruppe = z.Gewichtet(Altersmix);
        var alter = z.Zahl(gruppe.Von, gruppe.Bis);
        var geburt = Geburt(z, aufnahme, alter);
        var einreise = Einreise(z, szenario, land, aufnahme, geburt);
        var kinder = alter is >= 22 and <= 50 ? z.Gewichtet(Kinderzahl) : alter > 50 && z.Ja(0.15) ? 1 : 0;
        Guid? haushaltId = groesse > 1 ? z.Uuid7(new DateTimeOffset(einreise.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero)) : null;
        var namen = land.Originalschrift is { } original && z.Ja(land.OriginalschriftAnteil) ? original : land.Latein;
        var nachname = z.Zahl(0, namen.Nachnamen.Length - 1);
        var erstesGeschlecht = GeschlechtWaehlen(z, land);

        for (var m = 0; m < groesse; m++)
        {
            var geschlecht = m switch
            {
                0 => erstesGeschlecht,
                1 when z.Ja(0.9) => erstesGeschlecht == Geschlecht.Weiblich ? Geschlecht.Maennlich : Geschlecht.Weiblich,
                _ => GeschlechtWaehlen(z, land),
            };
            var mitgliedAufnahme = m == 0 ? aufnahme : Min(heute, aufnahme.AddDays(z.Zahl(0, 120)));
            var mitgliedAlter = m switch
            {
                0 => alter,
                1 => alter < 18 ? alter + z.Zahl(20, 30) : Math.Clamp(alter + z.Zahl(-6, 6), 18, 75),
                _ => alter >= 38 ? z.Zahl(18, 24) : Math.Clamp(alter + z.Zahl(-6, 6), 16, 35),
            };
            var mitgliedGeburt = m == 0 ? geburt : Geburt(z, mitgliedAufnahme, mitgliedAlter);
            var mitgliedEinreise = m == 0 || z.Ja(0.8) ? einreise : Min(mitgliedAufnahme, einreise.AddDays(z.Zahl(30, 700)));
            if (mitgliedEinreise < mitgliedGeburt)
            {
                mitgliedEinreise = Min(mitgliedAufnahme, mitgliedGeburt.AddDays(z.Zahl(0, 365)));
            }

            var weiblich = geschlecht == Geschlecht.Weiblich || (geschlecht != Geschlecht.Maennlich && z.Ja(0.5));
            var vornamen = weiblich ? namen.Weiblich : namen.Maennlich;
            var nachnameIndex = m == 1 && z.Ja(0.3) ? z.Zahl(0, namen.Nachnamen.Length - 1) : nachname;
            liste.Add(new KlientPlan(
                haushalt,
                m,
                vornamen[z.Zahl(0, vornamen.Length - 1)],
                namen.Nachname(nachnameIndex, weiblich),
                mitgliedGeburt,
                geschlecht,
                land,
                mitgliedEinreise,
                haushaltId,
                kinder,
                szenario,
                mitgliedAufnahme));
        }
    }

    /// <summary>A day in [von, bis] with a density rising towards "today" (KIM grows, and old Fälle are closed: f(t) ~ e^(3.6 t)).</summary>
    private static DateOnly Tag(Zufall z, DateOnly von, DateOnly bis)
    {
        const double K = 3.6;
        var u = z.Anteil();
        var t = Math.Log(1 + (u * (Math.Exp(K) - 1))) / K;
        var spanne = bis.DayNumber - von.DayNumber;
        return von.AddDays((int)Math.Round(Math.Clamp(t, 0, 1) * spanne));
    }

    private static DateOnly Geburt(Zufall z, DateOnly aufnahme, int alter) => aufnahme.AddYears(-alter).AddDays(-z.Zahl(0, 364));

    private static DateOnly Einreise(Zufall z, Szenario szenario, Herkunftsland land, DateOnly aufnahme, DateOnly geburt)
    {
        var einreise = szenario switch
        {
            Szenario.Asylverfahren => aufnahme.AddDays(-z.Zahl(0, 150)),
            Szenario.Paragraph24 => aufnahme.AddDays(-z.Zahl(0, 540)),
            Szenario.Geduldet => aufnahme.AddDays(-z.Zahl(400, 3000)),
            Szenario.Anerkannt => aufnahme.AddDays(-z.Zahl(240, 2600)),
            Szenario.SonstigerTitel => aufnahme.AddDays(-z.Zahl(20, 1800)),
            _ => aufnahme.AddDays(-z.Zahl(2100, 5500)),
        };
        if (land.EinreiseFruehestens is { } frueh && einreise < frueh)
        {
            einreise = frueh.AddDays(z.Zahl(0, Math.Max(0, aufnahme.DayNumber - frueh.DayNumber)));
        }

        if (einreise < geburt)
        {
            einreise = geburt.AddDays(z.Zahl(0, 365));
        }

        return Min(einreise, aufnahme);
    }

    private static Geschlecht GeschlechtWaehlen(Zufall z, Herkunftsland land)
    {
        var r = z.Anteil();
        return r < 0.003 ? Geschlecht.Divers
            : r < 0.005 ? Geschlecht.Unbekannt
            : z.Ja(land.MaennlichAnteil) ? Geschlecht.Maennlich : Geschlecht.Weiblich;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
