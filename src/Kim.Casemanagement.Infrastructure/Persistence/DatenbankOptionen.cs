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

    /// <summary>Settings of the embedded default cluster.</summary>
    public EmbeddedPostgresOptions Embedded { get; set; } = new();
}
