using Kim.Casemanagement.Application.Analysen.Algorithmen;

namespace Kim.Casemanagement.Application.Tests.Analysen;

public sealed class SperrtabelleTests
{
    [Fact]
    public void Berechnen_WhenACellHasFewerFaelleThanTheMinimum_SuppressesItPrimarily()
    {
        var t = new Sperrtabelle();
        var klein = t.Zelle(4, 4);
        var gross = t.Zelle(5, 5);
        var null0 = t.Zelle(0, 0);

        t.Berechnen(5);

        t.Grund(klein).ShouldBe(Sperrgrund.Primaer);
        t.Grund(gross).ShouldBe(Sperrgrund.Keiner);
        t.Grund(null0).ShouldBe(Sperrgrund.Keiner, "a zero describes no one");
        t.Wert(klein).ShouldBeNull();
        t.Wert(gross).ShouldBe(5);
    }

    [Fact]
    public void Berechnen_WhenAManyEventsCellHasFewFaelle_JudgesByTheFaelle()
    {
        var t = new Sperrtabelle();
        var zelle = t.Zelle(wert: 12, traeger: 2);

        t.Berechnen(5);

        t.IstGesperrt(zelle).ShouldBeTrue("twelve steps of two people are still two people");
    }

    [Fact]
    public void Berechnen_WhenTheTotalAndAllButOnePartWouldBeShown_SuppressesTheSmallestOtherPart()
    {
        // 20 = 12 + 3 + 5: showing 20, 12 and 5 would reveal 3 by difference.
        var t = new Sperrtabelle();
        var gesamt = t.Zelle(20, 20, istSumme: true);
        var a = t.Zelle(12, 12);
        var b = t.Zelle(3, 3);
        var c = t.Zelle(5, 5);
        t.Summe(gesamt, [a, b, c]);

        t.Berechnen(5);

        t.Grund(b).ShouldBe(Sperrgrund.Primaer);
        t.Grund(c).ShouldBe(Sperrgrund.Sekundaer, "the smallest other part is withheld");
        t.Grund(a).ShouldBe(Sperrgrund.Keiner);
        t.Grund(gesamt).ShouldBe(Sperrgrund.Keiner);
    }

    [Fact]
    public void Berechnen_WhenTheOnlyOtherPartIsZero_SuppressesTheTotalInstead()
    {
        // 3 = 3 + 0: withholding the zero would not protect anything (a zero is often known), so the total goes.
        var t = new Sperrtabelle();
        var gesamt = t.Zelle(3, 3, istSumme: true);
        var klein = t.Zelle(3, 3);
        var leer = t.Zelle(0, 0);
        t.Summe(gesamt, [klein, leer]);

        t.Berechnen(5);

        t.Grund(klein).ShouldBe(Sperrgrund.Primaer);
        t.Grund(gesamt).ShouldBe(Sperrgrund.Primaer, "the total of a small group is itself small");
        t.Grund(leer).ShouldBe(Sperrgrund.Keiner);
    }

    [Fact]
    public void Berechnen_WhenOnlyTotalsAndZerosAreLeft_SuppressesTheSmallerTotal()
    {
        // 9 = 2 + 0 + 7, where the 7 is itself a total (of another relation): plain parts go first, then totals, zeros last.
        var t = new Sperrtabelle();
        var gesamt = t.Zelle(9, 9, istSumme: true);
        var klein = t.Zelle(2, 2);
        var leer = t.Zelle(0, 0);
        var rest = t.Zelle(7, 7, istSumme: true);
        t.Summe(gesamt, [klein, leer, rest]);

        t.Berechnen(5);

        t.Grund(klein).ShouldBe(Sperrgrund.Primaer);
        t.Grund(rest).ShouldBe(Sperrgrund.Sekundaer, "among the non-zero members only totals are left; the smaller one goes");
        t.Grund(gesamt).ShouldBe(Sperrgrund.Keiner);
        t.Grund(leer).ShouldBe(Sperrgrund.Keiner);
    }

    [Fact]
    public void Berechnen_InATableWithMargins_WithholdsARectangleSoThatNoRowOrColumnHasExactlyOne()
    {
        //            s1   s2   s3 | Σ
        //   k1        8    2    6 | 16
        //   k2        7    9    5 | 21
        //   Σ        15   11   11 | 37
        var werte = new long[,] { { 8, 2, 6 }, { 7, 9, 5 } };
        var t = new Sperrtabelle();
        var zellen = new int[2, 3];
        for (var i = 0; i < 2; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                zellen[i, j] = t.Zelle(werte[i, j], werte[i, j]);
            }
        }

        var zeilen = Enumerable.Range(0, 2).Select(i => t.Zelle(Enumerable.Range(0, 3).Sum(j => werte[i, j]), 1000, istSumme: true)).ToArray();
        var spalten = Enumerable.Range(0, 3).Select(j => t.Zelle(Enumerable.Range(0, 2).Sum(i => werte[i, j]), 1000, istSumme: true)).ToArray();
        var gesamt = t.Zelle(37, 1000, istSumme: true);
        for (var i = 0; i < 2; i++)
        {
            t.Summe(zeilen[i], Enumerable.Range(0, 3).Select(j => zellen[i, j]));
        }

