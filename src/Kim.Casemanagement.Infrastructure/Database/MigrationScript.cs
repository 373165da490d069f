namespace Kim.Casemanagement.Infrastructure.Database;

/// <summary>One migration script <c>NNNN_description.sql</c>.</summary>
public sealed class MigrationScript
{
    internal MigrationScript(int version, string name, string sql, string checksum)
    {
        Version = version;
        Name = name;
        Sql = sql;
        Checksum = checksum;
    }

    /// <summary>The number <c>NNNN</c> at the start of the name.</summary>
    public int Version { get; }

    /// <summary>The file name, for example <c>0001_faelle.sql</c>.</summary>
    public string Name { get; }

    public string Sql { get; }

    /// <summary>Lower-case hex SHA-256 of the script's UTF-8 text (without BOM, line ends normalised to LF).</summary>
    public string Checksum { get; }

    public override string ToString() => Name;
}
