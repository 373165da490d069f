namespace Kim.Casemanagement.Infrastructure.Database;

/// <summary>Settings of the private PostgreSQL cluster started when no connection string is configured
/// (configuration section <c>Database:Embedded</c>).</summary>
public sealed class EmbeddedPostgresOptions
{
    /// <summary>Folder holding the cluster (<c>pgdata</c>), its socket folder (<c>run</c>) and <c>postgres.log</c>.
    /// Relative paths are resolved against the current directory.</summary>
    public string DataDirectory { get; set; } = "./.kim-data";

    public string DatabaseName { get; set; } = "kim";

    /// <summary>Only names the socket file (<c>.s.PGSQL.&lt;port&gt;</c>); the server never listens on TCP.</summary>
    public int Port { get; set; } = 5432;

    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Folder with <c>initdb</c> and <c>pg_ctl</c>; when empty they are looked up on PATH
    /// and in Debian's <c>/usr/lib/postgresql/&lt;version&gt;/bin</c>.</summary>
    public string? BinDirectory { get; set; }
}
