using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Kim.Casemanagement.Infrastructure.Persistence.Aggregat;

/// <summary>
/// The rows of recently used Fälle, per instance (ADR 0003): the column values of the Fall with its client and of its
/// child rows as stored at one version. It never answers on its own: every load first reads the Fall's current version
/// from the database (one key lookup) and takes the rows from here only when they belong to exactly that version;
/// otherwise it loads them and keeps them. Every change of a Fall raises its version in the same transaction (the
/// repository's version check), so rows of an older version are never used, whichever instance changed it. A saved
/// change is kept at once with its new version (write-through). Bounded: above <see cref="DatenbankOptionen.FallZwischenspeicher"/>
/// entries the least recently used tenth is dropped; 0 turns the cache off.
/// </summary>
public sealed class FallZwischenspeicher(IOptions<DatenbankOptionen> optionen)
{
    private readonly ConcurrentDictionary<Guid, Eintrag> _eintraege = new();
    private long _uhr;

    private int Kapazitaet => optionen.Value.FallZwischenspeicher;

    /// <summary>Loads answered from the cache (after the version check) and loads that read the rows, since start.</summary>
    public long Treffer => Interlocked.Read(ref _treffer);

    public long Fehlschlaege => Interlocked.Read(ref _fehlschlaege);

    private long _treffer;
    private long _fehlschlaege;

    internal bool Aktiv => Kapazitaet > 0;

    /// <summary>How many Fälle are held now.</summary>
    public int Anzahl => _eintraege.Count;

    internal bool Versuchen(Guid fallId, out Eintrag eintrag)
    {
        if (Aktiv && _eintraege.TryGetValue(fallId, out eintrag!))
        {
            eintrag.ZuletztBenutzt = Interlocked.Increment(ref _uhr);
            return true;
        }

        eintrag = null!;
        return false;
    }

    internal void Zaehlen(bool treffer) => Interlocked.Increment(ref treffer ? ref _treffer : ref _fehlschlaege);

    internal void Setzen(Guid fallId, Eintrag eintrag)
    {
        if (!Aktiv)
        {
            return;
        }

        eintrag.ZuletztBenutzt = Interlocked.Increment(ref _uhr);
        _eintraege.AddOrUpdate(fallId, eintrag, (_, alt) => alt.Version > eintrag.Version ? alt : eintrag);
        if (_eintraege.Count > Kapazitaet)
        {
            Verdraengen();
        }
    }

    internal void Entfernen(Guid fallId) => _eintraege.TryRemove(fallId, out _);

    /// <summary>Beyond the capacity: the least recently used go, a tenth more than needed, so that this runs rarely.</summary>
    private void Verdraengen() => Verdraengung.Kuerzen(_eintraege, Kapazitaet + 1, Kapazitaet - (Kapazitaet / 10), e => e.ZuletztBenutzt);

    /// <summary>
    /// One Fall's rows at one version: the Fall with its client (<see cref="FallZeilen.FallWerte"/>) and each child table's
    /// rows (<see cref="Tabelle{T}.Werte"/>), in the order a load returns them. The arrays are never changed.
    /// Timestamps are kept at the database's precision (microseconds), so that a Fall built from here equals one read from
    /// the database.
    /// </summary>
    internal sealed class Eintrag(int version, object?[] fall, IReadOnlyList<object?[]>[] kinder)
    {
        public int Version { get; } = version;

        public object?[] Fall { get; } = Mikrosekunden(fall);

        public IReadOnlyList<object?[]>[] Kinder { get; } = [.. kinder.Select(t => (IReadOnlyList<object?[]>)[.. t.Select(Mikrosekunden)])];

        private Domain.Faelle.Fall? _geteilt;

        public long ZuletztBenutzt { get; set; }

        /// <summary>
        /// The one Fall of this version that reads share (built by <paramref name="aufbauen"/> on first use; when two
        /// reads race, one instance wins and the other is dropped). Only for reading its data: see <c>GelesenerFall</c>.
        /// </summary>
        public Domain.Faelle.Fall Geteilt(Func<Eintrag, Domain.Faelle.Fall> aufbauen)
        {
            if (Volatile.Read(ref _geteilt) is { } vorhanden)
            {
                return vorhanden;
            }

            var neu = aufbauen(this);
            return Interlocked.CompareExchange(ref _geteilt, neu, null) ?? neu;
        }

        private static object?[] Mikrosekunden(object?[] werte)
        {
            object?[]? kopie = null;
            for (var i = 0; i < werte.Length; i++)
            {
                if (werte[i] is DateTimeOffset z && z.Ticks % 10 != 0)
                {
                    kopie ??= (object?[])werte.Clone();
                    kopie[i] = new DateTimeOffset(z.Ticks - (z.Ticks % 10), z.Offset);
                }
            }

            return kopie ?? werte;
        }
    }
}
