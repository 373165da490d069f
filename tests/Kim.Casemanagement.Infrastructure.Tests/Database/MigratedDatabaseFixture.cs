using Kim.Casemanagement.Testing;

namespace Kim.Casemanagement.Infrastructure.Tests.Database;

public sealed class MigratedDatabaseFixture : PostgresDatabaseFixture, IAsyncLifetime;