        for (var j = 0; j < 3; j++)
        {
            t.Summe(spalten[j], Enumerable.Range(0, 2).Select(i => zellen[i, j]));
        }

        t.Summe(gesamt, zeilen);
        t.Summe(gesamt, spalten);

        t.Berechnen(5);

        // Primary: (k1, s2) = 2. Row k1: smallest other non-zero part is (k1, s3) = 6. Column s2: (k2, s2) = 9.
        // Column s3 then has (k1, s3) alone: (k2, s3) = 5. Row k2 has (k2, s2) and (k2, s3): done.
        t.Grund(zellen[0, 1]).ShouldBe(Sperrgrund.Primaer);
        t.Grund(zellen[0, 2]).ShouldBe(Sperrgrund.Sekundaer);
        t.Grund(zellen[1, 1]).ShouldBe(Sperrgrund.Sekundaer);
        t.Grund(zellen[1, 2]).ShouldBe(Sperrgrund.Sekundaer);
        t.IstGesperrt(zellen[0, 0]).ShouldBeFalse();
        t.IstGesperrt(zellen[1, 0]).ShouldBeFalse();
        zeilen.Concat(spalten).Append(gesamt).ShouldAllBe(z => !t.IstGesperrt(z));
    }

    [Fact]
    public void Berechnen_WhenAStockAndFlowEquationLinksTwoQuarters_ProtectsAcrossThem()
    {
        // Offen(Q2) + Beendet(Q2) = Offen(Q1) + Neu(Q2): 30 + 2 = 25 + 7. Beendet (2) is primary; without a second cell
        // it would be 25 + 7 - 30.
        var t = new Sperrtabelle();
        var offen1 = t.Zelle(25, 25, istSumme: true);
        var offen2 = t.Zelle(30, 30, istSumme: true);
        var beendet = t.Zelle(2, 2, istSumme: true);
        var neu = t.Zelle(7, 7);
        t.Gleichung([offen2, beendet], [offen1, neu]);

        t.Berechnen(5);

        t.Grund(beendet).ShouldBe(Sperrgrund.Primaer);
        t.Grund(neu).ShouldBe(Sperrgrund.Sekundaer);
    }

    [Fact]
    public void Sperren_WhenACellIsWithheldAsAWhole_CountsItAsSuppressed()
    {
        var t = new Sperrtabelle();
        var gesamt = t.Zelle(50, 50, istSumme: true);
        var a = t.Zelle(20, 20);
        var b = t.Zelle(30, 30);
        t.Summe(gesamt, [a, b]);
        t.Sperren(a);

        t.Berechnen(5);

        t.Grund(a).ShouldBe(Sperrgrund.Auswahl);
        t.Grund(b).ShouldBe(Sperrgrund.Sekundaer);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Berechnen_OnRandomLinkedTables_LeavesNoRelationWithExactlyOneSuppressedMember(int saat)
    {
        var zufall = new Random(saat);
        var zeilen = zufall.Next(2, 7);
        var spalten = zufall.Next(2, 7);
        var werte = new long[zeilen, spalten];
        var t = new Sperrtabelle();
        var zellen = new int[zeilen, spalten];
        for (var i = 0; i < zeilen; i++)
        {
            for (var j = 0; j < spalten; j++)
            {
                werte[i, j] = zufall.Next(0, 4) == 0 ? zufall.Next(0, 5) : zufall.Next(0, 40);
                zellen[i, j] = t.Zelle(werte[i, j], werte[i, j]);
            }
        }

        var beziehungen = new List<int[]>();
        var zeilenSummen = new int[zeilen];
        for (var i = 0; i < zeilen; i++)
        {
            var teile = Enumerable.Range(0, spalten).Select(j => zellen[i, j]).ToArray();
            var summe = Enumerable.Range(0, spalten).Sum(j => werte[i, j]);
            zeilenSummen[i] = t.Zelle(summe, summe, istSumme: true);
            t.Summe(zeilenSummen[i], teile);
            beziehungen.Add([zeilenSummen[i], .. teile]);
        }

        for (var j = 0; j < spalten; j++)
        {
            var teile = Enumerable.Range(0, zeilen).Select(i => zellen[i, j]).ToArray();
            var summe = Enumerable.Range(0, zeilen).Sum(i => werte[i, j]);
            var s = t.Zelle(summe, summe, istSumme: true);
            t.Summe(s, teile);
            beziehungen.Add([s, .. teile]);
        }

        t.Berechnen(5);

        foreach (var b in beziehungen)
        {
            b.Count(t.IstGesperrt).ShouldNotBe(1);
        }

        for (var i = 0; i < zeilen; i++)
        {
            for (var j = 0; j < spalten; j++)
            {
                if (werte[i, j] is > 0 and < 5)
                {
                    t.IstGesperrt(zellen[i, j]).ShouldBeTrue();
                }
            }
        }
    }
}
