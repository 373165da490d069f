namespace Kim.Casemanagement.Infrastructure.Database;

/// <summary>A row of the journal table <c>schema_migrations</c>.</summary>
public sealed record AppliedMigration(int Version, string Name, string Checksum, DateTimeOffset AppliedAt);
