namespace Kim.Casemanagement.Infrastructure.Database;

/// <summary>Names of the PostgreSQL roles the product relies on.</summary>
public static class DatabaseRoles
{
    /// <summary>Login role that owns the database and schema <c>public</c> and runs the migrations.</summary>
    public const string Owner = "kim_owner";

    /// <summary>Login role the application connects as.</summary>
    public const string App = "kim_app";

    /// <summary>Group role (NOLOGIN) that migration scripts grant privileges to; <see cref="App"/> is a member.</summary>
    public const string AppGroup = "kim_anwendung";
}
