namespace Kim.Casemanagement.Infrastructure.Database;

/// <summary>Outcome of <see cref="SqlMigrator.MigrateAsync"/>.</summary>
public sealed class MigrationResult
{
    public MigrationResult(IReadOnlyList<MigrationScript> applied, IReadOnlyList<AppliedMigration> alreadyApplied)
    {
        Applied = applied;
        AlreadyApplied = alreadyApplied;
    }

    /// <summary>The scripts this run applied, in the order it applied them.</summary>
    public IReadOnlyList<MigrationScript> Applied { get; }

    /// <summary>The journal as it was before this run applied anything.</summary>
    public IReadOnlyList<AppliedMigration> AlreadyApplied { get; }

    public bool AppliedAny => Applied.Count > 0;
}
