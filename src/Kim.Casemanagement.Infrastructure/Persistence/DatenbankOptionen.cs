using Kim.Casemanagement.Infrastructure.Database;

namespace Kim.Casemanagement.Infrastructure.Persistence;

/// <summary>
/// Database settings (section <c>Database</c>). With no <c>ConnectionStrings:Kim</c>, the app runs a private
/// PostgreSQL cluster (see <see cref="EmbeddedPostgres"/>); with one, it uses that server.
/// </summary>
public sealed class DatenbankOptionen
{
    public const string Abschnitt = "Database";

    /// <summary>Apply pending <c>db/migrations</c> scripts at start-up (default true).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>How many Fälle the per-instance cache of recently used rows holds (<see cref="Aggregat.FallZwischenspeicher"/>); 0 turns it off.</summary>
    public int FallZwischenspeicher { get; set; } = 2000;

    /// <summary>
    /// How many connections the read pool of the Fall reads opens at most (<see cref="Datenbank.LeseDataSource"/>,
    /// multiplexed, ADR 0015; default 2). Counts towards <c>max_connections</c> per instance (docs/betrieb.md).
    /// </summary>
    public int LeseVerbindungen { get; set; } = 2;

    /// <summary>Settings of the embedded default cluster.</summary>
    public EmbeddedPostgresOptions Embedded { get; set; } = new();
}
