namespace Kim.Casemanagement.Domain.Rechtsregeln;

/// <summary>A typed key into the rule table.</summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed class RegelSchluessel<T>(string name, Func<string, T> parse)
{
    public string Name { get; } = name;

    public T Parse(string wert) => parse(wert);

    public override string ToString() => Name;
}
