namespace Kim.Casemanagement.Domain.Faelle;

/// <summary>A step (trigger) as users see it: its German label and the parameters it takes.</summary>
public sealed record SchrittDefinition(string Trigger, string Bezeichnung, IReadOnlyList<ParameterDefinition> Parameter)
{
    public static SchrittDefinition Einfach(string trigger, string bezeichnung) => new(trigger, bezeichnung, []);
}
