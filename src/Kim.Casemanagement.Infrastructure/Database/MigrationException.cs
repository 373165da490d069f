namespace Kim.Casemanagement.Infrastructure.Database;

/// <summary>A migration script is invalid, failed, or no longer matches what was applied.</summary>
public sealed class MigrationException : Exception
{
    public MigrationException()
    {
    }

    public MigrationException(string message)
        : base(message)
    {
    }

    public MigrationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MigrationException(string message, string? scriptName, Exception? innerException = null)
        : base(message, innerException)
    {
        ScriptName = scriptName;
    }

    /// <summary>The script concerned, if the problem belongs to one.</summary>
    public string? ScriptName { get; }
}
