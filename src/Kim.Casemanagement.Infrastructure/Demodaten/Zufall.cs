using Bogus;

namespace Kim.Casemanagement.Infrastructure.Demodaten;

/// <summary>
/// The random source of one generated unit (a household, a client's Fall, the staff): a Bogus <see cref="Randomizer"/>
/// seeded from the run's seed, a stream name and an index, so that every unit is reproducible on its own and units can be
/// generated in parallel in any order. Bulk draws go through a <see cref="Random"/> seeded by that randomizer: Bogus takes a
/// process-wide lock on every draw, which costs about 15 % of the generation time.
/// </summary>
internal sealed class Zufall
{
    private readonly Randomizer _r;
    private readonly Random _x;

    public Zufall(int seed, Strom strom, int index)
    {
        _r = new Randomizer(Mischen(seed, (int)strom, index));
        _x = new Random(_r.Int());
    }

    /// <summary>The Bogus randomizer behind this source (for Bogus datasets such as German staff names).</summary>
    public Randomizer Randomizer => _r;

    /// <summary>A well-mixed 31-bit seed from three integers (SplitMix64 finaliser).</summary>
    public static int Mischen(int seed, int strom, int index)
    {
        unchecked
        {
            var x = ((ulong)(uint)seed * 0x9E3779B97F4A7C15UL) ^ ((ulong)(uint)strom * 0xC2B2AE3D27D4EB4FUL) ^ (((ulong)(uint)index + 1) * 0x165667B19E3779F9UL);
            x ^= x >> 30;
            x *= 0xBF58476D1CE4E5B9UL;
            x ^= x >> 27;
            x *= 0x94D049BB133111EBUL;
            x ^= x >> 31;
            return (int)(x & 0x7FFFFFFF);
        }
    }

    /// <summary>An integer in [<paramref name="min"/>, <paramref name="max"/>] (both inclusive).</summary>
    public int Zahl(int min, int max) => max <= min ? min : _x.Next(min, max + 1);

    /// <summary>A double in [0, 1).</summary>
    public double Anteil() => _x.NextDouble();

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Ja(double p) => p > 0 && (p >= 1 || _x.NextDouble() < p);

    public T Eins<T>(IReadOnlyList<T> liste) => liste[Zahl(0, liste.Count - 1)];

    /// <summary>Picks by weight; weights need not add up to 1.</summary>
    public T Gewichtet<T>(IReadOnlyList<(T Wert, double Gewicht)> liste)
    {
        var summe = 0.0;
        foreach (var (_, g) in liste)
        {
            summe += g;
        }

        var x = Anteil() * summe;
        foreach (var (wert, g) in liste)
        {
            if (x < g)
            {
                return wert;
            }

            x -= g;
        }

        return liste[^1].Wert;
    }

    /// <summary>A log-normally distributed number of days with the given median, clipped to [min, max].</summary>
    public int LogNormalTage(double median, double sigma, int min, int max)
    {
        var u1 = 1.0 - Anteil();
        var u2 = Anteil();
        var normal = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        var tage = (int)Math.Round(median * Math.Exp(sigma * normal));
        return Math.Clamp(tage, min, max);
    }

    /// <summary>A UUID version 7 for the instant <paramref name="zeit"/>, its random bits drawn from this source (reproducible).</summary>
    public Guid Uuid7(DateTimeOffset zeit)
    {
        Span<byte> b = stackalloc byte[16];
        var ms = (ulong)zeit.ToUnixTimeMilliseconds();
        b[0] = (byte)(ms >> 40);
        b[1] = (byte)(ms >> 32);
        b[2] = (byte)(ms >> 24);
        b[3] = (byte)(ms >> 16);
        b[4] = (byte)(ms >> 8);
        b[5] = (byte)ms;
        var a = (uint)_x.Next();
        var c = (uint)_x.Next();
        var d = (uint)_x.Next();
        b[6] = (byte)(0x70 | (a & 0x0F));
        b[7] = (byte)(a >> 4);
        b[8] = (byte)(0x80 | ((a >> 12) & 0x3F));
        b[9] = (byte)(a >> 18);
        b[10] = (byte)c;
        b[11] = (byte)(c >> 8);
        b[12] = (byte)(c >> 16);
        b[13] = (byte)d;
        b[14] = (byte)(d >> 8);
        b[15] = (byte)(d >> 16);
        return new Guid(b, bigEndian: true);
    }

    /// <summary>Hex digits (upper case), e.g. for security stamps.</summary>
    public string Hex(int laenge)
    {
        const string Ziffern = "0123456789ABCDEF";
        return string.Create(laenge, this, static (span, z) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Ziffern[z.Zahl(0, 15)];
            }
        });
    }
}
