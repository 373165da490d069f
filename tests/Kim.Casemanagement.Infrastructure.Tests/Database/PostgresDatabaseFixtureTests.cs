using Kim.Casemanagement.Infrastructure.Database;

namespace Kim.Casemanagement.Infrastructure.Tests.Database;

public sealed class PostgresDatabaseFixtureTests(MigratedDatabaseFixture fixture) : IClassFixture<MigratedDatabaseFixture>
{
    [Fact]
    public async Task Database_AsClassFixture_IsMigratedAndReachableAsApp()
    {
        fixture.Database.Name.ShouldStartWith("migrateddatabasefixture_");
        (await Sql.ScalarAsync<string>(fixture.AppConnectionString, "SELECT current_user")).ShouldBe(DatabaseRoles.App);
        (await new SqlMigrator().IsUpToDateAsync(fixture.AppConnectionString)).ShouldBeTrue();
    }
}
